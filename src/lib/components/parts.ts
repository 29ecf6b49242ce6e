/**
 * The parts of the calculator that a page can show or hide (the embed's `show` option).
 * A public contract once embeds use it: names are only added, never renamed.
 */
export const PARTS = ['inputs', 'headline', 'table', 'breakdown', 'hit-ratio-chart', 'shared-context-chart', 'waterfall-chart', 'explanation', 'forecast'] as const;
export type Part = (typeof PARTS)[number];

export const ALL_PARTS: ReadonlySet<Part> = new Set(PARTS);
