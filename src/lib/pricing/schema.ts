import * as z from 'zod/mini';
import { describeIssues } from '../validation/describeIssues';

/** A price per million tokens, in US dollars. */
const dollarsPerMTok = z.number().check(z.nonnegative(), z.lte(1_000_000));
const multiplier = z.number().check(z.nonnegative(), z.lte(100));

/** Model ids look like `opus-4-6`: lower-case words and digits joined by dashes. */
export const modelIdSchema = z.string().check(z.regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/), z.maxLength(40));

export const modelPriceSchema = z.object({
	id: modelIdSchema,
	name: z.string().check(z.minLength(1), z.maxLength(60)),
	inputPerMTok: dollarsPerMTok,
	outputPerMTok: dollarsPerMTok,
	minCacheTokens: z.int().check(z.nonnegative()),
	/** A request whose input exceeds `aboveInputTokens` is billed at these prices, whole. */
	longContext: z.optional(
		z.object({
			aboveInputTokens: z.int().check(z.positive()),
			inputPerMTok: dollarsPerMTok,
			outputPerMTok: dollarsPerMTok
		})
	)
});

export const priceSheetSchema = z
	.object({
		id: z.string().check(z.regex(/^[a-z0-9-]+$/)),
		name: z.string().check(z.minLength(1)),
		asOf: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
		source: z.string().check(z.minLength(1)),
		/** The id of the sheet this one should be compared with (the UI lists the differences). */
		comparesTo: z.optional(z.string()),
		multipliers: z.object({
			batch: multiplier,
			cacheRead: multiplier,
			cacheWrite5m: multiplier,
			cacheWrite1h: multiplier
		}),
		defaultMix: z.array(modelIdSchema).check(z.minLength(1)),
		models: z.array(modelPriceSchema).check(z.minLength(1))
	})
	.check(
		z.refine((s) => new Set(s.models.map((m) => m.id)).size === s.models.length, {
			message: 'model ids must be unique',
			path: ['models']
		}),
		z.refine((s) => s.defaultMix.every((id) => s.models.some((m) => m.id === id)), {
			message: 'every defaultMix id must be one of the sheet models',
			path: ['defaultMix']
		})
	);

export type ModelPrice = z.infer<typeof modelPriceSchema>;
export type PriceSheet = z.infer<typeof priceSheetSchema>;
export type Multipliers = PriceSheet['multipliers'];

/**
 * Validates a price sheet. Throws an Error whose message names every bad field,
 * e.g. `models.0.inputPerMTok: expected a number >= 0, got -1`.
 */
export function parsePriceSheet(data: unknown): PriceSheet {
	const result = priceSheetSchema.safeParse(data);
	if (result.success) return result.data;
	throw new Error(`Invalid price sheet: ${describeIssues(result.error.issues, data).join('; ')}`);
}
