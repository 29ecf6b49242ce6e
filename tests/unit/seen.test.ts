// Seen.keep (src/lib/seen.svelte.ts): a part out of view follows a change that comes
// alone at once; while the figures move in quick succession (changes under 400 ms apart) it
// keeps what it shows, and catches up once they pause (400 ms) and the browser is idle. In view,
// or printing, it follows every change at once.
// Node has no requestIdleCallback: "idle" is then a 200 ms timer (src/lib/idle.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Seen } from '$lib/seen.svelte';
import { AfterPause, whenIdle } from '$lib/idle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Seen.keep', () => {
	it('out of view: a change after a pause at once; in a drag, the value shown last until the figures pause and the browser is idle', () => {
		const seen = new Seen();
		expect(seen.keep(() => 'a')).toBe('a');
		// The first change (a link read after hydration, a click) shows at once...
		expect(seen.keep(() => 'b')).toBe('b');
		// ...the next one straight after it is a drag: kept.
		expect(seen.keep(() => 'c')).toBe('b');
		// Each change restarts the wait: 400 ms still, then idle (a 200 ms timer here).
		vi.advanceTimersByTime(300);
		expect(seen.keep(() => 'd')).toBe('b');
		vi.advanceTimersByTime(399); // 699 ms: the wait from 'c' would have ended at 600
		expect(seen.keep(() => 'e')).toBe('b');
		vi.advanceTimersByTime(599);
		// Caught up: the latest value, once; then kept again while the drag goes on.
		expect(seen.keep(() => 'f')).toBe('f');
		expect(seen.keep(() => 'g')).toBe('f');
		vi.advanceTimersByTime(600);
		expect(seen.keep(() => 'h')).toBe('h');
		// A change that comes after a pause shows at once, even with no catch-up in between.
		vi.advanceTimersByTime(400);
		expect(seen.keep(() => 'i')).toBe('i');
	});

	it('a catch-up is not a change: a change soon after it, but long after the last one, shows at once', () => {
		const seen = new Seen();
		seen.keep(() => 0);
		seen.keep(() => 1);
		expect(seen.keep(() => 2)).toBe(1);
		vi.advanceTimersByTime(600);
		// Caught up: the $derived runs again and gets the latest value.
		expect(seen.keep(() => 2)).toBe(2);
		vi.advanceTimersByTime(100);
		expect(seen.keep(() => 3)).toBe(3); // 700 ms after the last change
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

describe('whenIdle and AfterPause', () => {
	it('whenIdle runs the task once, unless cancelled first', () => {
		const task = vi.fn();
		whenIdle(task, 1_000);
		const cancel = whenIdle(task, 1_000);
		cancel();
		vi.advanceTimersByTime(200);
		expect(task).toHaveBeenCalledTimes(1);
	});

	it('AfterPause runs the task once the pokes have paused for the delay, then at an idle moment', () => {
		const task = vi.fn();
		const pause = new AfterPause(250, task, 250);
		pause.poke();
		vi.advanceTimersByTime(200);
		pause.poke(); // restarts the wait: 250 ms from here
		vi.advanceTimersByTime(249);
		expect(task).not.toHaveBeenCalled();
		vi.advanceTimersByTime(1); // 250 ms still: now the idle wait (a 200 ms timer in Node)
		expect(task).not.toHaveBeenCalled();
		vi.advanceTimersByTime(200);
		expect(task).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(2_000);
		expect(task).toHaveBeenCalledTimes(1);
	});

	it('AfterPause: a poke while waiting for the idle moment starts over; cancel stops it', () => {
		const task = vi.fn();
		const pause = new AfterPause(250, task, 250);
		pause.poke();
		vi.advanceTimersByTime(300);
		pause.poke();
		vi.advanceTimersByTime(300);
		expect(task).not.toHaveBeenCalled();
		vi.advanceTimersByTime(200);
		expect(task).toHaveBeenCalledTimes(1);
		pause.poke();
		vi.advanceTimersByTime(100);
		pause.cancel();
		vi.advanceTimersByTime(2_000);
		expect(task).toHaveBeenCalledTimes(1);
	});

	it('AfterPause: a drag of many pokes sets a timer per delay at most, not one a poke', () => {
		const timers = vi.spyOn(globalThis, 'setTimeout');
		const pause = new AfterPause(400, () => {}, 1_000);
		for (let i = 0; i < 20; i++) {
			pause.poke();
			vi.advanceTimersByTime(30);
		}
		// 20 pokes over 600 ms: the timer set by the first, and once more when it found the wait restarted.
		expect(timers).toHaveBeenCalledTimes(2);
		timers.mockRestore();
	});
});
