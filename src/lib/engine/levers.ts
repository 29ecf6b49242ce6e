/** The four levers, in the spec's stacking order. */
export const LEVERS = ['routing', 'caching', 'batch', 'trimming'] as const;
export type Lever = (typeof LEVERS)[number];

/** Row names of the savings table (a public contract: exactly these strings). */
export const LEVER_NAMES = {
	baseline: 'Baseline',
	routing: 'Model routing',
	caching: 'Prompt caching',
	batch: 'Batch API',
	trimming: 'Token optimization'
} as const;

export type LeverSet = Readonly<Record<Lever, boolean>>;

export const NO_LEVERS: LeverSet = { routing: false, caching: false, batch: false, trimming: false };
export const ALL_LEVERS: LeverSet = { routing: true, caching: true, batch: true, trimming: true };
