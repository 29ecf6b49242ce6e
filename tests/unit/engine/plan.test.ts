// computePlan: the savings table from Today to Planned (docs/pricing-model.md §6), on every
// worked example of §11 (the request workloads, and the conversations of §11.9 to §11.11),
// with version-1 inputs (§9) and version-2 inputs. Every expected figure is typed from the
// spec or is hand arithmetic written out beside it.
import { describe, expect, it } from 'vitest';
import { TODAY, computePlan, effectiveSettings, type Plan } from '$lib/engine';
import { DEFAULT_SCENARIO, defaultScenario, neutralConversation } from '$lib/scenario/defaults';
import {
	PLAN_LEVERS,
	type ConversationPlan,
	type ConversationSettings,
	type ConversationWorkload,
	type PlanLever,
	type RequestPlan,
	type RequestSettings,
	type RequestWorkload,
	type Scenario,
	type ScenarioV2
} from '$lib/scenario/types';

const ROW_NAMES = ['Today', 'Model routing', 'Prompt caching', 'Batch API', 'Fast mode', 'Token optimization'];

/** A version-1 scenario (the default one with some fields changed). */
const v1 = (patch: Partial<Scenario>): Scenario => ({ ...defaultScenario(), ...patch });

interface Shape {
	requestsPerMonth: number;
	inputTokens: number;
	cachedPrefixTokens: number;
	outputTokens: number;
	webSearchesPerRequest?: number;
	tokensCountedOn: 'legacy' | '2026';
}

/** A request workload: Today as given, Planned = Today (a copy) with the patch and no trims unless given. */
function workload(name: string, shape: Shape, today: Partial<RequestSettings> & Pick<RequestSettings, 'mixPercent'>, planned: Partial<RequestPlan> = {}): RequestWorkload {
	const t: RequestSettings = { caching: null, batchPercent: 0, fastMode: false, ...today };
	return {
		name,
		kind: 'requests',
		webSearchesPerRequest: 0,
		...shape,
		traffic: null,
		today: t,
		planned: { ...structuredClone(t), inputTrimPercent: 0, outputTrimPercent: 0, ...planned }
	};
}

function scenario(priceSheet: string, workloads: (RequestWorkload | ConversationWorkload)[], patch: Partial<ScenarioV2> = {}): ScenarioV2 {
	return {
		version: 2,
		name: '',
		notes: '',
		priceSheet,
		prices: {},
		customModels: [],
		usOnlyInference: false,
		adjustForTokenizer: true,
		leverOrder: [...PLAN_LEVERS],
		workloads,
		...patch
	};
}

const costs = (plan: Plan) => plan.rows.map((r) => r.monthlyCost);

/** Each row's cost to 1e-9 (dollars). */
function expectCosts(plan: Plan, expected: number[]): void {
	expect(plan.rows).toHaveLength(expected.length);
	plan.rows.forEach((row, i) => expect(row.monthlyCost, row.lever).toBeCloseTo(expected[i]!, 9));
}

// §11.5: 300,000 requests of 13,500 input (12,000 prefix) and 800 output tokens, on Sonnet 4.6
// today without caching; planned 5-minute caching at 90 % hits and 40 % batch.
const triageShape: Shape = { requestsPerMonth: 300_000, inputTokens: 13_500, cachedPrefixTokens: 12_000, outputTokens: 800, tokensCountedOn: 'legacy' };
const triage = (planned: Partial<RequestPlan> = { caching: { ttl: '5m', hitPercent: 90 }, batchPercent: 40 }) =>
	workload('Support triage', triageShape, { mixPercent: { 'sonnet-4-6': 100 } }, planned);

// Opus 5.5 ($4 in, $20 out, fast mode 2x): 1,000 requests of 10,000 input and 1,000 output tokens:
// 10,000 x 4 + 1,000 x 20 = 60,000 -> $0.06 a request, $60 a month.
const opusShape: Shape = { requestsPerMonth: 1000, inputTokens: 10_000, cachedPrefixTokens: 0, outputTokens: 1000, tokensCountedOn: '2026' };

describe('computePlan: the rows', () => {
	it('names the rows exactly, Today first, then the levers in the default order', () => {
		const plan = computePlan(scenario('anthropic-2026-11', [triage()]));
		expect(plan.rows.map((r) => r.lever)).toEqual(ROW_NAMES);
		expect(plan.rows.map((r) => r.key)).toEqual([null, 'routing', 'caching', 'batch', 'fast', 'trimming']);
	});

	it('follows the scenario’s lever order', () => {
		const order: PlanLever[] = ['fast', 'trimming', 'batch', 'caching', 'routing'];
		const plan = computePlan(scenario('anthropic-2026-11', [triage()], { leverOrder: order }));
		expect(plan.rows.map((r) => r.lever)).toEqual(['Today', 'Fast mode', 'Token optimization', 'Batch API', 'Prompt caching', 'Model routing']);
		expect(plan.rows.map((r) => r.key)).toEqual([null, ...order]);
	});

	it('uses the default order when the order is not each of the five levers once', () => {
		const plan = computePlan(scenario('anthropic-2026-11', [triage()], { leverOrder: ['batch', 'batch'] as PlanLever[] }));
		expect(plan.rows.map((r) => r.lever)).toEqual(ROW_NAMES);
	});

	it('does not mutate the scenario', () => {
		const s = scenario('anthropic-2026-11', [triage(), workload('Opus', opusShape, { mixPercent: { 'opus-5-5': 100 } }, { fastMode: true })]);
		const copy = structuredClone(s);
		computePlan(s);
		expect(s).toStrictEqual(copy);
	});
});

describe('computePlan with version-1 inputs (§9: Baseline is Today, the fast-mode row saves nothing)', () => {
	it('the default version-1 scenario: 4,250 / 1,445 / 875.50 / 656.625 / 656.625 / 559.0875', () => {
		// Hand arithmetic in tests/unit/engine/engine.test.ts ("reproduces the default scenario by hand").
		const plan = computePlan(DEFAULT_SCENARIO);
		expect(plan.rows.map((r) => r.lever)).toEqual(ROW_NAMES);
		expectCosts(plan, [4250, 1445, 875.5, 656.625, 656.625, 559.0875]);
		expect(plan.rows.map((r) => r.stepSaving)).toEqual([0, expect.closeTo(2805, 9), expect.closeTo(569.5, 9), expect.closeTo(218.875, 9), 0, expect.closeTo(97.5375, 9)]);
		expect(plan.rows[4]!.stepSaving).toBe(0);
		expect(plan.rows[4]!.stepSavingPercent).toBe(0);
		// 2,805 / 4,250 = 66 %; 218.875 / 875.50 = 25 %; 3,690.9125 / 4,250 = 86.845 %.
		expect(plan.rows[1]!.stepSavingPercent).toBeCloseTo(66, 9);
		expect(plan.rows[3]!.stepSavingPercent).toBeCloseTo(25, 9);
		expect(plan.rows[5]!.cumulativeSaving).toBeCloseTo(3690.9125, 9);
		expect(plan.rows[5]!.cumulativeSavingPercent).toBeCloseTo(86.845, 9);
		expect(plan.today).toBeCloseTo(4250, 9);
		expect(plan.planned).toBeCloseTo(559.0875, 9);
	});

	// §11.1: 1,000 tickets on Sonnet 4.6 (guide sheet, $3 in, $15 out), 2,000 in and 500 out.
	const tickets = v1({
		priceSheet: 'guide-2026-03',
		requestsPerMonth: 1000,
		inputTokens: 2000,
		cachedPrefixTokens: 0,
		outputTokens: 500,
		baselineModel: 'sonnet-4-6',
		mixPercent: { 'sonnet-4-6': 100 },
		batchPercent: 100
	});

	it('§11.1 support tickets: $13.50 standard, $6.75 through the Batch API', () => {
		// 1,000 x (2,000 x 3 + 500 x 15) / 1e6 = 13.50; x 0.5 = 6.75.
		// Then the default trims (10 % in, 20 % out): 1,000 x (1,800 x 3 + 400 x 15) / 1e6 x 0.5 = 5.70.
		const plan = computePlan(tickets);
		expectCosts(plan, [13.5, 13.5, 13.5, 6.75, 6.75, 5.7]);
		expect(plan.rows[3]!.cumulativeSavingPercent).toBeCloseTo(50, 9);
	});

	it('§11.2 shared document context: $1.50 without caching, $0.3225 with it, 78.5 % saved', () => {
		// 10 requests of a 10,000-token prefix on Opus 4.6 ($15 in, $18.75 5-minute write, $1.50 read), 90 % hits:
		// 10 x 10,000 x 15 / 1e6 = 1.50; 10 x 10,000 x (0.1 x 18.75 + 0.9 x 1.50) / 1e6 = 0.3225.
		const plan = computePlan(
			v1({
				priceSheet: 'guide-2026-03',
				requestsPerMonth: 10,
				inputTokens: 10_000,
				cachedPrefixTokens: 10_000,
				outputTokens: 0,
				mixPercent: { 'opus-4-6': 100 },
				cacheHitPercent: 90,
				cacheTtl: '5m',
				batchPercent: 0,
				inputTrimPercent: 0,
				outputTrimPercent: 0
			})
		);
		expectCosts(plan, [1.5, 1.5, 0.3225, 0.3225, 0.3225, 0.3225]);
		expect(plan.rows[2]!.cumulativeSavingPercent).toBeCloseTo(78.5, 9);
	});

	it.each([
		['5m', 0, 18.75],
		['1h', 0, 30],
		['5m', 100, 1.5]
	] as const)('§11.3 Opus 4.6 on the guide sheet: one MTok of prefix, TTL %s, hit ratio %s, costs $%s', (ttl, hit, dollars) => {
		// $15 x 1.25 = $18.75 (5-minute write), $15 x 2 = $30 (1-hour write), $15 x 0.1 = $1.50 (read).
		const plan = computePlan(
			v1({
				priceSheet: 'guide-2026-03',
				requestsPerMonth: 1,
				inputTokens: 1_000_000,
				cachedPrefixTokens: 1_000_000,
				outputTokens: 0,
				mixPercent: { 'opus-4-6': 100 },
				cacheHitPercent: hit,
				cacheTtl: ttl,
				batchPercent: 0,
				inputTrimPercent: 0,
				outputTrimPercent: 0
			})
		);
		expect(plan.rows[0]!.monthlyCost).toBeCloseTo(15, 9);
		expect(plan.rows[2]!.lever).toBe('Prompt caching');
		expect(plan.rows[2]!.monthlyCost).toBeCloseTo(dollars, 9);
	});

	it.each([
		['opus-4-6', 2.5, 12.5],
		['sonnet-4-6', 1.5, 7.5],
		['haiku-4-5', 0.5, 2.5]
	])('§11.4 batch rates of %s on anthropic-2026-03: $%s in, $%s out per MTok', (id, input, output) => {
		const perMTok = (inputTokens: number, outputTokens: number) =>
			computePlan(
				v1({ requestsPerMonth: 1, inputTokens, cachedPrefixTokens: 0, outputTokens, baselineModel: id, mixPercent: { [id]: 100 }, batchPercent: 100, inputTrimPercent: 0, outputTrimPercent: 0 })
			).rows[3]!;
		expect(perMTok(1_000_000, 0).lever).toBe('Batch API');
		expect(perMTok(1_000_000, 0).monthlyCost).toBeCloseTo(input, 9);
		expect(perMTok(0, 1_000_000).monthlyCost).toBeCloseTo(output, 9);
	});
});

describe('computePlan with version-2 inputs', () => {
	it('§11.1 as a version-2 scenario: $13.50 Today, $6.75 with every request batched', () => {
		const plan = computePlan(
			scenario('guide-2026-03', [
				workload('Tickets', { requestsPerMonth: 1000, inputTokens: 2000, cachedPrefixTokens: 0, outputTokens: 500, tokensCountedOn: 'legacy' }, { mixPercent: { 'sonnet-4-6': 100 } }, { batchPercent: 100 })
			])
		);
		expectCosts(plan, [13.5, 13.5, 13.5, 6.75, 6.75, 6.75]);
	});

	it('§11.2 as a version-2 scenario: $1.50 -> $0.3225 (78.5 %)', () => {
		const plan = computePlan(
			scenario('guide-2026-03', [
				workload('Documents', { requestsPerMonth: 10, inputTokens: 10_000, cachedPrefixTokens: 10_000, outputTokens: 0, tokensCountedOn: 'legacy' }, { mixPercent: { 'opus-4-6': 100 } }, { caching: { ttl: '5m', hitPercent: 90 } })
			])
		);
		expectCosts(plan, [1.5, 1.5, 0.3225, 0.3225, 0.3225, 0.3225]);
		expect(plan.rows.at(-1)!.cumulativeSavingPercent).toBeCloseTo(78.5, 9);
	});

	it('§11.5 support triage: $15,750.00 -> $7,272.00 -> $5,817.60', () => {
		const plan = computePlan(scenario('anthropic-2026-11', [triage()]));
		expectCosts(plan, [15_750, 15_750, 7272, 5817.6, 5817.6, 5817.6]);
		// Routing, fast mode and trimming are the same Today and Planned: exactly nothing saved.
		for (const i of [1, 4, 5]) {
			expect(plan.rows[i]!.stepSaving, plan.rows[i]!.lever).toBe(0);
			expect(plan.rows[i]!.stepSavingPercent, plan.rows[i]!.lever).toBe(0);
		}
		// Caching saves 8,478 / 15,750 = 53.83 %; against Today the batch row saves 9,932.40 / 15,750 = 63.06 %.
		expect(plan.rows[2]!.stepSaving).toBeCloseTo(8478, 9);
		expect(plan.rows[2]!.stepSavingPercent).toBeCloseTo((8478 / 15_750) * 100, 9);
		expect(plan.rows[2]!.stepSavingPercent.toFixed(2)).toBe('53.83');
		expect(plan.rows[3]!.stepSaving).toBeCloseTo(1454.4, 9);
		expect(plan.rows[3]!.stepSavingPercent).toBeCloseTo(20, 9);
		expect(plan.rows[3]!.cumulativeSaving).toBeCloseTo(9932.4, 9);
		expect(plan.rows[3]!.cumulativeSavingPercent.toFixed(2)).toBe('63.06');
		expect(plan.today).toBeCloseTo(15_750, 9);
		expect(plan.planned).toBeCloseTo(5817.6, 9);
	});

	it('§6: the lever order changes the attribution, not the total (batch before caching)', () => {
		// Batch first: 15,750 x 0.8 = 12,600 (saves 3,150); then caching: 12,600 -> 5,817.60 (saves 6,782.40).
		const order: PlanLever[] = ['batch', 'caching', 'routing', 'fast', 'trimming'];
		const batchFirst = computePlan(scenario('anthropic-2026-11', [triage()], { leverOrder: order }));
		expect(batchFirst.rows.map((r) => r.lever)).toEqual(['Today', 'Batch API', 'Prompt caching', 'Model routing', 'Fast mode', 'Token optimization']);
		expectCosts(batchFirst, [15_750, 12_600, 5817.6, 5817.6, 5817.6, 5817.6]);
		expect(batchFirst.rows[1]!.stepSaving).toBeCloseTo(3150, 9);
		expect(batchFirst.rows[2]!.stepSaving).toBeCloseTo(6782.4, 9);
		// The default order credits caching with 8,478 and batch with 1,454.40.
		const cachingFirst = computePlan(scenario('anthropic-2026-11', [triage()]));
		expect(cachingFirst.rows.find((r) => r.key === 'caching')!.stepSaving).toBeCloseTo(8478, 9);
		expect(cachingFirst.rows.find((r) => r.key === 'batch')!.stepSaving).toBeCloseTo(1454.4, 9);
		// The last row is Planned either way, to the last bit.
		expect(batchFirst.rows.at(-1)!.monthlyCost).toBe(cachingFirst.rows.at(-1)!.monthlyCost);
		expect(batchFirst.planned).toBe(cachingFirst.planned);
	});

	it.each([
		// 300,000 x (17,550 x 2 + 1,040 x 10) / 1e6 = 13,650 (13,500 and 800 tokens x 1.3 on the 2026 tokenizer).
		[true, 13_650, 2100],
		// 300,000 x (13,500 x 2 + 800 x 10) / 1e6 = 10,500.
		[false, 10_500, 5250]
	])('§11.6 routing Sonnet 4.6 -> Sonnet 5.5, tokenizer adjustment %s: $%s', (adjust, dollars, saved) => {
		const plan = computePlan(scenario('anthropic-2026-11', [triage({ mixPercent: { 'sonnet-5-5': 100 } })], { adjustForTokenizer: adjust }));
		expectCosts(plan, [15_750, dollars, dollars, dollars, dollars, dollars]);
		expect(plan.rows[1]!.stepSaving).toBeCloseTo(saved, 9);
		expect(plan.rows[1]!.stepSavingPercent).toBeCloseTo((saved / 15_750) * 100, 9);
	});

	it('§7: the first workload of the example, routed to Sonnet 5.5 / Haiku 5.5 with 1-hour caching, batch and trims', () => {
		// Planned: 70 % Sonnet 5.5 ($2 in, $4 1-hour write, $0.10 read, $10 out), 30 % Haiku 5.5 ($0.10, $0.20,
		// $0.01, $0.50); both on the 2026 tokenizer, so k = 1.3: I = 17,550, P = 15,600, O = 1,040.
		// Routing:  Sonnet 17,550 x 2 + 1,040 x 10 = 45,500 -> 0.0455 x 210,000 = 9,555
		//           Haiku  1,755 + 520 = 2,275 -> 0.002275 x 90,000 = 204.75                      = 9,759.75
		// Caching (90 % of P read, 10 % written; the prefix part costs 0.9 x read + 0.1 x write):
		//           Sonnet 1,950 x 2 + 15,600 x 0.49 + 10,400 = 21,944 -> x 210,000 / 1e6 = 4,608.24
		//           Haiku  195 + 15,600 x 0.029 + 520 = 1,167.4 -> x 90,000 / 1e6 = 105.066          = 4,713.306
		// Batch 40 %: x 0.8                                                                          = 3,770.6448
		// Fast mode: off in both, saves nothing                                                      = 3,770.6448
		// Trims 10 % in, 20 % out: I = 15,795, P = 14,040, O = 832:
		//           Sonnet (3,510 + 6,879.6 + 8,320) x 0.8 = 14,967.68 -> x 210,000 / 1e6 = 3,143.2128
		//           Haiku  (175.5 + 407.16 + 416) x 0.8 = 798.928 -> x 90,000 / 1e6 = 71.90352         = 3,215.11632
		const s = scenario('anthropic-2026-11', [
			triage({ mixPercent: { 'sonnet-5-5': 70, 'haiku-5-5': 30 }, caching: { ttl: '1h', hitPercent: 90 }, batchPercent: 40, inputTrimPercent: 10, outputTrimPercent: 20 })
		]);
		const plan = computePlan(s);
		expectCosts(plan, [15_750, 9759.75, 4713.306, 3770.6448, 3770.6448, 3215.11632]);
		expect(plan.rows.map((r) => r.stepSaving)).toEqual([
			0,
			expect.closeTo(5990.25, 9),
			expect.closeTo(5046.444, 9),
			expect.closeTo(942.6612, 9),
			0,
			expect.closeTo(555.52848, 9)
		]);
		expect(plan.rows[5]!.cumulativeSaving).toBeCloseTo(12_534.88368, 9);
		expect(plan.rows[5]!.cumulativeSavingPercent).toBeCloseTo((12_534.88368 / 15_750) * 100, 9);

		// Per model: Sonnet 4.6 only Today, the new models only Planned.
		expect(plan.models.map((m) => [m.model.id, m.today, m.planned])).toEqual([
			['sonnet-4-6', expect.closeTo(15_750, 9), 0],
			['sonnet-5-5', 0, expect.closeTo(3143.2128, 9)],
			['haiku-5-5', 0, expect.closeTo(71.90352, 9)]
		]);
		const planned = plan.workloads[0]!.planned.models;
		expect(planned.map((m) => [m.model.id, m.sharePercent, m.requests, m.hitRatio])).toEqual([
			['sonnet-5-5', 70, 210_000, 0.9],
			['haiku-5-5', 30, 90_000, 0.9]
		]);
	});

	it('§7: any order of the five levers ends on the same Planned cost, while the attribution moves', () => {
		const base = triage({ mixPercent: { 'sonnet-5-5': 70, 'haiku-5-5': 30 }, caching: { ttl: '1h', hitPercent: 90 }, batchPercent: 40, inputTrimPercent: 10, outputTrimPercent: 20 });
		const reference = computePlan(scenario('anthropic-2026-11', [base]));
		const reversed = computePlan(scenario('anthropic-2026-11', [base], { leverOrder: ['trimming', 'fast', 'batch', 'caching', 'routing'] }));
		// Reversed, still on Sonnet 4.6 (legacy tokens, k = 1; $3 in, $6 1-hour write, $0.30 read, $15 out):
		// trims: I = 12,150, O = 640: 300,000 x (12,150 x 3 + 640 x 15) / 1e6 = 13,815; fast mode: no change;
		// batch: x 0.8 = 11,052; caching, P = 10,800: (1,350 x 3 + 10,800 x (0.9 x 0.3 + 0.1 x 6) + 9,600) x 0.8
		// = 23,046 x 0.8 = 18,436.8 -> 5,531.04; routing last: 5,531.04 -> 3,215.11632, saving 2,315.92368
		// (5,990.25 when it comes first).
		expect(reversed.rows.map((r) => r.lever)).toEqual(['Today', 'Token optimization', 'Fast mode', 'Batch API', 'Prompt caching', 'Model routing']);
		expectCosts(reversed, [15_750, 13_815, 13_815, 11_052, 5531.04, 3215.11632]);
		expect(reversed.rows[5]!.stepSaving).toBeCloseTo(2315.92368, 9);
		expect(reference.rows[1]!.stepSaving).toBeCloseTo(5990.25, 9);
		// The last row is Planned in both orders, to the last bit.
		expect(reversed.rows.at(-1)!.monthlyCost).toBe(reference.rows.at(-1)!.monthlyCost);
	});

	it('§11.7 Haiku 5.5 across its band: one request, the whole prefix read', () => {
		// 120,000 input > 100,000: band rates ($0.50 in, $0.05 read, $2.50 out) for every token:
		//   Today (no caching) (120,000 x 0.50 + 1,000 x 2.50) / 1e6 = 0.0625; cached (20,000 x 0.50 + 100,000 x 0.05 + 2,500) / 1e6 = 0.0175.
		// 90,000 input: standard rates ($0.10, $0.01, $0.50): Today (9,000 + 500) / 1e6 = 0.0095; cached (1,000 + 800 + 500) / 1e6 = 0.0023.
		const band = (input: number, prefix: number) =>
			computePlan(
				scenario('anthropic-2026-11', [
					workload('Long prompts', { requestsPerMonth: 1, inputTokens: input, cachedPrefixTokens: prefix, outputTokens: 1000, tokensCountedOn: '2026' }, { mixPercent: { 'haiku-5-5': 100 } }, { caching: { ttl: '5m', hitPercent: 100 } })
				])
			);
		expectCosts(band(120_000, 100_000), [0.0625, 0.0625, 0.0175, 0.0175, 0.0175, 0.0175]);
		expectCosts(band(90_000, 80_000), [0.0095, 0.0095, 0.0023, 0.0023, 0.0023, 0.0023]);
	});

	it.each([
		// §11.8, per MTok on Opus 5.5 ($4 in, $20 out, $0.20 read; fast 2x; US-only 1.1x; batch 0.5x).
		['input, fast', { inputTokens: 1_000_000, outputTokens: 0 }, {}, false, 4, 8],
		['output, fast', { inputTokens: 0, outputTokens: 1_000_000 }, {}, false, 20, 40],
		['input, fast and US-only', { inputTokens: 1_000_000, outputTokens: 0 }, {}, true, 4.4, 8.8],
		['output, fast and US-only', { inputTokens: 0, outputTokens: 1_000_000 }, {}, true, 22, 44],
		// Every token a cache read: 0.20 x 1.1 = 0.22 with caching, x 2 = 0.44 in fast mode.
		['a read, fast and US-only', { inputTokens: 1_000_000, cachedPrefixTokens: 1_000_000, outputTokens: 0 }, { caching: { ttl: '5m', hitPercent: 100 } }, true, 4.4, 0.44]
	] as const)('§11.8 Opus 5.5 per MTok of %s', (_name, tokens, planned, usOnly, today, fast) => {
		const plan = computePlan(
			scenario(
				'anthropic-2026-11',
				[workload('Rates', { requestsPerMonth: 1, cachedPrefixTokens: 0, tokensCountedOn: '2026', ...tokens }, { mixPercent: { 'opus-5-5': 100 } }, { ...planned, fastMode: true })],
				{ usOnlyInference: usOnly }
			)
		);
		expect(plan.rows[0]!.monthlyCost).toBeCloseTo(today, 9);
		expect(plan.rows[4]!.lever).toBe('Fast mode');
		expect(plan.rows[4]!.monthlyCost).toBeCloseTo(fast, 9);
	});

	it('§11.8 Opus 5.5 batch rates: $2 in, $10 out per MTok', () => {
		const batched = (inputTokens: number, outputTokens: number) =>
			computePlan(
				scenario('anthropic-2026-11', [
					workload('Rates', { requestsPerMonth: 1, inputTokens, cachedPrefixTokens: 0, outputTokens, tokensCountedOn: '2026' }, { mixPercent: { 'opus-5-5': 100 } }, { batchPercent: 100 })
				])
			).rows[3]!.monthlyCost;
		expect(batched(1_000_000, 0)).toBeCloseTo(2, 9);
		expect(batched(0, 1_000_000)).toBeCloseTo(10, 9);
	});
});

describe('computePlan with conversation workloads (§5)', () => {
	const conversation = (fields: Partial<ConversationWorkload>, planned: Partial<ConversationPlan>): ConversationWorkload => {
		const today: ConversationSettings = { mixPercent: { 'sonnet-4-6': 100 }, caching: null, fastMode: false };
		return {
			name: 'Coding agent',
			kind: 'conversations',
			conversationsPerMonth: 10_000,
			turnsPerConversation: 20,
			systemTokens: 5000,
			inputTokensPerTurn: 800,
			outputTokensPerTurn: 400,
			secondsBetweenTurns: 30,
			webSearchesPerTurn: 0,
			tokensCountedOn: 'legacy',
			traffic: null,
			...fields,
			today,
			planned: { ...structuredClone(today), inputTrimPercent: 0, outputTrimPercent: 0, ...planned }
		};
	};

	it('§11.9 a short conversation on Sonnet 4.6: $0.0225 without caching, $0.012555 with it', () => {
		const plan = computePlan(
			scenario('anthropic-2026-11', [
				conversation(
					{ conversationsPerMonth: 1, turnsPerConversation: 3, systemTokens: 2000, inputTokensPerTurn: 100, outputTokensPerTurn: 50, secondsBetweenTurns: 0 },
					{ caching: { ttl: '5m', systemHitPercent: 0 } }
				)
			])
		);
		expectCosts(plan, [0.0225, 0.0225, 0.012555, 0.012555, 0.012555, 0.012555]);
	});

	it('§11.10 and §11.11 the coding agent: $11,520.00 without caching, $3,063.81 with 5-minute caching at h_s = 90 %', () => {
		// §11.11: 10,000 x (6,225 + 180,120 + e^-10 x (973,275 - 180,120) + 120,000) / 1e6.
		const cached = 0.01 * (306_345 + 793_155 * Math.exp(-10));
		const plan = computePlan(scenario('anthropic-2026-11', [conversation({}, { caching: { ttl: '5m', systemHitPercent: 90 } })]));
		expectCosts(plan, [11_520, 11_520, cached, cached, cached, cached]);
		expect(plan.planned.toFixed(2)).toBe('3063.81');
		expect(plan.rows[2]!.cumulativeSavingPercent.toFixed(2)).toBe('73.40');
		// Turns are what a conversation workload counts as requests.
		expect(plan.workloads[0]!.today.models[0]!.requests).toBe(200_000);
	});
});

describe('computePlan: the fast-mode row (fast mode never runs in batch, §2.2)', () => {
	const opus = (today: Partial<RequestSettings>, planned: Partial<RequestPlan>, mix: Record<string, number> = { 'opus-5-5': 100 }) =>
		computePlan(scenario('anthropic-2026-11', [workload('Agents', opusShape, { mixPercent: mix, ...today }, planned)]));

	it('doubles the requests outside batch on Opus 5.5: 40 % batch, then fast', () => {
		// $60 Today; batch 40 %: 60 x (0.6 + 0.4 x 0.5) = 48; fast: 60 x (0.6 x 2 + 0.4 x 0.5) = 84.
		const plan = opus({}, { batchPercent: 40, fastMode: true });
		expectCosts(plan, [60, 60, 60, 48, 84, 84]);
		// A lever that adds cost shows a negative saving: -36 against 48 is -75 %.
		expect(plan.rows[4]!.stepSaving).toBeCloseTo(-36, 9);
		expect(plan.rows[4]!.stepSavingPercent).toBeCloseTo(-75, 9);
		expect(plan.rows[4]!.cumulativeSavingPercent).toBeCloseTo(-40, 9);
	});

	it('changes nothing when every request is batched', () => {
		// 60 x 0.5 = 30, with or without fast mode.
		const plan = opus({}, { batchPercent: 100, fastMode: true });
		expectCosts(plan, [60, 60, 60, 30, 30, 30]);
		expect(plan.rows[4]!.stepSaving).toBe(0);
	});

	it('changes nothing on a model without fast mode (Sonnet 5.5)', () => {
		// Sonnet 5.5: 10,000 x 2 + 1,000 x 10 = 30,000 -> $30 a month, in fast mode too.
		const plan = opus({}, { fastMode: true }, { 'sonnet-5-5': 100 });
		expectCosts(plan, [30, 30, 30, 30, 30, 30]);
		expect(plan.rows[4]!.stepSaving).toBe(0);
	});

	it('doubles only the models that have fast mode in a mix', () => {
		// 50 % Opus 5.5 (500 x 0.06 = 30) and 50 % Sonnet 5.5 (500 x 0.03 = 15): 45; fast: 60 + 15 = 75.
		const plan = opus({}, { fastMode: true }, { 'opus-5-5': 50, 'sonnet-5-5': 50 });
		expectCosts(plan, [45, 45, 45, 45, 75, 75]);
	});

	it('saves when fast mode is on today and off in the plan', () => {
		// Today 60 x 2 = 120; the fast-mode row goes back to 60, saving 50 %.
		const plan = opus({ fastMode: true }, { fastMode: false });
		expectCosts(plan, [120, 120, 120, 120, 60, 60]);
		expect(plan.rows[4]!.stepSavingPercent).toBeCloseTo(50, 9);
	});

	it('never discounts web searches: $0.01 each, batched or fast', () => {
		// 1,000 requests with 2 searches and no tokens: 1,000 x 2 x $0.01 = $20 on every row.
		const plan = computePlan(
			scenario('anthropic-2026-11', [
				workload('Search', { requestsPerMonth: 1000, inputTokens: 0, cachedPrefixTokens: 0, outputTokens: 0, webSearchesPerRequest: 2, tokensCountedOn: '2026' }, { mixPercent: { 'opus-5-5': 100 } }, { batchPercent: 100, fastMode: true })
			])
		);
		expectCosts(plan, [20, 20, 20, 20, 20, 20]);
		expect(plan.workloads[0]!.planned.webSearches).toBeCloseTo(20, 9);
	});
});

describe('computePlan: levers that change nothing, and rows of $0', () => {
	it('a lever whose setting is the same Today and Planned saves exactly 0, even with the mix listed in another order', () => {
		const today = { 'opus-5-5': 33.3, 'sonnet-5-5': 33.3, 'haiku-5-5': 33.4 };
		const planned = { 'haiku-5-5': 33.4, 'sonnet-5-5': 33.3, 'opus-5-5': 33.3 };
		for (const requestsPerMonth of [1, 99, 12_345, 300_001]) {
			const plan = computePlan(
				scenario('anthropic-2026-11', [
					workload('Same mix', { requestsPerMonth, inputTokens: 4321, cachedPrefixTokens: 1234, outputTokens: 777, tokensCountedOn: '2026' }, { mixPercent: today }, { mixPercent: planned, caching: { ttl: '5m', hitPercent: 80 } })
				])
			);
			expect(plan.rows[1]!.stepSaving, `${requestsPerMonth} requests`).toBe(0);
			expect(plan.rows[1]!.stepSavingPercent).toBe(0);
			expect(plan.rows[1]!.monthlyCost).toBe(plan.rows[0]!.monthlyCost);
		}
	});

	it('a plan equal to Today saves exactly 0 on every row', () => {
		const plan = computePlan(scenario('anthropic-2026-11', [triage({}), workload('Agents', opusShape, { mixPercent: { 'opus-5-5': 100 }, batchPercent: 30, fastMode: true, caching: { ttl: '1h', hitPercent: 60 } })]));
		for (const row of plan.rows) {
			expect(row.stepSaving, row.lever).toBe(0);
			expect(row.cumulativeSaving, row.lever).toBe(0);
			expect(row.stepSavingPercent, row.lever).toBe(0);
			expect(row.cumulativeSavingPercent, row.lever).toBe(0);
		}
	});

	it('shows every percentage as 0 when there is nothing to save from ($0 every row)', () => {
		// No requests: every workload costs $0 Today and Planned.
		const idle = [triage({ caching: { ttl: '5m', hitPercent: 90 }, batchPercent: 50 }), workload('Agents', opusShape, { mixPercent: { 'opus-5-5': 100 } }, { fastMode: true })];
		const plan = computePlan(scenario('anthropic-2026-11', idle.map((w) => ({ ...w, requestsPerMonth: 0 }))));
		for (const row of plan.rows) {
			expect(row.monthlyCost).toBe(0);
			expect(row.stepSavingPercent).toBe(0);
			expect(row.cumulativeSavingPercent).toBe(0);
		}
	});

	it('rows after a $0 row show 0 % against it; Today stays the reference for the total', () => {
		// Trimming first, 100 % in and out: no tokens left, $0 (100 % saved); every later row is $0 too.
		const plan = computePlan(
			scenario('anthropic-2026-11', [triage({ caching: { ttl: '5m', hitPercent: 90 }, batchPercent: 40, inputTrimPercent: 100, outputTrimPercent: 100 })], {
				leverOrder: ['trimming', 'routing', 'caching', 'batch', 'fast']
			})
		);
		expectCosts(plan, [15_750, 0, 0, 0, 0, 0]);
		expect(plan.rows[1]!.stepSavingPercent).toBeCloseTo(100, 9);
		for (const row of plan.rows.slice(2)) {
			expect(row.stepSaving, row.lever).toBe(0);
			expect(row.stepSavingPercent, row.lever).toBe(0);
			expect(row.cumulativeSavingPercent, row.lever).toBeCloseTo(100, 9);
		}
	});

	it('a Today of $0 gives 0 % against it, with the dollars still negative', () => {
		// Sonnet 4.6 priced at $0 (its cache rates follow the input rate to $0); Planned on Haiku 5.5 without
		// tokenizer scaling: 1,000 x (1,000 x 0.10 + 100 x 0.50) / 1e6 = $0.15.
		const plan = computePlan(
			scenario(
				'anthropic-2026-11',
				[workload('Free today', { requestsPerMonth: 1000, inputTokens: 1000, cachedPrefixTokens: 0, outputTokens: 100, tokensCountedOn: 'legacy' }, { mixPercent: { 'sonnet-4-6': 100 } }, { mixPercent: { 'haiku-5-5': 100 } })],
				{ prices: { 'sonnet-4-6': { inputPerMTok: 0, outputPerMTok: 0 } }, adjustForTokenizer: false }
			)
		);
		expectCosts(plan, [0, 0.15, 0.15, 0.15, 0.15, 0.15]);
		expect(plan.rows[1]!.stepSaving).toBeCloseTo(-0.15, 9);
		expect(plan.rows[1]!.stepSavingPercent).toBe(0);
		expect(plan.rows[1]!.cumulativeSavingPercent).toBe(0);
		expect(plan.workloads[0]!.savingPercent).toBe(0);
		expect(plan.workloads[0]!.saving).toBeCloseTo(-0.15, 9);
	});
});

describe('computePlan: per-workload and per-model breakdowns', () => {
	// Workload 1: §11.5 ($15,750 -> $5,817.60). Workload 2: Opus 5.5 with 40 % batch and fast mode ($60 -> $84).
	const s = scenario('anthropic-2026-11', [triage(), workload('Batch and fast', opusShape, { mixPercent: { 'opus-5-5': 100 } }, { batchPercent: 40, fastMode: true })]);
	const plan = computePlan(s);

	it('sums the workloads row by row', () => {
		// 15,750 + 60; 7,272 + 60; 5,817.60 + 48; 5,817.60 + 84.
		expectCosts(plan, [15_810, 15_810, 7332, 5865.6, 5901.6, 5901.6]);
		expect(plan.today).toBeCloseTo(15_810, 9);
		expect(plan.planned).toBeCloseTo(5901.6, 9);
	});

	it('gives each workload its Today, Planned and saving', () => {
		expect(plan.workloads.map((w) => [w.index, w.name, w.today.total, w.planned.total, w.saving, w.savingPercent])).toEqual([
			[0, 'Support triage', expect.closeTo(15_750, 9), expect.closeTo(5817.6, 9), expect.closeTo(9932.4, 9), expect.closeTo((9932.4 / 15_750) * 100, 9)],
			// 60 -> 84: -24, -40 %.
			[1, 'Batch and fast', expect.closeTo(60, 9), expect.closeTo(84, 9), expect.closeTo(-24, 9), expect.closeTo(-40, 9)]
		]);
	});

	it('splits a workload’s Planned month by kind of token (§11.5 Planned)', () => {
		// x 0.8 for the batch share: plain 1,500 x 3 -> 300,000 x 0.0045 x 0.8 = 1,080; writes 12,000 x 0.1 x 3.75
		// -> 1,080; reads 12,000 x 0.9 x 0.30 -> 300,000 x 0.00324 x 0.8 = 777.60; output 800 x 15 -> 2,880.
		const month = plan.workloads[0]!.planned;
		expect(month.plainInput).toBeCloseTo(1080, 9);
		expect(month.cacheWrites).toBeCloseTo(1080, 9);
		expect(month.cacheReads).toBeCloseTo(777.6, 9);
		expect(month.output).toBeCloseTo(2880, 9);
		expect(month.webSearches).toBe(0);
		expect(month.total).toBeCloseTo(5817.6, 9);
		expect(month.models.map((m) => [m.model.id, m.sharePercent, m.requests, m.hitRatio])).toEqual([['sonnet-4-6', 100, 300_000, 0.9]]);
		expect(plan.workloads[0]!.today.models.map((m) => [m.model.id, m.hitRatio])).toEqual([['sonnet-4-6', 0]]);
	});

	it('gives each model its Today and Planned across the workloads, in order of first appearance', () => {
		expect(plan.models.map((m) => [m.model.id, m.today, m.planned])).toEqual([
			['sonnet-4-6', expect.closeTo(15_750, 9), expect.closeTo(5817.6, 9)],
			['opus-5-5', expect.closeTo(60, 9), expect.closeTo(84, 9)]
		]);
	});

	it('adds up: workloads and models to the totals, models to their workload', () => {
		const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
		expect(sum(plan.workloads.map((w) => w.today.total))).toBeCloseTo(plan.today, 9);
		expect(sum(plan.workloads.map((w) => w.planned.total))).toBeCloseTo(plan.planned, 9);
		expect(sum(plan.models.map((m) => m.today))).toBeCloseTo(plan.today, 9);
		expect(sum(plan.models.map((m) => m.planned))).toBeCloseTo(plan.planned, 9);
		for (const w of plan.workloads) {
			for (const month of [w.today, w.planned]) {
				expect(sum(month.models.map((m) => m.total))).toBeCloseTo(month.total, 9);
				expect(month.plainInput + month.cacheWrites + month.cacheReads + month.output + month.webSearches).toBeCloseTo(month.total, 9);
			}
		}
		expect(plan.rows[0]!.monthlyCost).toBe(plan.today);
		expect(plan.rows.at(-1)!.monthlyCost).toBe(plan.planned);
	});

	it("gives each workload its own rows: its waterfall, the same as computePlan of it alone", () => {
		// Support triage: §11.5, 15,750 -> 7,272 (caching) -> 5,817.60 (batch). Batch and fast: 60 -> 48 (batch) -> 84 (fast).
		expect(plan.workloads[0]!.rows.map((r) => r.monthlyCost)).toEqual([15_750, 15_750, 7272, 5817.6, 5817.6, 5817.6].map((c) => expect.closeTo(c, 9)));
		expect(plan.workloads[1]!.rows.map((r) => r.monthlyCost)).toEqual([60, 60, 60, 48, 84, 84].map((c) => expect.closeTo(c, 9)));
		// 48 -> 84: fast mode adds $36, 75 % of the $48 before it.
		expect(plan.workloads[1]!.rows[4]).toMatchObject({ lever: 'Fast mode', stepSaving: expect.closeTo(-36, 9), stepSavingPercent: expect.closeTo(-75, 9) });
		for (const [i, w] of s.workloads.entries()) expect(plan.workloads[i]!.rows).toEqual(computePlan({ ...s, workloads: [w] }).rows);
		const reordered = computePlan({ ...s, leverOrder: ['trimming', 'fast', 'batch', 'caching', 'routing'] });
		for (const [i, w] of s.workloads.entries()) {
			expect(reordered.workloads[i]!.rows).toEqual(computePlan({ ...s, leverOrder: ['trimming', 'fast', 'batch', 'caching', 'routing'], workloads: [w] }).rows);
		}
	});

	it('is the same whichever workload comes first', () => {
		const swapped = computePlan({ ...s, workloads: [s.workloads[1]!, s.workloads[0]!] });
		expectCosts(swapped, costs(plan));
		expect(swapped.models.map((m) => m.model.id)).toEqual(['opus-5-5', 'sonnet-4-6']);
	});
});

describe('computePlan: edges the mutation report found untested', () => {
	// Sonnet 4.6 ($3 in, $15 out), Haiku 4.5 ($1, $5), Opus 4.6 ($5, $25), all legacy tokenizer:
	// 1,000 requests of 10,000 input and 1,000 output tokens cost $45, $15 and $75 on each alone.
	const shape: Shape = { requestsPerMonth: 1000, inputTokens: 10_000, cachedPrefixTokens: 0, outputTokens: 1000, tokensCountedOn: 'legacy' };
	const routed = (today: Record<string, number>, planned: Record<string, number>) =>
		computePlan(scenario('anthropic-2026-11', [workload('Routed', shape, { mixPercent: today }, { mixPercent: planned })]));

	it('routing to the same models in other shares: 50/50 -> 20/80 costs $30 -> $21', () => {
		// 0.5 x 45 + 0.5 x 15 = 30; 0.2 x 45 + 0.8 x 15 = 21.
		expectCosts(routed({ 'sonnet-4-6': 50, 'haiku-4-5': 50 }, { 'sonnet-4-6': 20, 'haiku-4-5': 80 }), [30, 21, 21, 21, 21, 21]);
	});

	it('routing that keeps one model and replaces the other: $30 -> $60', () => {
		// 0.5 x 45 + 0.5 x 75 = 60.
		expectCosts(routed({ 'sonnet-4-6': 50, 'haiku-4-5': 50 }, { 'sonnet-4-6': 50, 'opus-4-6': 50 }), [30, 60, 60, 60, 60, 60]);
	});

	it('the same shares listed in another order, or with an extra 0 % model, route nothing', () => {
		const plan = routed({ 'sonnet-4-6': 50, 'haiku-4-5': 50 }, { 'haiku-4-5': 50, 'sonnet-4-6': 50 });
		expectCosts(plan, [30, 30, 30, 30, 30, 30]);
		expect(plan.rows[1]!.stepSaving).toBe(0);
		const zero = routed({ 'sonnet-4-6': 100 }, { 'sonnet-4-6': 100, 'haiku-4-5': 0 });
		expect(zero.rows[1]!.stepSaving).toBe(0);
	});

	it('a model at 0 % is not in the breakdown', () => {
		const plan = routed({ 'sonnet-4-6': 100, 'haiku-4-5': 0 }, { 'sonnet-4-6': 0, 'haiku-4-5': 100 });
		expect(plan.workloads[0]!.today.models.map((m) => m.model.id)).toEqual(['sonnet-4-6']);
		expect(plan.workloads[0]!.planned.models.map((m) => m.model.id)).toEqual(['haiku-4-5']);
		expect(plan.models.map((m) => [m.model.id, m.today, m.planned])).toEqual([
			['sonnet-4-6', expect.closeTo(45, 9), 0],
			['haiku-4-5', 0, expect.closeTo(15, 9)]
		]);
	});

	it('computes a month once when no lever changes it: a neutral workload’s Planned is its Today', () => {
		const plan = routed({ 'sonnet-4-6': 100 }, { 'sonnet-4-6': 100 });
		expect(plan.workloads[0]!.planned).toBe(plan.workloads[0]!.today);
		// A workload the levers do change gets a month of its own.
		const moved = routed({ 'sonnet-4-6': 100 }, { 'haiku-4-5': 100 });
		expect(moved.workloads[0]!.planned).not.toBe(moved.workloads[0]!.today);
	});

	it.each([
		['a repeated lever (five entries)', ['routing', 'routing', 'batch', 'fast', 'trimming']],
		['all five and one more', ['routing', 'caching', 'batch', 'fast', 'trimming', 'batch']],
		['no order at all', undefined]
	])('uses the default order for %s', (_name, leverOrder) => {
		const plan = computePlan(scenario('anthropic-2026-11', [triage()], { leverOrder: leverOrder as PlanLever[] }));
		expect(plan.rows.map((r) => r.lever)).toEqual(ROW_NAMES);
	});
});

describe('effectiveSettings and TODAY', () => {
	it('TODAY applies no lever', () => {
		expect(TODAY).toStrictEqual({ routing: false, caching: false, batch: false, fast: false, trimming: false });
	});

	it('a conversation never batches; a request workload takes Planned’s batch share with the batch lever', () => {
		const c = neutralConversation('Chat', 'sonnet-4-6');
		expect(effectiveSettings(c, { ...TODAY, batch: true }).batchPercent).toBe(0);
		const r = workload('R', opusShape, { mixPercent: { 'opus-5-5': 100 }, batchPercent: 10 }, { batchPercent: 60 });
		expect(effectiveSettings(r, TODAY).batchPercent).toBe(10);
		expect(effectiveSettings(r, { ...TODAY, batch: true }).batchPercent).toBe(60);
	});
});
