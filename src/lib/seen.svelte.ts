// Whether the reader can see an element now: in (or near) the viewport (./inView), or the page
// is being printed. Parts that cost work on every step (the headline and the tables, a chart's
// caption and data table, the forecast's long tables) follow the figures at once while seen,
// and out of view when a change comes alone (a click, a typed value). Out of view, while the
// figures move in quick succession (a drag, a held arrow key), they keep what they show and
// catch up when the figures pause and the browser is idle (so what a screen reader,
// find-in-page or a copy reaches is never left behind for long), or at once when they scroll
// in or before the page is laid out for paper.
//
//   const seen = new Seen();
//   const rows = $derived(seen.keep(() => buildRows(result)));
//   <section {@attach seen.attach}>…</section>
import { flushSync } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import { AfterPause } from '$lib/idle';
import { observeInView } from './inView';

/** Changes closer together than this are a drag; a part out of view catches up once the figures have been still this long... */
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
	#catchUp = new AfterPause(CATCH_UP_AFTER_MS, () => this.#idle++, CATCH_UP_TIMEOUT_MS);
	/** When the figures last changed (performance.now()); none yet at first. */
	#changed = -Infinity;

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
			this.#catchUp.cancel();
			window.removeEventListener('beforeprint', before);
			window.removeEventListener('afterprint', after);
		};
	};

	/**
	 * `build()` while the element is seen, the first time, and for a change that comes after a
	 * pause; out of view during a drag, the value shown last, until the browser is idle. Call it
	 * inside a $derived.
	 */
	keep<T>(build: () => T): T {
		const value = build();
		const idle = this.#idle;
		const kept = this.#kept;
		// Did the figures change soon after the last change? (The first build and a catch-up are not changes.)
		let quick = false;
		if (kept && idle === kept.idle) {
			const now = performance.now();
			quick = now - this.#changed < CATCH_UP_AFTER_MS;
			this.#changed = now;
		}
		if (!kept || !quick || this.visible || this.printing) {
			this.#catchUp.cancel();
			this.#kept = { value, idle };
			return value;
		}
		// A change in a drag, out of view: catch up once the figures are still and the browser is
		// idle (each change restarts the wait, so a drag costs nothing here until it pauses).
		this.#catchUp.poke();
		return kept.value as T;
	}
}
