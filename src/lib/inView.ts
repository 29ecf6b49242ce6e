// Whether an element is in (or near) the viewport: one shared IntersectionObserver for every
// part that does work only while the reader can see it (./seen.svelte: the charts, their
// captions and tables, the headline and the results' tables, the forecast).
//
//   const stop = observeInView(figure, (visible) => (shown = visible));
//
// The callback runs once soon after observing (IntersectionObserver always reports the first
// state), then whenever the element enters or leaves. Without IntersectionObserver (Node,
// jsdom, very old browsers) everything counts as visible, at once.

/** Start work a little before an element scrolls in, so it is up to date when it appears. */
export const IN_VIEW_MARGIN = '96px 0px';

const listeners = new Map<Element, (visible: boolean) => void>();
let observer: IntersectionObserver | null = null;

export function observeInView(element: Element, onchange: (visible: boolean) => void): () => void {
	if (typeof IntersectionObserver === 'undefined') {
		onchange(true);
		return () => {};
	}
	observer ??= new IntersectionObserver(
		(entries) => {
			for (const entry of entries) listeners.get(entry.target)?.(entry.isIntersecting);
		},
		{ rootMargin: IN_VIEW_MARGIN }
	);
	listeners.set(element, onchange);
	observer.observe(element);
	return () => {
		observer?.unobserve(element);
		listeners.delete(element);
	};
}
