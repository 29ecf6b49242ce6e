// Every warning of scenarioWarnings, triggered and not, with its exact text. The texts are
// typed by hand from the sheets' figures (src/lib/pricing/sheets/*.json) and the formulas in
// docs/pricing-model.md: 5-minute break-even at the standard multiples 0.25 / 1.15 = 21.7 %.
import { describe, expect, it } from 'vitest';
import { modelsInUse, scenarioWarnings, warningsFirst, type Warning } from '$lib/explain/warnings';
import type { ModelPrice } from '$lib/pricing/schema';
import { getSheet } from '$lib/pricing/sheets';
import { defaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/schema';

/**
 * A quiet scenario on the March sheet: Opus 4.6 baseline, all traffic on Sonnet 4.6, no
 * caching, no batch, no trimming, legacy token counts (every March model is legacy).
 */
function quiet(patch: Partial<Scenario> = {}): Scenario {
	return {
		...defaultScenario(),
		priceSheet: 'anthropic-2026-03',
		requestsPerMonth: 1000,
		inputTokens: 6000,
		cachedPrefixTokens: 0,
		outputTokens: 500,
		baselineModel: 'opus-4-6',
		mixPercent: { 'sonnet-4-6': 100 },
		cacheHitPercent: 80,
		batchPercent: 0,
		inputTrimPercent: 0,
		outputTrimPercent: 0,
		...patch
	};
}

/** A custom model, active, legacy tokenizer, standard cache multiples of $2 / $10. */
function custom(patch: Partial<ModelPrice> = {}): ModelPrice {
	return {
		id: 'my-model',
		name: 'My model',
		family: 'custom',
		status: 'active',
		contextWindow: 200_000,
		inputPerMTok: 2,
		cacheWrite5mPerMTok: 2.5,
		cacheWrite1hPerMTok: 4,
		cacheReadPerMTok: 0.2,
		outputPerMTok: 10,
		minCacheTokens: 1024,
		usOnlyInference: false,
		tokenizer: 'legacy',
		...patch
	};
}

/** A scenario whose baseline and whole mix is one custom model. */
const onCustom = (model: ModelPrice, patch: Partial<Scenario> = {}) =>
	quiet({ customModels: [model], baselineModel: model.id, mixPercent: { [model.id]: 100 }, ...patch });

const ids = (warnings: readonly Warning[]) => warnings.map((w) => w.id);
const find = (s: Scenario, id: string) => scenarioWarnings(s).find((w) => w.id === id);

describe('warningsFirst', () => {
	it('puts warnings before notes, each level in the order given', () => {
		const w = (id: string, level: Warning['level']): Warning => ({ id, level, text: id });
		const given = [w('a', 'info'), w('b', 'warning'), w('c', 'info'), w('d', 'warning')];
		expect(ids(warningsFirst(given))).toEqual(['b', 'd', 'a', 'c']);
		expect(ids(given)).toEqual(['a', 'b', 'c', 'd']);
		expect(warningsFirst([])).toEqual([]);
	});
});

describe('modelsInUse', () => {
	it('lists the baseline, then the mix models with a share, each once, in that order', () => {
		const s = quiet({ baselineModel: 'sonnet-4-6', mixPercent: { 'opus-4-6': 40, 'sonnet-4-6': 60, 'haiku-4-5': 0 } });
		expect(modelsInUse(s).map((m) => m.id)).toEqual(['sonnet-4-6', 'opus-4-6']);
	});

	it('leaves out ids that are not on the sheet', () => {
		expect(modelsInUse(quiet({ mixPercent: { 'sonnet-4-6': 50, 'opus-5-5': 50 } })).map((m) => m.id)).toEqual(['opus-4-6', 'sonnet-4-6']);
	});

	it('reads the sheet it is given, with overrides and custom models', () => {
		const s = onCustom(custom());
		expect(modelsInUse(s).map((m) => m.name)).toEqual(['My model']);
		const sheet = getSheet('guide-2026-03');
		expect(modelsInUse(quiet(), sheet).map((m) => m.inputPerMTok)).toEqual([15, 3]);
	});
});

describe('scenarioWarnings', () => {
	it('says nothing about a quiet scenario', () => {
		expect(scenarioWarnings(quiet())).toEqual([]);
	});

	describe('deprecated and retired models', () => {
		it('deprecated, with its retirement date and the replacement the sheet suggests', () => {
			expect(scenarioWarnings(quiet({ mixPercent: { 'opus-4-5': 100 } }))).toStrictEqual([
				{
					id: 'deprecated-opus-4-5',
					level: 'warning',
					text: 'Opus 4.5 is deprecated and retires on 2027-01-22: requests to it will fail after that. The sheet suggests Opus 4.6 instead.'
				}
			]);
		});

		it('deprecated without a date or a replacement on the sheet', () => {
			expect(find(onCustom(custom({ status: 'deprecated', replacedBy: 'no-such-model' })), 'deprecated-my-model')?.text).toBe(
				'My model is deprecated: requests to it will fail after that.'
			);
		});

		it('retired, as the baseline too', () => {
			expect(scenarioWarnings(quiet({ baselineModel: 'opus-4-1' }))).toStrictEqual([
				{
					id: 'retired-opus-4-1',
					level: 'warning',
					text: 'Opus 4.1 was retired on 2026-08-05: the Claude API no longer serves it, and its prices are shown for comparison only. The sheet suggests Opus 4.6 instead.'
				}
			]);
		});

		it('retired without a date', () => {
			expect(find(onCustom(custom({ status: 'retired' })), 'retired-my-model')?.text).toBe(
				'My model was retired: the Claude API no longer serves it, and its prices are shown for comparison only.'
			);
		});

		it('not for active or legacy models, nor for a retired model with no share', () => {
			expect(ids(scenarioWarnings(onCustom(custom({ status: 'legacy' }))))).toEqual([]);
			expect(ids(scenarioWarnings(quiet({ mixPercent: { 'sonnet-4-6': 100, 'opus-4-1': 0 } })))).toEqual([]);
		});
	});

	describe('a cached prefix larger than the input', () => {
		it('is pointed out with both counts', () => {
			expect(find(quiet({ inputTokens: 2000, cachedPrefixTokens: 8000 }), 'prefix-larger-than-input')).toStrictEqual({
				id: 'prefix-larger-than-input',
				level: 'warning',
				text: 'Cached prefix tokens (8,000) is larger than Input tokens per request (2,000); the prefix can only be part of the input, so the calculation caches the whole input (2,000 tokens).'
			});
		});

		it('not when the prefix is the whole input', () => {
			expect(find(quiet({ inputTokens: 2000, cachedPrefixTokens: 2000 }), 'prefix-larger-than-input')).toBeUndefined();
		});
	});

	describe('a prefix below a model’s minimum cacheable size', () => {
		it('names the model, its minimum and the trimmed prefix', () => {
			// Haiku 4.5 caches from 4,096 tokens; 5,000 trimmed by 20 % is 4,000.
			const s = quiet({ mixPercent: { 'haiku-4-5': 100 }, cachedPrefixTokens: 5000, inputTrimPercent: 20 });
			expect(find(s, 'prefix-below-minimum-haiku-4-5')).toStrictEqual({
				id: 'prefix-below-minimum-haiku-4-5',
				level: 'warning',
				text: "The 4,000-token prefix (after trimming) is below Haiku 4.5's minimum cacheable size of 4,096 tokens: caching has no effect for Haiku 4.5, and its prefix is billed as plain input."
			});
		});

		it('without "(after trimming)" when nothing is trimmed, for mix models only', () => {
			// The baseline Opus 4.6 (minimum 4,096) is not in the mix: no warning for it.
			const s = quiet({ mixPercent: { 'haiku-4-5': 50, 'sonnet-4-6': 50 }, cachedPrefixTokens: 2000 });
			expect(scenarioWarnings(s).filter((w) => w.id.startsWith('prefix-below-minimum'))).toStrictEqual([
				{
					id: 'prefix-below-minimum-haiku-4-5',
					level: 'warning',
					text: "The 2,000-token prefix is below Haiku 4.5's minimum cacheable size of 4,096 tokens: caching has no effect for Haiku 4.5, and its prefix is billed as plain input."
				}
			]);
		});

		it('not at exactly the minimum, and not without caching', () => {
			expect(find(quiet({ mixPercent: { 'haiku-4-5': 100 }, cachedPrefixTokens: 4096 }), 'prefix-below-minimum-haiku-4-5')).toBeUndefined();
			expect(find(quiet({ mixPercent: { 'haiku-4-5': 100 }, cachedPrefixTokens: 0 }), 'prefix-below-minimum-haiku-4-5')).toBeUndefined();
			expect(find(quiet({ mixPercent: { 'haiku-4-5': 100 }, cachedPrefixTokens: 100, inputTokens: 0 }), 'prefix-below-minimum-haiku-4-5')).toBeUndefined();
		});
	});

	describe('a hit ratio below break-even', () => {
		it('names the hit ratio, the TTL and its break-even', () => {
			expect(find(quiet({ cachedPrefixTokens: 5000, cacheHitPercent: 10 }), 'below-break-even')).toStrictEqual({
				id: 'below-break-even',
				level: 'warning',
				text: "A 10.0 % cache hit ratio is below the 5-minute TTL's break-even of 21.7 %: cache writes cost more than the reads save."
			});
			// 1-hour: 1 / 1.9 = 52.6 %
			expect(find(quiet({ cachedPrefixTokens: 5000, cacheHitPercent: 50, cacheTtl: '1h' }), 'below-break-even')?.text).toBe(
				"A 50.0 % cache hit ratio is below the 1-hour TTL's break-even of 52.6 %: cache writes cost more than the reads save."
			);
		});

		it('not at or above break-even, nor when nothing is cached', () => {
			expect(find(quiet({ cachedPrefixTokens: 5000, cacheHitPercent: 22 }), 'below-break-even')).toBeUndefined();
			expect(find(quiet({ cachedPrefixTokens: 5000, cacheHitPercent: (0.25 / 1.15) * 100 }), 'below-break-even')).toBeUndefined();
			expect(find(quiet({ cachedPrefixTokens: 500, cacheHitPercent: 0 }), 'below-break-even')).toBeUndefined();
		});
	});

	describe('prompt-length bands and context windows', () => {
		it('a prompt above a band, with the band and standard rates', () => {
			// Sonnet 4.5: above 200,000 prompt tokens $6 / $22.50 instead of $3 / $15.
			const s = quiet({ mixPercent: { 'sonnet-4-5': 100 }, inputTokens: 250_000 });
			expect(find(s, 'band-sonnet-4-5')).toStrictEqual({
				id: 'band-sonnet-4-5',
				level: 'warning',
				text: "A prompt of 250,000 tokens is above Sonnet 4.5's 200,000-token band: every token of the request, output included, is billed at the band's rates, $6.00 input and $22.50 output per MTok ($3.00 and $15.00 below it). Cached tokens count towards the prompt."
			});
			expect(find(quiet({ mixPercent: { 'sonnet-4-5': 100 }, inputTokens: 200_000 }), 'band-sonnet-4-5')).toBeUndefined();
		});

		it('a prompt above a context window, for the baseline too', () => {
			// Opus 4.5 and Haiku 4.5 take 200,000 tokens.
			const s = quiet({ baselineModel: 'opus-4-5', mixPercent: { 'haiku-4-5': 100 }, inputTokens: 200_001 });
			expect(scenarioWarnings(s).filter((w) => w.id.startsWith('context-window'))).toStrictEqual([
				{
					id: 'context-window-opus-4-5',
					level: 'warning',
					text: "A prompt of 200,001 tokens is above Opus 4.5's context window of 200,000 tokens: the API rejects such requests. The figures still price them."
				},
				{
					id: 'context-window-haiku-4-5',
					level: 'warning',
					text: "A prompt of 200,001 tokens is above Haiku 4.5's context window of 200,000 tokens: the API rejects such requests. The figures still price them."
				}
			]);
			expect(ids(scenarioWarnings(quiet({ mixPercent: { 'haiku-4-5': 100 }, inputTokens: 200_000 })))).toEqual([]);
		});
	});

	describe('US-only inference', () => {
		it('names the models that do not offer it, plural', () => {
			expect(find(quiet({ usOnlyInference: true }), 'us-only-not-offered')).toStrictEqual({
				id: 'us-only-not-offered',
				level: 'warning',
				text: 'US-only inference is not offered on Opus 4.6, Sonnet 4.6: the API rejects it there, so they are priced at standard rates. Elsewhere every rate costs 1.1 ×.'
			});
		});

		it('singular, and not when every model offers it or it is off', () => {
			const offered = custom({ id: 'us-model', name: 'US model', usOnlyInference: true });
			const s = quiet({ usOnlyInference: true, customModels: [offered], baselineModel: 'us-model', mixPercent: { 'us-model': 50, 'sonnet-4-6': 50 } });
			expect(find(s, 'us-only-not-offered')?.text).toBe(
				'US-only inference is not offered on Sonnet 4.6: the API rejects it there, so it is priced at standard rates. Elsewhere every rate costs 1.1 ×.'
			);
			expect(find(onCustom(offered, { usOnlyInference: true }), 'us-only-not-offered')).toBeUndefined();
			expect(find(quiet({ usOnlyInference: false }), 'us-only-not-offered')).toBeUndefined();
		});
	});

	describe('tokenizer generations', () => {
		it('scales a model of the newer generation up, 30 % more tokens', () => {
			const s = onCustom(custom({ tokenizer: '2026' }));
			expect(find(s, 'tokenizer-scaling')).toStrictEqual({
				id: 'tokenizer-scaling',
				level: 'info',
				text: 'Token counts are measured on Claude 4.6 and earlier; My model counts about 30.0 % more tokens for the same text, so their input, prefix and output are scaled by 1.3 (6,000 input tokens become 7,800). Turn off Adjust for tokenizer to price the counts as typed.'
			});
		});

		it('scales older models down, 1 / 1.3: 23.1 % fewer, and says "count" for several', () => {
			expect(find(quiet({ tokensCountedOn: '2026' }), 'tokenizer-scaling')?.text).toBe(
				'Token counts are measured on Claude 4.7 and later; Opus 4.6, Sonnet 4.6 count about 23.1 % fewer tokens for the same text, so their input, prefix and output are scaled by 0.77 (6,000 input tokens become 4,615). Turn off Adjust for tokenizer to price the counts as typed.'
			);
		});

		it('without adjustment, says the counts are priced as typed', () => {
			expect(scenarioWarnings(quiet({ tokensCountedOn: '2026', adjustForTokenizer: false }))).toStrictEqual([
				{
					id: 'tokenizer-not-adjusted',
					level: 'info',
					text: 'Adjust for tokenizer is off: token counts measured on Claude 4.7 and later are priced as typed on models of the other generation, which count about 30.0 % fewer tokens for the same text.'
				}
			]);
			expect(find(onCustom(custom({ tokenizer: '2026' }), { adjustForTokenizer: false }), 'tokenizer-not-adjusted')?.text).toBe(
				'Adjust for tokenizer is off: token counts measured on Claude 4.6 and earlier are priced as typed on models of the other generation, which count about 30.0 % more tokens for the same text.'
			);
		});

		it('without adjustment, speaks up when any one model is of the other generation', () => {
			const s = quiet({ adjustForTokenizer: false, customModels: [custom({ tokenizer: '2026' })], mixPercent: { 'sonnet-4-6': 50, 'my-model': 50 } });
			expect(ids(scenarioWarnings(s))).toEqual(['tokenizer-not-adjusted']);
		});

		it('says nothing when every model counts like the measurement', () => {
			expect(scenarioWarnings(quiet({ adjustForTokenizer: false }))).toEqual([]);
			expect(scenarioWarnings(onCustom(custom({ tokenizer: '2026' }), { tokensCountedOn: '2026' }))).toEqual([]);
		});
	});

	describe('the Batch API', () => {
		it('points out the latency, and best-effort cache hits when caching works', () => {
			expect(scenarioWarnings(quiet({ batchPercent: 1, cachedPrefixTokens: 5000 }))).toStrictEqual([
				{
					id: 'batch-latency',
					level: 'info',
					text: 'Batch API results can take up to 24 hours (most finish within one hour): batch only work that can wait.'
				},
				{
					id: 'batch-cache-best-effort',
					level: 'info',
					text: 'Cache hits inside batches are best-effort: Anthropic reports 30 % to 98 % in practice, so the hit ratio you set may be optimistic for the batched share.'
				}
			]);
		});

		it('no cache note when nothing is cached, nothing without batch', () => {
			expect(ids(scenarioWarnings(quiet({ batchPercent: 50 })))).toEqual(['batch-latency']);
			// Sonnet 4.6 caches from 1,024 tokens: a 500-token prefix caches nothing.
			expect(ids(scenarioWarnings(quiet({ batchPercent: 50, cachedPrefixTokens: 500 })))).toEqual(['prefix-below-minimum-sonnet-4-6', 'batch-latency']);
			expect(ids(scenarioWarnings(quiet({ batchPercent: 0, cachedPrefixTokens: 5000 })))).toEqual([]);
		});
	});

	it("quotes a model's note", () => {
		expect(scenarioWarnings(onCustom(custom({ note: 'Prices from our reseller.' })))).toStrictEqual([
			{ id: 'note-my-model', level: 'info', text: 'My model: Prices from our reseller.' }
		]);
	});

	it('lists where a sheet differs from the one it compares to', () => {
		const s = quiet({ priceSheet: 'guide-2026-03' });
		expect(scenarioWarnings(s)).toStrictEqual([
			{
				id: 'sheet-differs',
				level: 'info',
				text: 'Cost-optimisation guide table (March 2026) differs from Anthropic list prices 2026-03-23 (input/output per MTok): Opus 4.6 $15.00/$75.00 here, $5.00/$25.00 published; Haiku 4.5 $0.80/$4.00 here, $1.00/$5.00 published.'
			}
		]);
	});

	it('gives each warning once, in a stable order', () => {
		const s = quiet({
			baselineModel: 'opus-4-5',
			mixPercent: { 'opus-4-5': 50, 'haiku-4-5': 50 },
			cachedPrefixTokens: 2000,
			cacheHitPercent: 5,
			batchPercent: 10,
			usOnlyInference: true
		});
		// Models in the order they are in use (baseline first); no break-even warning, since
		// neither model caches a 2,000-token prefix (both start at 4,096).
		expect(ids(scenarioWarnings(s))).toEqual(['deprecated-opus-4-5', 'prefix-below-minimum-opus-4-5', 'prefix-below-minimum-haiku-4-5', 'us-only-not-offered', 'batch-latency']);
	});

	it('does not mutate the scenario', () => {
		const s = quiet({ batchPercent: 10, cachedPrefixTokens: 5000, usOnlyInference: true });
		const copy = structuredClone(s);
		scenarioWarnings(s);
		expect(s).toStrictEqual(copy);
	});
});
