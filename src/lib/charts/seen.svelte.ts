// Whether the reader can see an element now: in (or near) the viewport (./inView), or the page
// is being printed. Parts that cost work on every step (a chart's data table, the forecast's
// long tables) follow the figures at once only while seen. Out of view they keep what they
// show while the figures move, and catch up when they pause and the browser is idle (so what a
// screen reader, find-in-page or a copy reaches is never left behind for long), or at once
// when they scroll in or before the page is laid out for paper.
//
//   const seen = new Seen();
//   const rows = $derived(seen.keep(() => buildRows(result)));
//   <section {@attach seen.attach}>…</section>
import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { whenIdleAfter } from '$lib/idle';
import { observeInView } from './inView';

/** A part out of view catches up once the figures have been still this long (a pause in a drag)... */
const CATCH_UP_AFTER_MS = 400;
/** ...and the browser is idle, or this much later at most. */
const CATCH_UP_TIMEOUT_MS = 1_000;

export class Seen {
	/** In or near the viewport (false until the observer has reported). */
	visible = $state(false);
	/** Between `beforeprint` and `afterprint`. */
	printing = $state(false);
	/** Counts the idle moments that brought a part out of view up to date. */
	#idle = $state(0);
	#kept: { value: unknown; idle: number } | null = null;
	#waiting: (() => void) | undefined;

	/** The element to watch. */
	attach: Attachment<Element> = (element) => {
		const stop = observeInView(element, (v) => (this.visible = v));
		const before = () => {
			this.printing = true;
			flushSync(); // the browser lays the page out right after this event
		};
		const after = () => (this.printing = false);
		window.addEventListener('beforeprint', before);
		window.addEventListener('afterprint', after);
		return () => {
			stop();
			this.#waiting?.();
			window.removeEventListener('beforeprint', before);
			window.removeEventListener('afterprint', after);
		};
	};

	/**
	 * `build()` while the element is seen (and the first time); out of view, the value shown
	 * last, until the browser is idle. Call it inside a $derived.
	 */
	keep<T>(build: () => T): T {
		const value = build();
		const idle = this.#idle;
		if (!this.#kept || this.visible || this.printing || idle !== this.#kept.idle) {
			this.#kept = { value, idle };
			return value;
		}
		// Something changed out of view: catch up once the figures are still and the browser is
		// idle (each change restarts the wait, so a drag costs nothing here until it pauses).
		this.#waiting?.();
		this.#waiting = whenIdleAfter(
			CATCH_UP_AFTER_MS,
			() => {
				this.#waiting = undefined;
				this.#idle++;
			},
			CATCH_UP_TIMEOUT_MS
		);
		return this.#kept.value as T;
	}
}
