// The plain facts of the price sheet format, apart from the zod schemas (./schema) so the
// page and the engine can use them without loading zod at first paint.

/** The five rates of a model (or of one of its prompt-length bands), in the order the pricing page lists them. */
export const RATE_FIELDS = [
	'inputPerMTok',
	'cacheWrite5mPerMTok',
	'cacheWrite1hPerMTok',
	'cacheReadPerMTok',
	'outputPerMTok'
] as const;
export type RateField = (typeof RATE_FIELDS)[number];
export type RateSet = Record<RateField, number>;

export const MODEL_STATUSES = ['active', 'legacy', 'deprecated', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

export const TOKENIZERS = ['legacy', '2026'] as const;
export type Tokenizer = (typeof TOKENIZERS)[number];

/** The most a rate may be: far above any real price, low enough to catch a typo of a few zeros. */
export const MAX_DOLLARS_PER_MTOK = 10_000;
/** The longest context window a sheet may give a model, in tokens. */
export const MAX_CONTEXT_WINDOW = 100_000_000;
/** The largest fast-mode (or other) price factor a sheet may give. */
export const MAX_FACTOR = 100;
/** Longest model name and note a sheet may hold. */
export const MAX_MODEL_NAME = 60;
export const MAX_MODEL_NOTE = 400;
