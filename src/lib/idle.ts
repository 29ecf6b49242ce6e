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

/**
 * Runs a task once the changes it follows have paused for `delayMs`, when the browser is idle
 * (within `timeoutMs` after that). Each change calls `poke()`, which restarts the wait: it reads
 * the clock, and sets a timer only when none is running (a drag sets one timer, not one a step).
 *
 *   const write = new AfterPause(250, () => replaceState(...), 250);
 *   write.poke(); // on every change
 */
export class AfterPause {
	#last = 0;
	#timer: ReturnType<typeof setTimeout> | undefined;
	#cancelIdle: (() => void) | undefined;

	constructor(
		private readonly delayMs: number,
		private readonly task: () => void,
		private readonly timeoutMs: number
	) {}

	/** A change: the task runs `delayMs` after the last one (and an idle moment). */
	poke(): void {
		this.#last = performance.now();
		this.#cancelIdle?.();
		this.#cancelIdle = undefined;
		this.#timer ??= setTimeout(this.#check, this.delayMs);
	}

	/** The task does not run (until the next poke). */
	cancel(): void {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		this.#cancelIdle?.();
		this.#cancelIdle = undefined;
	}

	#check = () => {
		const left = this.#last + this.delayMs - performance.now();
		if (left > 0) {
			this.#timer = setTimeout(this.#check, left);
			return;
		}
		this.#timer = undefined;
		this.#cancelIdle = whenIdle(() => {
			this.#cancelIdle = undefined;
			this.task();
		}, this.timeoutMs);
	};
}
