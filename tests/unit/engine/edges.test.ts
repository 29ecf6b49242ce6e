// Edge cases of the engine's price rules, each against a value worked out by hand: overrides
// that do and do not move the cache rates, free inputs, reads dearer than writes, prefixes too
// short to cache, and the US-only factor of a sheet.
import { describe, expect, it } from 'vitest';
import {
	applyOverride,
	breakEvenHitRatio,
	modelMultipliers,
	rateFactor,
	readsToRepayWrite,
	requestCost,
	withOverrides
} from '$lib/engine';
import type { ModelPrice } from '$lib/pricing/schema';
import { getModel, getSheet } from '$lib/pricing/sheets';

const march = getSheet('anthropic-2026-03');
const opus46 = getModel(march, 'opus-4-6'); // $5 in, $6.25 / $10 writes, $0.50 read, $25 out
const haiku45 = getModel(march, 'haiku-4-5'); // $1 / $5, caches from 4,096 tokens

function model(patch: Partial<ModelPrice>): ModelPrice {
	return {
		id: 'custom-1',
		name: 'Custom',
		family: 'custom',
		status: 'active',
		contextWindow: 200_000,
		inputPerMTok: 1.1,
		cacheWrite5mPerMTok: 1.3,
		cacheWrite1hPerMTok: 2.2,
		cacheReadPerMTok: 0.11,
		outputPerMTok: 5,
		minCacheTokens: 1024,
		usOnlyInference: false,
		tokenizer: 'legacy',
		...patch
	};
}

type Rates = Pick<ModelPrice, 'inputPerMTok' | 'cacheWrite5mPerMTok' | 'cacheWrite1hPerMTok' | 'cacheReadPerMTok' | 'outputPerMTok'>;
const rates = (m: Rates) => [m.inputPerMTok, m.cacheWrite5mPerMTok, m.cacheWrite1hPerMTok, m.cacheReadPerMTok, m.outputPerMTok];

describe('applyOverride', () => {
	it('moves the cache rates with an overridden input rate, never the output rate', () => {
		// $4 instead of $5: writes 4 x 1.25 = 5 and 4 x 2 = 8, read 4 x 0.1 = 0.4; output stays $25.
		expect(rates(applyOverride(opus46, { inputPerMTok: 4 }))).toEqual([4, 5, 8, 0.4, 25]);
	});

	it('leaves the cache rates exactly as they are when the input rate is not overridden', () => {
		// 1.1 x (1.3 / 1.1) is 1.2999999999999998 in floating point: the rate must not be recomputed.
		expect(rates(applyOverride(model({}), { outputPerMTok: 6 }))).toEqual([1.1, 1.3, 2.2, 0.11, 6]);
		expect(rates(applyOverride(model({}), {}))).toEqual([1.1, 1.3, 2.2, 0.11, 5]);
	});

	it('does not move the cache rates of a free input (nothing to scale by)', () => {
		const free = model({ inputPerMTok: 0, cacheWrite5mPerMTok: 1, cacheWrite1hPerMTok: 2, cacheReadPerMTok: 0.5 });
		expect(rates(applyOverride(free, { inputPerMTok: 0 }))).toEqual([0, 1, 2, 0.5, 5]);
		expect(rates(applyOverride(free, { inputPerMTok: 3 }))).toEqual([3, 1, 2, 0.5, 5]);
	});

	it('sets the cache rates to 0 with a free input override', () => {
		expect(rates(applyOverride(opus46, { inputPerMTok: 0 }))).toEqual([0, 0, 0, 0, 25]);
	});

	it('overrides a band only on a model with one', () => {
		expect(applyOverride(opus46, { bandInputPerMTok: 9 }).bands).toBeUndefined();
		const banded = getModel(march, 'sonnet-4-5'); // above 200,000: $6 / $7.50 / $12 / $0.60 / $22.50
		// the band's cache rates follow its input: 8 x 1.25, 8 x 2, 8 x 0.1 (to float precision)
		const [input, write5m, write1h, read, output] = rates(applyOverride(banded, { bandInputPerMTok: 8 }).bands?.[0] as Rates);
		expect([input, write5m, write1h, output]).toEqual([8, 10, 16, 22.5]);
		expect(read).toBeCloseTo(0.8, 12);
		expect(applyOverride(banded, { inputPerMTok: 4 }).bands).toEqual(banded.bands);
	});

	it('sets the minimum cacheable prefix', () => {
		expect(applyOverride(opus46, { minCacheTokens: 1024 }).minCacheTokens).toBe(1024);
		expect(applyOverride(opus46, {}).minCacheTokens).toBe(4096);
	});
});

describe('withOverrides', () => {
	it('adds custom models after the sheet’s own, but never one with a sheet model’s id', () => {
		const impostor = model({ id: 'opus-4-6', name: 'Impostor', inputPerMTok: 99 });
		const mine = model({ id: 'mine-1' });
		const sheet = withOverrides(march, {}, [impostor, mine]);
		expect(sheet.models.map((m) => m.id)).toEqual([...march.models.map((m) => m.id), 'mine-1']);
		expect(getModel(sheet, 'opus-4-6')).toBe(opus46);
	});

	it('applies overrides to custom models too', () => {
		const sheet = withOverrides(march, { 'mine-1': { outputPerMTok: 7 } }, [model({ id: 'mine-1' })]);
		expect(getModel(sheet, 'mine-1').outputPerMTok).toBe(7);
	});
});

describe('requestCost and rateFactor', () => {
	it('bills a prefix shorter than the model’s minimum as plain input, whatever the hit ratio', () => {
		// Haiku 4.5 caches from 4,096 tokens: 6,000 x $1 / 1M = $0.006, no writes or reads.
		const cost = requestCost(haiku45, { input: 6000, prefix: 2000, output: 0 }, { caching: { hitRatio: 0.8, ttl: '5m' }, batchShare: 0 }, { batch: 0.5 });
		expect(cost).toStrictEqual({ plainInput: 0.006, cacheWrites: 0, cacheReads: 0, output: 0, webSearches: 0, total: 0.006 });
	});

	it('uses the sheet’s US-only factor, 1.1 when the sheet gives none', () => {
		const us = model({ usOnlyInference: true });
		expect(rateFactor(us, { batchShare: 0, usOnlyInference: true }, { batch: 0.5, usOnlyInference: 1.25 })).toBe(1.25);
		expect(rateFactor(us, { batchShare: 0, usOnlyInference: true }, { batch: 0.5 })).toBe(1.1);
		expect(rateFactor(model({}), { batchShare: 0, usOnlyInference: true }, { batch: 0.5, usOnlyInference: 1.25 })).toBe(1);
	});
});

describe('break-even edge cases', () => {
	it('a free input: any paid cache rate is infinitely many times it', () => {
		expect(modelMultipliers(model({ inputPerMTok: 0, cacheWrite5mPerMTok: 0, cacheWrite1hPerMTok: 2, cacheReadPerMTok: 0.1 }))).toStrictEqual({
			batch: 0.5,
			cacheRead: Infinity,
			cacheWrite5m: 1,
			cacheWrite1h: Infinity
		});
		expect(modelMultipliers(model({ inputPerMTok: 0, cacheWrite5mPerMTok: 0, cacheWrite1hPerMTok: 0, cacheReadPerMTok: 0 }), 0.4)).toStrictEqual({
			batch: 0.4,
			cacheRead: 0,
			cacheWrite5m: 1,
			cacheWrite1h: 1
		});
	});

	it('reads to repay a write: none when the write costs no more than input, never when a read costs as much', () => {
		const m = (cacheWrite5m: number, cacheRead: number) => ({ batch: 0.5, cacheWrite5m, cacheWrite1h: 2, cacheRead });
		expect(readsToRepayWrite('5m', m(1, 0.1))).toBe(0);
		expect(readsToRepayWrite('5m', m(0.5, 0.1))).toBe(0);
		expect(readsToRepayWrite('5m', m(1.25, 1))).toBe(Infinity);
		expect(readsToRepayWrite('5m', m(1.25, 1.5))).toBe(Infinity);
		// 0.25 / (1 - 0.5) = 0.5: one read
		expect(readsToRepayWrite('5m', m(1.25, 0.5))).toBe(1);
	});

	it('break-even when a read costs no less than the write: 0 if the write is below input, else 1', () => {
		const m = (cacheWrite5m: number, cacheRead: number) => ({ batch: 0.5, cacheWrite5m, cacheWrite1h: 2, cacheRead });
		expect(breakEvenHitRatio('5m', m(0.5, 0.8))).toBe(0);
		expect(breakEvenHitRatio('5m', m(1, 1.5))).toBe(1);
		expect(breakEvenHitRatio('5m', m(2, 3))).toBe(1);
		expect(breakEvenHitRatio('5m', m(1.25, 1.25))).toBe(1);
		// (1.25 - 1) / (1.25 - 0.1) = 0.2174
		expect(breakEvenHitRatio('5m', m(1.25, 0.1))).toBeCloseTo(0.25 / 1.15, 12);
	});
});
