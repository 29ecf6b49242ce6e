// Every worked example of docs/pricing-model.md, to the cent, on the sheet it names.
import { describe, expect, it } from 'vitest';
import {
	breakEvenHitRatio,
	computeStack,
	monthlyCost,
	readsToRepayWrite,
	sharedContextSeries,
	weightedPrice,
	NO_LEVERS
} from '$lib/engine';
import { getSheet } from '$lib/pricing/sheets';
import { defaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/schema';

/** The standard cache multiples and the batch factor (docs/pricing-model.md §10), typed from the spec. */
const STANDARD = { batch: 0.5, cacheRead: 0.1, cacheWrite5m: 1.25, cacheWrite1h: 2 };

const guide = getSheet('guide-2026-03');
const anthropic = getSheet('anthropic-2026-03');

function scenario(patch: Partial<Scenario>): Scenario {
	return { ...defaultScenario(), ...patch };
}

describe('spec worked examples (guide sheet)', () => {
	// 1,000 support tickets on Sonnet 4.6, 2,000 input and 500 output tokens each.
	const tickets = scenario({
		priceSheet: 'guide-2026-03',
		requestsPerMonth: 1000,
		inputTokens: 2000,
		cachedPrefixTokens: 0,
		outputTokens: 500,
		baselineModel: 'sonnet-4-6',
		mixPercent: { 'sonnet-4-6': 100 },
		batchPercent: 100
	});

	it('support tickets: $13.50 standard', () => {
		expect(monthlyCost(tickets, NO_LEVERS).total).toBeCloseTo(13.5, 9);
	});

	it('support tickets: $6.75 through the Batch API', () => {
		const rows = computeStack(tickets);
		expect(rows[0]!.monthlyCost).toBeCloseTo(13.5, 9);
		expect(rows[3]!.lever).toBe('Batch API');
		expect(rows[3]!.monthlyCost).toBeCloseTo(6.75, 9);
		expect(rows[3]!.cumulativeSavingPercent).toBeCloseTo(50, 9);
	});

	// 10 requests against the same 10,000-token context on Opus 4.6, 5-minute cache:
	// the first writes, nine read; other tokens ignored.
	const docQa = scenario({
		priceSheet: 'guide-2026-03',
		inputTokens: 10_000,
		cachedPrefixTokens: 10_000,
		outputTokens: 0,
		baselineModel: 'opus-4-6',
		mixPercent: { 'opus-4-6': 100 },
		cacheTtl: '5m',
		batchPercent: 0,
		inputTrimPercent: 0,
		outputTrimPercent: 0
	});

	it('document Q&A: $1.50 without caching, $0.3225 with it, a 78.5 % reduction', () => {
		const series = sharedContextSeries(docQa, guide, 10);
		const none = series.cost.none[9]!;
		const cached = series.cost['5m'][9]!;
		expect(none).toBeCloseTo(1.5, 9);
		expect(cached).toBeCloseTo(0.3225, 9);
		expect(((none - cached) / none) * 100).toBeCloseTo(78.5, 9);
	});

	it('document Q&A as a monthly scenario: 10 requests at a 90 % hit ratio give the same $0.3225', () => {
		const month = scenario({ ...docQa, requestsPerMonth: 10, cacheHitPercent: 90 });
		const rows = computeStack(month);
		expect(rows[0]!.monthlyCost).toBeCloseTo(1.5, 9);
		expect(rows[2]!.monthlyCost).toBeCloseTo(0.3225, 9);
		expect(rows[2]!.cumulativeSavingPercent).toBeCloseTo(78.5, 9);
	});

	it('cache write on Opus 4.6: $18.75/MTok (5 min), $30/MTok (1 h); read $1.50/MTok', () => {
		const opus = guide.models.find((m) => m.id === 'opus-4-6')!;
		expect(opus.inputPerMTok * STANDARD.cacheWrite5m).toBeCloseTo(18.75, 9);
		expect(opus.inputPerMTok * STANDARD.cacheWrite1h).toBeCloseTo(30, 9);
		expect(opus.inputPerMTok * STANDARD.cacheRead).toBeCloseTo(1.5, 9);
	});
});

describe('default sheet prices of the spec', () => {
	// One million prefix tokens, all written (h = 0) or all read (h = 1): the cost is the $/MTok rate.
	const perMTok = (hit: number, ttl: '5m' | '1h', batch = 0) =>
		monthlyCost(
			scenario({
				requestsPerMonth: 1,
				inputTokens: 1_000_000,
				cachedPrefixTokens: 1_000_000,
				outputTokens: 0,
				mixPercent: { 'opus-4-6': 100 },
				cacheHitPercent: hit,
				cacheTtl: ttl,
				batchPercent: batch
			}),
			{ routing: true, caching: true, batch: batch > 0, trimming: false }
		).total;

	it('Opus 4.6 cache write $6.25 (5 min), $10 (1 h), read $0.50 per MTok', () => {
		expect(perMTok(0, '5m')).toBeCloseTo(6.25, 9);
		expect(perMTok(0, '1h')).toBeCloseTo(10, 9);
		expect(perMTok(100, '5m')).toBeCloseTo(0.5, 9);
	});

	it('a cache read inside a batch costs 0.05 x base input', () => {
		expect(perMTok(100, '5m', 100)).toBeCloseTo(0.25, 9);
	});

	it.each([
		['opus-4-6', 2.5, 12.5],
		['sonnet-4-6', 1.5, 7.5],
		['haiku-4-5', 0.5, 2.5]
	])('batch prices of %s: $%s in / $%s out per MTok', (id, input, output) => {
		const batched = (inputTokens: number, outputTokens: number) =>
			monthlyCost(
				scenario({
					requestsPerMonth: 1,
					inputTokens,
					cachedPrefixTokens: 0,
					outputTokens,
					mixPercent: { [id]: 100 },
					batchPercent: 100
				})
			).total;
		// Trimming is on in the default scenario, so undo it for a clean per-MTok figure.
		expect(batched(1_000_000, 0) / 0.9).toBeCloseTo(input, 9);
		expect(batched(0, 1_000_000) / 0.8).toBeCloseTo(output, 9);
	});
});

describe('break-even facts', () => {
	it('reads to repay one write: 1 (5 min), 2 (1 h)', () => {
		expect(readsToRepayWrite('5m', STANDARD)).toBe(1);
		expect(readsToRepayWrite('1h', STANDARD)).toBe(2);
	});

	it('break-even hit ratio: 21.7 % (5 min), 52.6 % (1 h)', () => {
		// Hand arithmetic: 0.25 / 1.15 and 1 / 1.9.
		expect(breakEvenHitRatio('5m', STANDARD)).toBeCloseTo(0.25 / 1.15, 12);
		expect((breakEvenHitRatio('5m', STANDARD) * 100).toFixed(1)).toBe('21.7');
		expect((breakEvenHitRatio('1h', STANDARD) * 100).toFixed(1)).toBe('52.6');
	});

	it('the shared-context chart crosses after one read (5 min) and two reads (1 h)', () => {
		const s = scenario({ priceSheet: 'guide-2026-03', mixPercent: { 'opus-4-6': 100 } });
		const { crossing } = sharedContextSeries(s);
		expect(crossing['5m']).toBe(2);
		expect(crossing['1h']).toBe(3);
	});

	it('a 70/25/5 Haiku/Sonnet/Opus mix costs $1.70 in and $8.50 out per MTok (default sheet)', () => {
		// Hand arithmetic: 0.70 x 1 + 0.25 x 3 + 0.05 x 5 = 1.70; 0.70 x 5 + 0.25 x 15 + 0.05 x 25 = 8.50.
		const p = weightedPrice({ 'haiku-4-5': 70, 'sonnet-4-6': 25, 'opus-4-6': 5 }, anthropic);
		expect(p.inputPerMTok).toBeCloseTo(1.7, 12);
		expect(p.outputPerMTok).toBeCloseTo(8.5, 12);
	});

	it('the same mix on the guide sheet: $2.06 in and $10.30 out per MTok', () => {
		// 0.70 x 0.80 + 0.25 x 3 + 0.05 x 15 = 0.56 + 0.75 + 0.75 = 2.06 in; 0.7 x 4 + 0.25 x 15 + 0.05 x 75 = 10.30 out.
		const p = weightedPrice({ 'haiku-4-5': 70, 'sonnet-4-6': 25, 'opus-4-6': 5 }, guide);
		expect(p.inputPerMTok).toBeCloseTo(2.06, 12);
		expect(p.outputPerMTok).toBeCloseTo(10.3, 12);
	});
});
