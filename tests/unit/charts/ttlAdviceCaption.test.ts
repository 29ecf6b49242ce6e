// The TTL advice caption: the figures of a TtlAdvice in words. Advice objects are typed here
// (the wording is under test, not the engine), plus one from the engine for the §11.5 shape.
import { describe, expect, it } from 'vitest';
import { requestCost, ttlAdvice, type FlipRate, type TtlAdvice } from '$lib/engine';
import { ttlAdviceCaption } from '$lib/charts/ttlAdviceCaption';
import { getModel, getSheet } from '$lib/pricing/sheets';

function advice(patch: Partial<TtlAdvice>): TtlAdvice {
	return {
		ratePerHour: 14,
		hitRatio: { '5m': 0.6, '1h': 0.95 },
		monthly: { none: 10_000, '5m': 8_000, '1h': 5_585 },
		cheapest: '1h',
		runnerUp: '5m',
		margin: 2415,
		flips: [],
		...patch
	};
}

const flip = (ratePerHour: number, from: FlipRate['from'], to: FlipRate['to']): FlipRate => ({ ratePerHour, from, to, costPerRequest: 0.05, requestsPerMonth: 1 });

describe('ttlAdviceCaption', () => {
	it('states the cheapest choice at the workload rate and its monthly lead', () => {
		expect(ttlAdviceCaption(advice({ flips: [flip(0.8, 'none', '1h')] }))).toBe(
			'At 14 requests an hour per prefix, 1-hour caching is cheapest: $2,415 a month less than 5-minute. ' +
				'No caching is cheapest below 0.8 requests an hour per prefix, and 1-hour caching above.'
		);
	});

	it('lists every change of the cheapest choice in order', () => {
		const text = ttlAdviceCaption(advice({ flips: [flip(0.8129, 'none', '1h'), flip(82.958, '1h', '5m')] }));
		expect(text).toContain('No caching is cheapest below 0.81 requests an hour per prefix, 1-hour caching up to 82.96, and 5-minute caching above.');
	});

	it('names no caching as runner-up and small sums in cents', () => {
		const text = ttlAdviceCaption(advice({ ratePerHour: 0.17, cheapest: 'none', runnerUp: '5m', monthly: { none: 100, '5m': 125.26, '1h': 140 }, margin: 25.26 }));
		expect(text).toBe('At 0.17 requests an hour per prefix, no caching is cheapest: $25.26 a month less than 5-minute. No caching is cheapest at every rate.');
		expect(ttlAdviceCaption(advice({ cheapest: '5m', runnerUp: 'none', monthly: { none: 10, '5m': 8, '1h': 12 }, margin: 2 }))).toContain(
			'5-minute caching is cheapest: $2.00 a month less than no caching.'
		);
	});

	it('says when choices cost the same, and writes a tiny rate as under 0.01', () => {
		expect(ttlAdviceCaption(advice({ ratePerHour: 0, monthly: { none: 0, '5m': 0, '1h': 0 }, cheapest: 'none', runnerUp: '5m', margin: 0 }))).toBe(
			'At 0 requests an hour per prefix, the three choices cost the same.'
		);
		expect(ttlAdviceCaption(advice({ monthly: { none: 50, '5m': 40, '1h': 40.001 }, cheapest: '5m', runnerUp: '1h', margin: 0.001 }))).toMatch(
			/^At 14 requests an hour per prefix, 5-minute caching and 1-hour caching cost the same\./
		);
		expect(ttlAdviceCaption(advice({ ratePerHour: 0.003 }))).toMatch(/^At under 0.01 requests an hour per prefix,/);
	});

	it('reads the engine advice for the §11.5 shape on 100 prefixes, 8 hours, 22 days', () => {
		const sonnet = getModel(getSheet('anthropic-2026-11'), 'sonnet-4-6');
		const factors = { batch: 0.5, usOnlyInference: 1.1 };
		const shape = { input: 13_500, prefix: 12_000, output: 800 };
		const at = (caching: { hitRatio: number; ttl: '5m' | '1h' } | null) => requestCost(sonnet, shape, { caching, batchShare: 0 }, factors).total;
		const lines = {
			none: at(null),
			'5m': { atZero: at({ hitRatio: 0, ttl: '5m' }), atOne: at({ hitRatio: 1, ttl: '5m' }) },
			'1h': { atZero: at({ hitRatio: 0, ttl: '1h' }), atOne: at({ hitRatio: 1, ttl: '1h' }) }
		};
		expect(ttlAdviceCaption(ttlAdvice(lines, 300_000, { distinctPrefixes: 100, activeHoursPerDay: 8, activeDaysPerMonth: 22 }))).toBe(
			'At 17.05 requests an hour per prefix, 1-hour caching is cheapest: $2,888 a month less than 5-minute. ' +
				'No caching is cheapest below 0.81 requests an hour per prefix, 1-hour caching up to 82.96, and 5-minute caching above.'
		);
	});
});
