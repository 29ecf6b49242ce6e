import * as z from 'zod/mini';
import { TOKENIZERS, modelIdSchema, modelPriceSchema, type ModelPrice } from '../pricing/schema';
import { PRICE_SHEETS, getSheet } from '../pricing/sheets';
import { describeIssues, quote } from '../validation/describeIssues';
import { DEFAULT_SCENARIO } from './defaults';
import { BOUNDS, MAX_CUSTOM_MODELS } from './limits';
import type { Scenario } from './types';

export { LIMITS, BOUNDS, MAX_CUSTOM_MODELS, type Bounds } from './limits';
export type { Scenario, CacheTtl, PriceOverride, CustomModel } from './types';

export const percentSchema = z.number().check(z.gte(BOUNDS.percent.min), z.lte(BOUNDS.percent.max));
export const tokensSchema = z.int().check(z.gte(BOUNDS.tokens.min), z.lte(BOUNDS.tokens.max));
export const requestsSchema = z.int().check(z.gte(BOUNDS.requests.min), z.lte(BOUNDS.requests.max));
export const priceSchema = z.number().check(z.gte(BOUNDS.price.min), z.lte(BOUNDS.price.max));

export const searchesSchema = z.number().check(z.gte(BOUNDS.searches.min), z.lte(BOUNDS.searches.max));

export const priceOverrideSchema = z.object({
	inputPerMTok: z.optional(priceSchema),
	outputPerMTok: z.optional(priceSchema),
	minCacheTokens: z.optional(tokensSchema),
	cacheWrite5mPerMTok: z.optional(priceSchema),
	cacheWrite1hPerMTok: z.optional(priceSchema),
	cacheReadPerMTok: z.optional(priceSchema),
	bandInputPerMTok: z.optional(priceSchema),
	bandCacheWrite5mPerMTok: z.optional(priceSchema),
	bandCacheWrite1hPerMTok: z.optional(priceSchema),
	bandCacheReadPerMTok: z.optional(priceSchema),
	bandOutputPerMTok: z.optional(priceSchema)
});

export const cacheTtlSchema = z.enum(['5m', '1h']);
export const versionSchema = z.literal(1);
export const priceSheetIdSchema = z.enum(PRICE_SHEETS.map((s) => s.id) as [string, ...string[]]);

/**
 * One schema per scenario field, each on its own (repairScenario checks them one by one).
 * Cross-field rules (prefix within input, mix summing to 100, known model ids) are not here.
 */
export const scenarioFieldSchemas = {
	version: versionSchema,
	priceSheet: priceSheetIdSchema,
	requestsPerMonth: requestsSchema,
	inputTokens: tokensSchema,
	cachedPrefixTokens: tokensSchema,
	outputTokens: tokensSchema,
	baselineModel: modelIdSchema,
	mixPercent: z.record(modelIdSchema, percentSchema),
	cacheHitPercent: percentSchema,
	cacheTtl: cacheTtlSchema,
	batchPercent: percentSchema,
	inputTrimPercent: percentSchema,
	outputTrimPercent: percentSchema,
	prices: z.record(modelIdSchema, priceOverrideSchema),
	customModels: z.array(modelPriceSchema).check(z.maxLength(MAX_CUSTOM_MODELS)),
	usOnlyInference: z.boolean(),
	adjustForTokenizer: z.boolean(),
	tokensCountedOn: z.enum(TOKENIZERS),
	webSearchesPerRequest: searchesSchema
} as const;

const f = scenarioFieldSchemas;

/**
 * The field-by-field shape of a scenario (docs/scenario.md). Every field is optional;
 * cross-field rules (prefix within input, mix summing to 100, known model ids) are
 * checked by parseScenario on top.
 */
export const scenarioInputSchema = z.object({
	version: z.optional(f.version),
	priceSheet: z.optional(f.priceSheet),
	requestsPerMonth: z.optional(f.requestsPerMonth),
	inputTokens: z.optional(f.inputTokens),
	cachedPrefixTokens: z.optional(f.cachedPrefixTokens),
	outputTokens: z.optional(f.outputTokens),
	baselineModel: z.optional(f.baselineModel),
	mixPercent: z.optional(f.mixPercent),
	cacheHitPercent: z.optional(f.cacheHitPercent),
	cacheTtl: z.optional(f.cacheTtl),
	batchPercent: z.optional(f.batchPercent),
	inputTrimPercent: z.optional(f.inputTrimPercent),
	outputTrimPercent: z.optional(f.outputTrimPercent),
	prices: z.optional(f.prices),
	customModels: z.optional(f.customModels),
	usOnlyInference: z.optional(f.usOnlyInference),
	adjustForTokenizer: z.optional(f.adjustForTokenizer),
	tokensCountedOn: z.optional(f.tokensCountedOn),
	webSearchesPerRequest: z.optional(f.webSearchesPerRequest)
});

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** How far a mix may stray from 100 through floating-point arithmetic alone. */
export const MIX_TOLERANCE = 1e-6;

export function mixTotal(mix: Record<string, number>): number {
	return Object.values(mix).reduce((sum, v) => sum + v, 0);
}

/**
 * Validates a scenario JSON value and fills missing fields with the defaults.
 * Returns the scenario, or every problem found in plain words
 * (`cacheHitPercent: expected a number <= 100, got 140`). Never "fixes" anything.
 */
export function parseScenario(data: unknown): ParseResult {
	const result = scenarioInputSchema.safeParse(data);
	if (!result.success) return { ok: false, problems: describeIssues(result.error.issues, data) };

	const scenario: Scenario = {
		...DEFAULT_SCENARIO,
		...stripUndefined(result.data),
		version: 1,
		mixPercent: { ...(result.data.mixPercent ?? DEFAULT_SCENARIO.mixPercent) },
		prices: structuredClone(result.data.prices ?? {}),
		customModels: structuredClone(result.data.customModels ?? [])
	};
	const problems = scenarioProblems(scenario);
	return problems.length ? { ok: false, problems } : { ok: true, scenario };
}

/** The cross-field problems of a complete scenario, in plain words; empty when it is valid. */
export function scenarioProblems(s: Scenario): string[] {
	const problems: string[] = [];
	const sheet = getSheet(s.priceSheet);
	const models: readonly ModelPrice[] = [...sheet.models, ...s.customModels];
	const known = (id: string) => models.some((m) => m.id === id);
	const ids = models.map((m) => m.id).join(', ');

	s.customModels.forEach((c, i) => {
		if (sheet.models.some((m) => m.id === c.id)) problems.push(`customModels.${i}.id: ${quote(c.id)} is already a model of ${sheet.id}`);
		else if (s.customModels.findIndex((o) => o.id === c.id) !== i) problems.push(`customModels.${i}.id: ${quote(c.id)} appears more than once`);
	});

	if (s.cachedPrefixTokens > s.inputTokens) {
		problems.push(
			`cachedPrefixTokens: the cached prefix (${s.cachedPrefixTokens}) cannot be larger than the input (${s.inputTokens})`
		);
	}
	if (!known(s.baselineModel)) {
		problems.push(`baselineModel: ${quote(s.baselineModel)} is not a model of ${sheet.id}; use one of ${ids}`);
	}
	const mixIds = Object.keys(s.mixPercent);
	if (mixIds.length === 0) problems.push('mixPercent: the mix needs at least one model');
	for (const id of mixIds) {
		if (!known(id)) problems.push(`mixPercent.${id}: not a model of ${sheet.id}; use one of ${ids}`);
	}
	const total = mixTotal(s.mixPercent);
	if (mixIds.length && Math.abs(total - 100) > MIX_TOLERANCE) {
		problems.push(`mixPercent: the shares must sum to 100, got ${total}`);
	}
	for (const id of Object.keys(s.prices)) {
		if (!known(id)) problems.push(`prices.${id}: not a model of ${sheet.id}; use one of ${ids}`);
	}
	return problems;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
