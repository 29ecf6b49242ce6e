// The chart theme that follows the reader's colour scheme (prefers-color-scheme).
// Reactive: a config getter that calls preferredTheme() re-runs when the scheme changes,
// and the chart attachment then swaps the colours in place.
import { MediaQuery } from 'svelte/reactivity';
import type { ChartTheme } from './palette';

// Prerendering has no media: the server renders light, the browser corrects on hydration.
const dark = new MediaQuery('(prefers-color-scheme: dark)', false);

/** 'dark' when the reader prefers a dark colour scheme, 'light' otherwise. */
export function preferredTheme(): ChartTheme {
	return dark.current ? 'dark' : 'light';
}
