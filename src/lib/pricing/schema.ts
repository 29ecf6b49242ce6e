import * as z from 'zod/mini';
import { describeIssues } from '../validation/describeIssues';
import {
	MAX_CONTEXT_WINDOW,
	MAX_DOLLARS_PER_MTOK,
	MAX_FACTOR,
	MAX_MODEL_NAME,
	MAX_MODEL_NOTE,
	MODEL_STATUSES,
	TOKENIZERS
} from './fields';

// The constants live in ./fields (no zod): import them from there in code the page loads first.
export {
	RATE_FIELDS,
	MODEL_STATUSES,
	TOKENIZERS,
	MAX_DOLLARS_PER_MTOK,
	type RateField,
	type RateSet,
	type ModelStatus,
	type Tokenizer
} from './fields';

/**
 * Price sheet format 2 (docs/pricing-model.md §1, docs/updating-prices.md): every model
 * carries its own five rates exactly as the pricing page lists them, so a model whose
 * cache read is not 0.1x input needs no special case in the engine.
 */
export const SHEET_FORMAT = 2;

/** A price per million tokens (MTok), in US dollars. */
export const dollarsPerMTok = z.number().check(z.nonnegative(), z.lte(MAX_DOLLARS_PER_MTOK));
const factor = z.number().check(z.positive(), z.lte(MAX_FACTOR));
const tokens = z.int().check(z.nonnegative(), z.lte(100_000_000));
/** A day (2026-11-30) or, where only the month is known, a month (2026-04). */
const date = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/));

/** Model ids look like `opus-4-6`: lower-case words and digits joined by dashes. */
export const modelIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/), z.maxLength(40));

const rateShape = {
	inputPerMTok: dollarsPerMTok,
	cacheWrite5mPerMTok: dollarsPerMTok,
	cacheWrite1hPerMTok: dollarsPerMTok,
	cacheReadPerMTok: dollarsPerMTok,
	outputPerMTok: dollarsPerMTok
};

/** A prompt above `abovePromptTokens` (strictly) is billed whole, output included, at these rates. */
export const bandSchema = z.object({ abovePromptTokens: z.int().check(z.positive()), ...rateShape });

export const modelPriceSchema = z
	.object({
		id: modelIdSchema,
		name: z.string().check(z.minLength(1), z.maxLength(MAX_MODEL_NAME)),
		/** `opus`, `sonnet`, `haiku`, `fable`, `custom`: the model lists group by it. */
		family: z.string().check(z.regex(/^[a-z][a-z0-9-]{0,19}$/)),
		status: z.enum(MODEL_STATUSES),
		released: z.optional(date),
		/** The retirement date: in the future for a deprecated model, past for a retired one. */
		retires: z.optional(date),
		/** The model the sheet suggests instead, once this one is deprecated or retired. */
		replacedBy: z.optional(modelIdSchema),
		/** Tokens; a prompt above it is rejected by the API (the page warns, the engine still prices it). */
		contextWindow: z.int().check(z.positive(), z.lte(MAX_CONTEXT_WINDOW)),
		...rateShape,
		/** Minimum cacheable prompt length: a shorter prefix is billed as plain input, silently. */
		minCacheTokens: tokens,
		/** Ascending by `abovePromptTokens`; the highest band a prompt is above applies. */
		bands: z.optional(z.array(bandSchema).check(z.maxLength(4))),
		/** The multiplier of fast mode on every rate, absent where the model has none. */
		fastMode: z.optional(factor),
		/** Whether `inference_geo: "us"` is offered (at the sheet's usOnlyInferenceMultiplier). */
		usOnlyInference: z.boolean(),
		/** `legacy`: Claude 4.6 and earlier; `2026`: Claude 4.7 and later (about 30 % more tokens). */
		tokenizer: z.enum(TOKENIZERS),
		/** What is uncertain or special about this entry; the page shows it. */
		note: z.optional(z.string().check(z.maxLength(MAX_MODEL_NOTE)))
	})
	.check(
		z.refine((m) => !m.bands || m.bands.every((b, i, all) => i === 0 || b.abovePromptTokens > (all[i - 1]?.abovePromptTokens ?? 0)), {
			message: 'bands must be in ascending order of abovePromptTokens',
			path: ['bands']
		}),
		z.refine((m) => m.minCacheTokens <= m.contextWindow, {
			message: 'the minimum cacheable length cannot be above the context window',
			path: ['minCacheTokens']
		})
	);

export const priceSheetSchema = z
	.object({
		format: z.literal(SHEET_FORMAT),
		id: z.string().check(z.regex(/^[a-z0-9-]+$/), z.maxLength(60)),
		name: z.string().check(z.minLength(1), z.maxLength(120)),
		asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
		source: z.string().check(z.minLength(1), z.maxLength(1000)),
		/** The id of the sheet this one should be compared with (the page lists the differences). */
		comparesTo: z.optional(z.string()),
		/** Footnotes the pricing page carries; the page shows them with the sheet. */
		notes: z.optional(z.array(z.string().check(z.maxLength(400)))),
		/** Every rate of a batch request, bands included, times this (0.5). */
		batchMultiplier: factor,
		/** Every rate of a US-only request on a model that offers it, times this (1.1). */
		usOnlyInferenceMultiplier: factor,
		/** Tokens a `2026` tokenizer counts for a text the `legacy` one counts as one token (1.3). */
		tokenizerRatio: factor,
		/** The mix a scenario on this sheet starts from; its first model is the default baseline. */
		defaultMix: z.record(modelIdSchema, z.number().check(z.gte(0), z.lte(100))),
		models: z.array(modelPriceSchema).check(z.minLength(1), z.maxLength(200))
	})
	.check(
		z.refine((s) => new Set(s.models.map((m) => m.id)).size === s.models.length, {
			message: 'model ids must be unique',
			path: ['models']
		}),
		z.refine((s) => Object.keys(s.defaultMix).length > 0 && Object.keys(s.defaultMix).every((id) => s.models.some((m) => m.id === id)), {
			message: 'defaultMix must name at least one model, each one of the sheet models',
			path: ['defaultMix']
		}),
		z.refine((s) => Math.abs(Object.values(s.defaultMix).reduce((a, b) => a + b, 0) - 100) < 1e-9, {
			message: 'the defaultMix shares must sum to 100',
			path: ['defaultMix']
		}),
		z.refine((s) => s.models.every((m) => !m.replacedBy || s.models.some((r) => r.id === m.replacedBy)), {
			message: 'every replacedBy must be a model of the sheet',
			path: ['models']
		})
	);

export type Band = z.infer<typeof bandSchema>;
export type ModelPrice = z.infer<typeof modelPriceSchema>;
export type PriceSheet = z.infer<typeof priceSheetSchema>;

/**
 * Cache rates as multiples of a model's input rate, and the batch factor: what the
 * break-even formulas take (docs/pricing-model.md §10). `modelMultipliers` derives them
 * from a model's own rates.
 */
export interface Multipliers {
	batch: number;
	cacheRead: number;
	cacheWrite5m: number;
	cacheWrite1h: number;
}

/**
 * Checks a price sheet: the sheet, or every problem in plain words naming its field, e.g.
 * `models.0.inputPerMTok: expected a number >= 0, got -1`. Never throws.
 */
export function checkPriceSheet(data: unknown): { ok: true; sheet: PriceSheet } | { ok: false; problems: string[] } {
	const result = priceSheetSchema.safeParse(data);
	return result.success ? { ok: true, sheet: result.data } : { ok: false, problems: describeIssues(result.error.issues, data) };
}

/**
 * Validates a price sheet. Throws an Error whose message names every bad field,
 * e.g. `models.0.inputPerMTok: expected a number >= 0, got -1`.
 */
export function parsePriceSheet(data: unknown): PriceSheet {
	const checked = checkPriceSheet(data);
	if (checked.ok) return checked.sheet;
	throw new Error(`Invalid price sheet: ${checked.problems.join('; ')}`);
}
