// Captions and data tables: the charts' text alternative. Reference values: the spec's
// break-even facts (21.7 % / 52.6 %; 1 and 2 reads to repay a write) and hand arithmetic on
// the default scenario (baseline 100,000 Opus 4.6 requests of 6,000 in / 500 out: $4,250).
import { describe, expect, it } from 'vitest';
import { breakEvenPoints, computePlan, computeStack, hitRatioSeries, sharedContextSeries, type StackRow } from '$lib/engine';
import {
	OPTIMIZED_LABEL,
	hitRatioCaption,
	sharedContextCaption,
	valueAt,
	waterfallBarText,
	waterfallCaption
} from '$lib/charts/captions';
import { hitRatioTable, sharedContextTable, waterfallTable } from '$lib/charts/tables';
import { defaultScenario } from '$lib/scenario/defaults';
import type { Scenario } from '$lib/scenario/schema';

function scenario(patch: Partial<Scenario> = {}): Scenario {
	return { ...defaultScenario(), ...patch };
}

const opus = scenario({ mixPercent: { 'opus-4-6': 100 } });
/** A prefix no model of the default mix caches (below every minimum). */
const uncacheable = scenario({ cachedPrefixTokens: 500 });

describe('hitRatioCaption', () => {
	// By hand, default scenario (March sheet; 5 % Opus 4.6, 25 % Sonnet 4.6, 70 % Haiku 4.5):
	// mix input $1.70 and output $8.50 per MTok; trimmed to 5,400 in (4,500 prefix, 900 not)
	// and 400 out; half batched at half price (x 0.75).
	//   no cache:    (5,400 x 1.7 + 400 x 8.5) / 1M x 0.75 = 12,580 / 1M x 0.75 = 0.009435
	//   5 min, 0 %:  (900 x 1.7 + 4,500 x 1.7 x 1.25 + 3,400) / 1M x 0.75 = 14,492.5 / 1M x 0.75 = 0.010869375
	//   1 h, 0 %:    (1,530 + 4,500 x 1.7 x 2 + 3,400) / 1M x 0.75 = 20,230 / 1M x 0.75 = 0.0151725
	//   100 % hits:  (1,530 + 4,500 x 1.7 x 0.1 + 3,400) / 1M x 0.75 = 5,695 / 1M x 0.75 = 0.00427125 (either TTL)
	// At 80 %: 5 min 0.2 x 0.010869375 + 0.8 x 0.00427125 = 0.005590875; 1 h 0.0030345 + 0.003417 = 0.0064515.
	it('the series is two points per line: the ends, by hand', () => {
		const series = hitRatioSeries(scenario());
		expect(series.hitPercent).toEqual([0, 100]);
		expect(series.cost.none).toEqual([expect.closeTo(0.009435, 15), expect.closeTo(0.009435, 15)]);
		expect(series.cost['5m']).toEqual([expect.closeTo(0.010869375, 15), expect.closeTo(0.00427125, 15)]);
		expect(series.cost['1h']).toEqual([expect.closeTo(0.0151725, 15), expect.closeTo(0.00427125, 15)]);
		expect(valueAt(series.hitPercent, series.cost['5m'], 80)).toBeCloseTo(0.005590875, 15);
		expect(valueAt(series.hitPercent, series.cost['1h'], 80)).toBeCloseTo(0.0064515, 15);
	});

	it('states both break-even hit ratios and the costs at the current one', () => {
		const s = scenario();
		const series = hitRatioSeries(s);
		const caption = hitRatioCaption(series, breakEvenPoints(s), 80, '5m');
		expect(caption).toContain('5-minute caching pays off above a 21.7 % hit ratio; 1-hour caching above 52.6 %.');
		expect(caption).toContain('At your 80.0 % hit ratio a request costs ');
		// 0.009435, 0.005590875 and 0.0064515 (by hand above), to four significant digits
		expect(caption).toContain(`$0.009435 without caching, $0.005591 with a 5-minute and $0.006452 with a 1-hour cache.`);
	});

	it('says what the chosen TTL saves or costs at the current hit ratio', () => {
		const s = scenario();
		const series = hitRatioSeries(s);
		const p = breakEvenPoints(s);
		// none - 5m at 80 %: 0.009435 - 0.005590875 = 0.003844125 (by hand above).
		const saves5m = valueAt(series.hitPercent, series.cost.none, 80) - valueAt(series.hitPercent, series.cost['5m'], 80);
		expect(saves5m).toBeCloseTo(0.003844125, 15);
		expect(hitRatioCaption(series, p, 80, '5m')).toMatch(/Your 5-minute cache saves \$0\.003844 a request\.$/);
		// none - 1h at 80 % is $0.0029835 by hand, a tie at four digits: float noise picks the side.
		expect(hitRatioCaption(series, p, 80, '1h')).toMatch(/Your 1-hour cache saves \$0\.00298[34] a request\.$/);
		// At 40 % the 1-hour TTL is below its 52.6 % break-even: it costs more.
		expect(hitRatioCaption(series, p, 40, '1h')).toMatch(/Your 1-hour cache costs \$0\.\d+ a request more than no caching\.$/);
	});

	it('says when caching changes nothing', () => {
		const caption = hitRatioCaption(hitRatioSeries(uncacheable), breakEvenPoints(uncacheable), 80, '5m');
		expect(caption).toMatch(/^The cached prefix is shorter than the minimum cacheable length .* caching changes nothing/);
	});
});

describe('hitRatioTable', () => {
	const s = scenario({ cacheHitPercent: 65 });
	const series = hitRatioSeries(s);
	const table = hitRatioTable(series, breakEvenPoints(s), 65);

	it('lists every 10 %, the break-evens and the current hit ratio in order', () => {
		expect(table.columns).toEqual(['Hit ratio', 'No cache, $ per request', '5-minute TTL, $ per request', '1-hour TTL, $ per request']);
		expect(table.rows.map((r) => r[0])).toEqual([
			'0 %',
			'10 %',
			'20 %',
			'21.7 % (5-minute break-even)',
			'30 %',
			'40 %',
			'50 %',
			'52.6 % (1-hour break-even)',
			'60 %',
			'65 % (your hit ratio)',
			'70 %',
			'80 %',
			'90 %',
			'100 %'
		]);
		expect(table.rows.every((r) => r.length === 4)).toBe(true);
	});

	it('shows equal costs at each break-even', () => {
		const [, none, fiveMin] = table.rows[3]!;
		expect(fiveMin).toBe(none);
		const [, none1h, , oneHour] = table.rows[7]!;
		expect(oneHour).toBe(none1h);
	});

	it('reads each row off the straight lines: 50 % by hand', () => {
		// 50 %: none 0.009435; 5 min (0.010869375 + 0.00427125) / 2 = 0.0075703125; 1 h (0.0151725 + 0.00427125) / 2 = 0.009721875.
		expect(table.rows[6]).toEqual(['50 %', '$0.009435', '$0.00757', '$0.009722']);
		// 0 % and 100 %: the ends themselves.
		expect(table.rows[0]).toEqual(['0 %', '$0.009435', '$0.01087', '$0.01517']);
		expect(table.rows[13]).toEqual(['100 %', '$0.009435', '$0.004271', '$0.004271']);
	});

	it('merges the current hit ratio into a row it coincides with', () => {
		const at80 = hitRatioTable(series, breakEvenPoints(s), 80);
		expect(at80.rows).toHaveLength(13);
		expect(at80.rows.map((r) => r[0])).toContain('80 % (your hit ratio)');
	});
});

describe('two points per line read the same as 101', () => {
	// The chart carries 2 points per line; before, 101 (every 1 %). Captions and tables must not change.
	const cases: [string, Scenario][] = [
		['the default scenario', scenario()],
		['Opus 4.6 alone', opus],
		['1-hour TTL, no batch', scenario({ cacheTtl: '1h', batchPercent: 0 })],
		['the guide sheet', scenario({ priceSheet: 'guide-2026-03', mixPercent: { 'opus-4-6': 100 } })],
		['nothing cacheable', uncacheable]
	];
	it.each(cases)('%s', (_, s) => {
		const two = hitRatioSeries(s);
		const every1 = hitRatioSeries(s, undefined, 101);
		const p = breakEvenPoints(s);
		expect(two.hitPercent).toHaveLength(2);
		// Whole percentages (where the 101 points were sampled) and points between them; plus the
		// break-evens. (Not 52.6 % on Opus 4.6: there the 1-hour delta is 0.000010125, a tie at
		// four digits that float noise decides either way.)
		for (const hit of [0, 10, 12.5, 37.5, 65, 80, 90, 99.5, 100, ...p.map((b) => b.hitPercent)]) {
			for (const ttl of ['5m', '1h'] as const) expect(hitRatioCaption(two, p, hit, ttl)).toBe(hitRatioCaption(every1, p, hit, ttl));
			expect(hitRatioTable(two, p, hit)).toEqual(hitRatioTable(every1, p, hit));
		}
	});
});

describe('sharedContextCaption and sharedContextTable', () => {
	const series = sharedContextSeries(opus);

	it('states the crossings: 5-minute after one read, 1-hour after two', () => {
		const caption = sharedContextCaption(series);
		expect(caption).toContain('5-minute caching is cheaper from request 2 (the write is repaid after 1 read)');
		expect(caption).toContain('1-hour caching is cheaper from request 3 (the write is repaid after 2 reads)');
		expect(caption).toMatch(/For 50 requests: \$[\d.]+ without caching, \$[\d.]+ with a 5-minute and \$[\d.]+ with a 1-hour cache\.$/);
	});

	it('tabulates 1..10 requests and every 10th, marking the crossings', () => {
		const table = sharedContextTable(series);
		expect(table.columns).toEqual(['Requests', 'No cache, cumulative $', '5-minute TTL, cumulative $', '1-hour TTL, cumulative $']);
		expect(table.rows.map((r) => r[0])).toEqual([
			'1',
			'2 (5-minute cheaper from here)',
			'3 (1-hour cheaper from here)',
			...['4', '5', '6', '7', '8', '9', '10', '20', '30', '40', '50']
		]);
	});

	it('says when caching changes nothing', () => {
		expect(sharedContextCaption(sharedContextSeries(uncacheable))).toContain('caching changes nothing: 50 requests cost');
	});

	it('says when a TTL never pays off within the range', () => {
		const short = sharedContextSeries(opus, undefined, 2);
		expect(short.crossing['1h']).toBeNull();
		expect(sharedContextCaption(short)).toContain('1-hour caching does not pay off within 2 requests');
	});
});

describe('waterfall text', () => {
	const rows = computeStack(scenario());

	it('states the totals, the largest step and that the split depends on the order', () => {
		const caption = waterfallCaption(rows);
		expect(caption).toMatch(/^From a \$4,250 baseline to \$559 a month: the levers save \$3,691 \(86\.8 %\)\./);
		expect(caption).toContain('The largest step is Model routing, saving $2,805.');
		expect(caption).toContain('depends on their order');
	});

	it('names a lever that adds cost', () => {
		// A 0 % hit ratio only writes the cache: the caching lever adds cost.
		const costly = computeStack(scenario({ cacheHitPercent: 0 }));
		expect(waterfallCaption(costly)).toMatch(/Prompt caching adds \$\d+/);
		expect(waterfallBarText(costly, 2)).toMatch(/^Adds \$[\d,.]+ \(\d+\.\d %\): \$[\d,.]+ → \$[\d,.]+ a month$/);
	});

	it('describes each bar for the tooltip', () => {
		expect(waterfallBarText(rows, 0)).toBe('$4,250 a month');
		expect(waterfallBarText(rows, 1)).toBe('Saves $2,805 (66.0 %): $4,250 → $1,445 a month');
		expect(waterfallBarText(rows, rows.length)).toBe('$559 a month, saves $3,691 (86.8 %) against the baseline');
	});

	it('tabulates every bar', () => {
		const table = waterfallTable(rows);
		expect(table.columns).toEqual(['Step', 'Monthly cost', 'Change against the step above', 'Saving against the baseline']);
		expect(table.rows.map((r) => r[0])).toEqual([...rows.map((r) => r.lever), OPTIMIZED_LABEL]);
		expect(table.rows[0]).toEqual(['Baseline', '$4,250', '—', '—']);
		expect(table.rows[1]).toEqual(['Model routing', '$1,445', 'Saves $2,805 (66.0 %)', '$2,805 (66.0 %)']);
		expect(table.rows[5]).toEqual(['Optimized', '$559', '—', '$3,691 (86.8 %)']);
	});

	it('says "n/a" for percentages of a baseline that rounds to $0.00, never "-79,478,124,999 %"', () => {
		// Haiku 4.5 almost free as the baseline, all traffic routed to Opus 4.6, no other lever:
		// 1,000 x (6,000 x $5 + 500 x $25) / 1M = $42.50 against a $0.000000006 baseline.
		const tiny = computeStack(
			scenario({
				requestsPerMonth: 1000,
				baselineModel: 'haiku-4-5',
				mixPercent: { 'opus-4-6': 100 },
				prices: { 'haiku-4-5': { inputPerMTok: 0.000001, outputPerMTok: 0 } },
				cachedPrefixTokens: 0,
				batchPercent: 0,
				inputTrimPercent: 0,
				outputTrimPercent: 0
			})
		);
		expect(waterfallCaption(tiny)).toMatch(/^From a \$0\.00 baseline to \$42\.50 a month: the levers add \$42\.50 \(n\/a\)\./);
		expect(waterfallBarText(tiny, 1)).toBe('Adds $42.50 (n/a): $0.00 → $42.50 a month');
		expect(waterfallBarText(tiny, 2)).toBe('No change: $42.50 → $42.50 a month');
		expect(waterfallBarText(tiny, tiny.length)).toBe('$42.50 a month, adds $42.50 (n/a) against the baseline');
		const table = waterfallTable(tiny);
		expect(table.rows[1]).toEqual(['Model routing', '$42.50', 'Adds $42.50 (n/a)', '-$42.50 (n/a)']);
		expect(table.rows[5]).toEqual(['Optimized', '$42.50', '—', '-$42.50 (n/a)']);
	});

	it('a plan starts from Today, not from a baseline (the same $4,250 and $559 through computePlan)', () => {
		const plan = computePlan(scenario()).rows;
		expect(plan[0]!.lever).toBe('Today');
		expect(waterfallCaption(plan)).toMatch(/^From \$4,250 today to \$559 a month: the levers save \$3,691 \(86\.8 %\)\./);
		expect(waterfallBarText(plan, plan.length)).toBe('$559 a month, saves $3,691 (86.8 %) against Today');
		expect(waterfallTable(plan).columns.at(-1)).toBe('Saving against Today');
		expect(waterfallTable(plan).rows[0]).toEqual(['Today', '$4,250', '—', '—']);
		expect(waterfallCaption(computePlan(scenario({ requestsPerMonth: 0 })).rows)).toBe('Nothing to save: today costs $0.00 a month.');
	});

	it('handles a free baseline', () => {
		expect(waterfallCaption(computeStack(scenario({ requestsPerMonth: 0 })))).toBe('Nothing to save: the baseline costs $0.00 a month.');
	});
});

it('does not mutate its inputs', () => {
	const s = hitRatioSeries(opus);
	const p = breakEvenPoints(opus);
	const shared = sharedContextSeries(opus);
	const rows: StackRow[] = computeStack(opus);
	const before = structuredClone({ s, p, shared, rows });
	hitRatioCaption(s, p, 80, '5m');
	hitRatioTable(s, p, 80);
	sharedContextCaption(shared);
	sharedContextTable(shared);
	waterfallCaption(rows);
	waterfallTable(rows);
	waterfallBarText(rows, 2);
	expect({ s, p, shared, rows }).toEqual(before);
});

describe('valueAt', () => {
	it.each([
		[0, 1],
		[5, 2],
		[10, 3],
		[15, 4],
		[-1, 1],
		[99, 5]
	])('x = %s -> %s on a straight line sampled at 0, 10, 20', (x, y) => {
		expect(valueAt([0, 10, 20], [1, 3, 5], x)).toBeCloseTo(y, 12);
	});
});
