// The one-line reasons beside savings-table rows that save nothing or add cost. Texts typed by
// hand from the March sheet (Opus 4.6 $5/$25, Sonnet 4.6 $3/$15, Haiku 4.5 $1/$5) and the
// 5-minute break-even at the standard multiples, 0.25 / 1.15 = 21.7 %.
import { describe, expect, it } from 'vitest';
import { computeStack } from '$lib/engine';
import { rowReasons } from '$lib/explain/rowReasons';
import type { ModelPrice } from '$lib/pricing/schema';
import { defaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/schema';

/** Opus 4.6 baseline, all traffic on Sonnet 4.6 (routing saves), every other lever off. */
function scenario(patch: Partial<Scenario> = {}): Scenario {
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

const reasonsOf = (s: Scenario) => rowReasons(s, computeStack(s));

const NO_BATCH = 'No traffic goes through the Batch API (Batch share is 0 %).';
const NO_TRIM = 'No tokens are trimmed (Input trimmed and Output trimmed are 0 %).';

describe('rowReasons', () => {
	it('explains every lever that does nothing, and none that saves', () => {
		expect(reasonsOf(scenario())).toStrictEqual({
			'Prompt caching': 'No cached prefix: set Cached prefix tokens to use caching.',
			'Batch API': NO_BATCH,
			'Token optimization': NO_TRIM
		});
	});

	it('gives no reasons when every lever saves', () => {
		const s = scenario({ cachedPrefixTokens: 5000, cacheHitPercent: 80, batchPercent: 50, inputTrimPercent: 10, outputTrimPercent: 10 });
		expect(reasonsOf(s)).toStrictEqual({});
	});

	it('gives no reasons on a $0 bill: there is nothing to save', () => {
		expect(reasonsOf(scenario({ requestsPerMonth: 0 }))).toStrictEqual({});
		expect(rowReasons(scenario(), [])).toStrictEqual({});
	});

	describe('model routing', () => {
		it('a dearer mix, with both average prices', () => {
			expect(reasonsOf(scenario({ baselineModel: 'haiku-4-5' }))['Model routing']).toBe(
				'The mix averages $3.00/$15.00 per MTok, dearer than Haiku 4.5 at $1.00/$5.00.'
			);
			// 50 % Opus, 50 % Sonnet: $4.00 / $20.00 against Haiku 4.5
			expect(reasonsOf(scenario({ baselineModel: 'haiku-4-5', mixPercent: { 'opus-4-6': 50, 'sonnet-4-6': 50 } }))['Model routing']).toBe(
				'The mix averages $4.00/$20.00 per MTok, dearer than Haiku 4.5 at $1.00/$5.00.'
			);
		});

		it('a mix that costs the same', () => {
			expect(reasonsOf(scenario({ baselineModel: 'sonnet-4-6' }))['Model routing']).toBe('The mix costs the same as the baseline model.');
		});
	});

	describe('prompt caching', () => {
		it('a prefix no model of the mix caches', () => {
			// Sonnet 4.6 caches from 1,024 tokens.
			expect(reasonsOf(scenario({ cachedPrefixTokens: 500 }))['Prompt caching']).toBe(
				'The prefix is below the minimum cacheable size of every model in the mix.'
			);
		});

		it('a hit ratio below break-even', () => {
			expect(reasonsOf(scenario({ cachedPrefixTokens: 5000, cacheHitPercent: 10 }))['Prompt caching']).toBe(
				'A 10.0 % hit ratio is below the 21.7 % break-even: writes cost more than reads save.'
			);
			// 1-hour: 1 / 1.9 = 52.6 %
			expect(reasonsOf(scenario({ cachedPrefixTokens: 5000, cacheHitPercent: 50, cacheTtl: '1h' }))['Prompt caching']).toBe(
				'A 50.0 % hit ratio is below the 52.6 % break-even: writes cost more than reads save.'
			);
		});

		it('caching that costs exactly what plain input would', () => {
			// A model whose writes and reads cost its input price: caching changes nothing.
			const flat: ModelPrice = {
				id: 'flat',
				name: 'Flat',
				family: 'custom',
				status: 'active',
				contextWindow: 200_000,
				inputPerMTok: 2,
				cacheWrite5mPerMTok: 2,
				cacheWrite1hPerMTok: 2,
				cacheReadPerMTok: 2,
				outputPerMTok: 10,
				minCacheTokens: 1024,
				usOnlyInference: false,
				tokenizer: 'legacy'
			};
			const s = scenario({ customModels: [flat], mixPercent: { flat: 100 }, cachedPrefixTokens: 4096, cacheHitPercent: 50 });
			expect(reasonsOf(s)['Prompt caching']).toBe('At this hit ratio, cache writes and reads cost what plain input would.');
		});
	});

	it('names the batch and trimming levers when they are off, not when they save', () => {
		expect(reasonsOf(scenario({ batchPercent: 20 }))).not.toHaveProperty('Batch API');
		expect(reasonsOf(scenario({ outputTrimPercent: 5 }))).not.toHaveProperty('Token optimization');
		expect(reasonsOf(scenario({ inputTrimPercent: 5 }))).not.toHaveProperty('Token optimization');
	});

	it('does not mutate its inputs', () => {
		const s = scenario({ baselineModel: 'haiku-4-5' });
		const rows = computeStack(s);
		const copy = structuredClone({ s, rows });
		rowReasons(s, rows);
		expect({ s, rows }).toStrictEqual(copy);
	});
});
