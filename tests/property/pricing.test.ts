// Invariants of the November 2026 price rules (docs/pricing-model.md §2, §3, §10) over
// generated models, request shapes and lever settings.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_LEVERS, modelBreakEven, monthlyCost, requestCost, tokenizerScale, type RequestLevers, type RequestShape } from '$lib/engine';
import type { ModelPrice } from '$lib/pricing/schema';
import { PRICE_SHEETS } from '$lib/pricing/sheets';
import { customModelArb, scenarioArb } from './scenarioArbitrary';

const RUNS = 1500;
const FACTORS = { batch: 0.5, usOnlyInference: 1.1 };
const KEYS = ['plainInput', 'cacheWrites', 'cacheReads', 'output'] as const;
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1e-12, Math.abs(a), Math.abs(b));

/** Every shipped model, and generated ones. */
const shippedModels = PRICE_SHEETS.flatMap((s) => s.models);
const modelArb: fc.Arbitrary<ModelPrice> = fc.oneof(fc.constantFrom(...shippedModels), customModelArb('custom-1'));
/** Models whose bands cost at least their base rates (every shipped band does): crossing one can only cost more. */
const bandedArb = fc.constantFrom(...shippedModels.filter((m) => m.bands));

const shapeArb: fc.Arbitrary<RequestShape> = fc
	.tuple(fc.integer({ min: 0, max: 400_000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 50_000 }))
	.map(([input, prefixShare, output]) => ({ input, prefix: Math.floor(input * prefixShare), output }));

const leversArb: fc.Arbitrary<RequestLevers> = fc.record({
	caching: fc.option(fc.record({ hitRatio: fc.double({ min: 0, max: 1, noNaN: true }), ttl: fc.constantFrom('5m' as const, '1h' as const) }), { nil: null }),
	batchShare: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
	fastMode: fc.boolean(),
	usOnlyInference: fc.boolean()
});

describe('price rules', () => {
	it('crossing a band never lowers a request’s cost (more prompt tokens never cost less)', () => {
		fc.assert(
			fc.property(bandedArb, shapeArb, fc.integer({ min: 1, max: 200_000 }), leversArb, (model, shape, extra, levers) => {
				const longer = { ...shape, input: shape.input + extra };
				expect(requestCost(model, longer, levers, FACTORS).total).toBeGreaterThanOrEqual(requestCost(model, shape, levers, FACTORS).total);
			}),
			{ numRuns: RUNS }
		);
	});

	it('fast mode multiplies every rate by the model’s factor (outside batch), and never applies inside it', () => {
		fc.assert(
			fc.property(modelArb, shapeArb, leversArb, (model, shape, levers) => {
				const off = requestCost(model, shape, { ...levers, batchShare: 0, fastMode: false }, FACTORS);
				const on = requestCost(model, shape, { ...levers, batchShare: 0, fastMode: true }, FACTORS);
				for (const k of KEYS) expect(close(on[k], off[k] * (model.fastMode ?? 1))).toBe(true);
				const batched = (fastMode: boolean) => requestCost(model, shape, { ...levers, batchShare: 1, fastMode }, FACTORS).total;
				expect(batched(true)).toBe(batched(false));
			}),
			{ numRuns: RUNS }
		);
	});

	it('US-only inference multiplies every rate by 1.1 on models that offer it, by 1 elsewhere; web searches never', () => {
		fc.assert(
			fc.property(modelArb, shapeArb, leversArb, fc.double({ min: 0, max: 10, noNaN: true }), (model, shape, levers, searches) => {
				const s = { ...shape, webSearches: searches };
				const off = requestCost(model, s, { ...levers, usOnlyInference: false }, FACTORS);
				const on = requestCost(model, s, { ...levers, usOnlyInference: true }, FACTORS);
				for (const k of KEYS) expect(close(on[k], off[k] * (model.usOnlyInference ? 1.1 : 1))).toBe(true);
				expect(on.webSearches).toBe(off.webSearches);
				expect(on.webSearches).toBeCloseTo(searches * 0.01, 12);
			}),
			{ numRuns: RUNS }
		);
	});

	it('batch and caching stack multiplicatively: cost(batch b) = cost(no batch) x (1 - b + b x 0.5) without fast mode', () => {
		fc.assert(
			fc.property(modelArb, shapeArb, leversArb, (model, shape, levers) => {
				const plain = requestCost(model, shape, { ...levers, batchShare: 0, fastMode: false }, FACTORS);
				const mixed = requestCost(model, shape, { ...levers, fastMode: false }, FACTORS);
				const factor = 1 - levers.batchShare + levers.batchShare * 0.5;
				for (const k of KEYS) expect(close(mixed[k], plain[k] * factor)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('tokenizer scaling round-trips: legacy -> 2026 -> legacy is 1, and counts measured on either give the same bill', () => {
		fc.assert(
			fc.property(scenarioArb({ custom: false }), (s) => {
				const model = { tokenizer: '2026' as const };
				const legacy = { tokenizer: 'legacy' as const };
				expect(tokenizerScale(model, 'legacy', 1.3) * tokenizerScale(legacy, '2026', 1.3)).toBeCloseTo(1, 15);
				// The same text measured on the 2026 tokenizer: every count x 1.3.
				const on2026 = { ...s, adjustForTokenizer: true, tokensCountedOn: '2026' as const };
				const onLegacy = {
					...on2026,
					tokensCountedOn: 'legacy' as const,
					inputTokens: s.inputTokens / 1.3,
					cachedPrefixTokens: s.cachedPrefixTokens / 1.3,
					outputTokens: s.outputTokens / 1.3
				};
				// The minimum-cacheable and band tests compare scaled counts with thresholds: a count
				// a hair from one may land on either side after two roundings, so compare away from them.
				const a = monthlyCost(on2026, ALL_LEVERS).total;
				const b = monthlyCost(onLegacy, ALL_LEVERS).total;
				expect(Math.abs(a - b) <= 1e-6 * Math.max(1, a) || nearThreshold(s)).toBe(true);
			}),
			{ numRuns: RUNS }
		);
	});

	it('cost is monotone non-increasing in the hit ratio above each model’s own break-even (when reads are cheaper than writes)', () => {
		fc.assert(
			fc.property(modelArb, shapeArb, fc.constantFrom('5m' as const, '1h' as const), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (model, shape, ttl, a, b) => {
				const write = ttl === '5m' ? model.cacheWrite5mPerMTok : model.cacheWrite1hPerMTok;
				fc.pre(model.cacheReadPerMTok <= write && !model.bands);
				const breakEven = modelBreakEven(ttl, model);
				const [h1, h2] = [breakEven + (1 - breakEven) * Math.min(a, b), breakEven + (1 - breakEven) * Math.max(a, b)];
				const cost = (h: number) => requestCost(model, shape, { caching: { hitRatio: h, ttl }, batchShare: 0 }, FACTORS).total;
				expect(cost(h2)).toBeLessThanOrEqual(cost(h1) + 1e-15);
				// At or above break-even, caching is no dearer than not caching.
				const none = requestCost(model, shape, { caching: null, batchShare: 0 }, FACTORS).total;
				// (A break-even of 1 means caching never pays.)
				if (model.inputPerMTok > 0 && breakEven < 1) expect(cost(h1)).toBeLessThanOrEqual(none * (1 + 1e-12) + 1e-15);
			}),
			{ numRuns: RUNS }
		);
	});
});

/** True when a scaled count sits within a token of a minimum or band threshold of a model in play. */
function nearThreshold(s: { inputTokens: number; cachedPrefixTokens: number; inputTrimPercent: number }): boolean {
	const thresholds = [...new Set(shippedModels.flatMap((m) => [m.minCacheTokens, ...(m.bands ?? []).map((b) => b.abovePromptTokens)]))];
	const keep = 1 - s.inputTrimPercent / 100;
	const counts = [s.inputTokens, s.cachedPrefixTokens, s.inputTokens * keep, s.cachedPrefixTokens * keep].flatMap((c) => [c, c / 1.3]);
	return counts.some((c) => thresholds.some((t) => Math.abs(c - t) <= 1));
}
