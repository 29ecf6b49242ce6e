// Seen.keep (src/lib/charts/seen.svelte.ts): a part out of view keeps what it shows while the
// figures move and catches up once they pause (400 ms) and the browser is idle; in view, or
// printing, it follows at once.
// Node has no requestIdleCallback: "idle" is then a 200 ms timer (src/lib/idle.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Seen } from '$lib/charts/seen.svelte';
import { whenIdle, whenIdleAfter } from '$lib/idle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Seen.keep', () => {
	it('out of view: the first value, then the one it had, until the figures pause and the browser is idle', () => {
		const seen = new Seen();
		expect(seen.keep(() => 'a')).toBe('a');
		expect(seen.keep(() => 'b')).toBe('a');
		// Each change restarts the wait: 400 ms still, then idle (a 200 ms timer here).
		vi.advanceTimersByTime(300);
		expect(seen.keep(() => 'c')).toBe('a');
		vi.advanceTimersByTime(500); // 800 ms: the wait from 'b' would have ended at 600
		expect(seen.keep(() => 'd')).toBe('a');
		vi.advanceTimersByTime(600);
		// Caught up: the latest value, once; then kept again until the next pause.
		expect(seen.keep(() => 'e')).toBe('e');
		expect(seen.keep(() => 'f')).toBe('e');
		vi.advanceTimersByTime(600);
		expect(seen.keep(() => 'g')).toBe('g');
	});

	it('in view or printing: every value at once', () => {
		const seen = new Seen();
		seen.visible = true;
		expect(seen.keep(() => 1)).toBe(1);
		expect(seen.keep(() => 2)).toBe(2);
		seen.visible = false;
		expect(seen.keep(() => 3)).toBe(2);
		seen.printing = true;
		expect(seen.keep(() => 4)).toBe(4);
	});
});

describe('whenIdle and whenIdleAfter', () => {
	it('run the task once, unless cancelled first', () => {
		const task = vi.fn();
		whenIdle(task, 1_000);
		const cancel = whenIdle(task, 1_000);
		cancel();
		vi.advanceTimersByTime(200);
		expect(task).toHaveBeenCalledTimes(1);
	});

	it('whenIdleAfter waits for the delay, then for an idle moment', () => {
		const task = vi.fn();
		whenIdleAfter(250, task, 250);
		vi.advanceTimersByTime(250);
		expect(task).not.toHaveBeenCalled();
		vi.advanceTimersByTime(200);
		expect(task).toHaveBeenCalledTimes(1);
		const cancelled = vi.fn();
		const cancel = whenIdleAfter(250, cancelled, 250);
		vi.advanceTimersByTime(300);
		cancel();
		vi.advanceTimersByTime(1_000);
		expect(cancelled).not.toHaveBeenCalled();
	});
});
