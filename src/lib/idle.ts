// Work the reader does not wait for, done when the browser is idle: between a slider's steps,
// not inside the frame that answers one.

/** Runs `task` when the browser is idle, or after `timeoutMs` at most; returns a cancel function. */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
	if (typeof requestIdleCallback === 'function') {
		const handle = requestIdleCallback(() => task(), { timeout: timeoutMs });
		return () => cancelIdleCallback(handle);
	}
	const handle = setTimeout(task, Math.min(200, timeoutMs));
	return () => clearTimeout(handle);
}

/** Runs `task` when the browser is idle once `delayMs` have passed (within `timeoutMs` after that); returns a cancel function. */
export function whenIdleAfter(delayMs: number, task: () => void, timeoutMs: number): () => void {
	let cancelIdle: (() => void) | undefined;
	const timer = setTimeout(() => (cancelIdle = whenIdle(task, timeoutMs)), delayMs);
	return () => {
		clearTimeout(timer);
		cancelIdle?.();
	};
}
