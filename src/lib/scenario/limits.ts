// Kept apart from the zod schemas so the page can use the limits without loading zod.

/** Largest values we accept: well past any real workload, small enough to stay exact. */
export const LIMITS = {
	requestsPerMonth: 1_000_000_000_000,
	tokens: 10_000_000,
	dollarsPerMTok: 10_000
} as const;

/**
 * The range of every number field: the zod schemas of ./schema are built from it, and
 * repairScenario clamps into it. `integer` fields also round.
 */
export const BOUNDS = {
	percent: { min: 0, max: 100, integer: false },
	tokens: { min: 0, max: LIMITS.tokens, integer: true },
	requests: { min: 0, max: LIMITS.requestsPerMonth, integer: true },
	price: { min: 0, max: LIMITS.dollarsPerMTok, integer: false },
	/** Web searches per request: an average, so fractions are fine. */
	searches: { min: 0, max: 1000, integer: false }
} as const;

export interface Bounds {
	readonly min: number;
	readonly max: number;
	readonly integer: boolean;
}

/** Custom models a scenario may add to its sheet. */
export const MAX_CUSTOM_MODELS = 8;
