// Invariants of the cost model over thousands of generated scenarios (both shipped sheets,
// random mixes, edge-biased token counts, optional price overrides).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ALL_LEVERS,
	LEVERS,
	NO_LEVERS,
	breakEvenPoints,
	modelBreakEven,
	cachesAnything,
	computeStack,
	hitRatioSeries,
	monthlyCost,
	requestRates,
	requestShape,
	scenarioSheet,
	sharedContextSeries,
	type Lever,
	type LeverSet
} from '$lib/engine';
import { getModel } from '$lib/pricing/sheets';
import { LIMITS, parseScenario, type Scenario } from '$lib/scenario/schema';
import { mixArb, percentArb, scenarioArb } from './scenarioArbitrary';

const RUNS = 2000;

/** a and b agree to 1e-9 relative (absolute below $1). */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** b is no more than a, up to float noise. */
const atMost = (b: number, a: number) => b <= a + 1e-9 * Math.max(1, Math.abs(a));

function permutations<T>(items: readonly T[]): T[][] {
	if (items.length <= 1) return [[...items]];
	return items.flatMap((item, i) =>
		permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest])
	);
}

const ORDERS = permutations(LEVERS);

/** All 16 on/off combinations of the four levers. */
const LEVER_SETS: LeverSet[] = Array.from({ length: 16 }, (_, bits) =>
	Object.fromEntries(LEVERS.map((l, i) => [l, ((bits >> i) & 1) === 1])) as LeverSet
);

function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object') {
		for (const v of Object.values(value)) deepFreeze(v);
		Object.freeze(value);
	}
	return value;
}

/** Every figure that is a cost (not a saving) the engine produces for a scenario, with a label. */
function costFigures(s: Scenario): [string, number][] {
	const out: [string, number][] = [];
	for (const row of computeStack(s)) out.push([`row ${row.lever}`, row.monthlyCost]);
	for (const levers of LEVER_SETS) {
		const month = monthlyCost(s, levers);
		const tag = JSON.stringify(levers);
		for (const k of ['plainInput', 'cacheWrites', 'cacheReads', 'output', 'total'] as const) {
			out.push([`monthly ${tag} ${k}`, month[k]]);
			for (const m of month.models) {
				out.push([`monthly ${tag} ${m.model.id} ${k}`, m[k]], [`perRequest ${tag} ${m.model.id} ${k}`, m.perRequest[k]]);
			}
		}
	}
	const hit = hitRatioSeries(s);
	const shared = sharedContextSeries(s);
	for (const mode of ['none', '5m', '1h'] as const) {
		hit.cost[mode].forEach((y, i) => out.push([`hitRatioSeries ${mode}[${i}]`, y]));
		shared.cost[mode].forEach((y, i) => out.push([`sharedContextSeries ${mode}[${i}]`, y]));
	}
	for (const p of breakEvenPoints(s)) out.push([`breakEvenPoints ${p.ttl}`, p.costPerRequest]);
	return out;
}

describe('the scenario arbitrary', () => {
	it('only generates scenarios that parseScenario accepts unchanged', () => {
		fc.assert(
			fc.property(scenarioArb(), (s) => {
				expect(parseScenario(s)).toEqual({ ok: true, scenario: s });
			}),
			{ numRuns: RUNS }
		);
	});
});

describe('engine invariants', () => {
	it('(a) every cost, breakdown field and series value is finite and >= 0', () => {
		fc.assert(
			fc.property(scenarioArb(), (s) => {
				const bad = costFigures(s).filter(([, v]) => !(Number.isFinite(v) && v >= 0));
				expect(bad).toEqual([]);
			}),
			{ numRuns: 1500 }
		);
	});

	it('(b) no row ever saves more than 100 %', () => {
		fc.assert(
			fc.property(scenarioArb(), fc.constantFrom(...ORDERS), (s, order) => {
				for (const row of computeStack(s, undefined, order)) {
					expect(row.cumulativeSavingPercent).toBeLessThanOrEqual(100);
					expect(row.stepSavingPercent).toBeLessThanOrEqual(100);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	// Every lever can only help when: each mixed model bills no more than the baseline model, in
	// and out, both at the full input and at the trimmed input (overrides and the long-context tier
	// can break this), and the hit ratio is at or above the TTL's break-even.
	// Tokenizer scaling off: on a model of the other generation the same text costs 1.3x the tokens.
	// US-only inference off: it bills 1.1x on the models that offer it, so routing from a model
	// without it to one with it can cost more at lower list rates (seed -1249505786: -10 %).
	const helpfulScenarioArb = scenarioArb()
		.map((s) => ({ ...s, adjustForTokenizer: false, usOnlyInference: false }))
		.chain((s) => {
			const sheet = scenarioSheet(s);
			const base = requestRates(getModel(sheet, s.baselineModel), s.inputTokens);
			const trimmedInput = requestShape(s, ALL_LEVERS).input;
			const cheaper = sheet.models
				.filter((m) =>
					[s.inputTokens, trimmedInput].every((tokens) => {
						const r = requestRates(m, tokens);
						return r.inputPerMTok <= base.inputPerMTok && r.outputPerMTok <= base.outputPerMTok;
					})
				)
				.map((m) => m.id);
			if (cheaper.length === 0) return fc.constant(null);
			// Caching helps a model at or above its own break-even, when its read is cheaper than its write.
			const write = (m: (typeof sheet.models)[number]) => (s.cacheTtl === '5m' ? m.cacheWrite5mPerMTok : m.cacheWrite1hPerMTok);
			const ratesOk = (id: string) => {
				const m = getModel(sheet, id);
				return m.inputPerMTok > 0 && m.cacheReadPerMTok <= write(m) && m.cacheReadPerMTok <= m.inputPerMTok && m.inputPerMTok <= write(m) && !m.bands;
			};
			if (!cheaper.every(ratesOk)) return fc.constant(null);
			const breakEven = Math.max(...cheaper.map((id) => modelBreakEven(s.cacheTtl, getModel(sheet, id)))) * 100;
			return fc
				.record({
					mixPercent: mixArb(cheaper),
					cacheHitPercent: fc.oneof(fc.constant(breakEven), fc.double({ min: breakEven, max: 100, noNaN: true }))
				})
				.map((patch): Scenario => ({ ...s, ...patch }));
		})
		.filter((s): s is Scenario => s !== null);

	it('(b) every row saves 0..100 % against the baseline when every lever can only help', () => {
		fc.assert(
			fc.property(helpfulScenarioArb, (s) => {
				expect(parseScenario(s).ok).toBe(true);
				// Float noise only: splitting the same traffic over several models rounds differently,
				// and at the break-even a write far dearer than the input (an override can make it
				// 10^7 times dearer) magnifies the break-even's last bit by write / input.
				const sheet = scenarioSheet(s);
				const magnifier = Math.max(
					1,
					...Object.keys(s.mixPercent).map((id) => {
						const m = getModel(sheet, id);
						return (s.cacheTtl === '5m' ? m.cacheWrite5mPerMTok : m.cacheWrite1hPerMTok) / m.inputPerMTok;
					})
				);
				for (const row of computeStack(s)) {
					expect(row.cumulativeSavingPercent).toBeGreaterThanOrEqual(-1e-9 * magnifier);
					expect(row.cumulativeSavingPercent).toBeLessThanOrEqual(100);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('(c) the final cost is the same for all 24 lever orders, and the steps add up to it', () => {
		fc.assert(
			fc.property(scenarioArb(), (s) => {
				const reference = computeStack(s).at(-1)!.monthlyCost;
				for (const order of ORDERS) {
					const rows = computeStack(s, undefined, order);
					const last = rows.at(-1)!;
					expect(rows.map((r) => r.key)).toEqual([null, ...order]);
					expect(close(last.monthlyCost, reference), `${order.join(',')}: ${last.monthlyCost} vs ${reference}`).toBe(true);
					// The steps telescope to baseline - final; their rounding scales with the largest row.
					const stepped = rows.reduce((total, r) => total + r.stepSaving, 0);
					const scale = Math.max(1, ...rows.map((r) => r.monthlyCost));
					expect(Math.abs(stepped - last.cumulativeSaving), `${stepped} vs ${last.cumulativeSaving}`).toBeLessThanOrEqual(1e-9 * scale);
				}
			}),
			{ numRuns: 1000 }
		);
	});

	/** Two values of `arb`, the smaller first. */
	const twoSorted = (arb: fc.Arbitrary<number>): fc.Arbitrary<[number, number]> =>
		fc.tuple(arb, arb).map(([a, b]) => (a <= b ? [a, b] : [b, a]));

	it('(d) cost never rises with the hit ratio above break-even', () => {
		// With a read dearer than the write (possible through overrides) more hits cost more: left out.
		const arb = scenarioArb()
			.filter((s) =>
				scenarioSheet(s).models.every((m) =>
					[m, ...(m.bands ?? [])].every((r) => r.cacheReadPerMTok <= (s.cacheTtl === '5m' ? r.cacheWrite5mPerMTok : r.cacheWrite1hPerMTok))
				)
			)
			.chain((s) => {
			const sheet = scenarioSheet(s);
			const breakEven = Math.max(...sheet.models.map((m) => modelBreakEven(s.cacheTtl, m))) * 100;
			const hit = fc.oneof(fc.constant(breakEven), fc.constant(100), fc.double({ min: breakEven, max: 100, noNaN: true }));
			return twoSorted(hit).map(([h1, h2]) => [s, h1, h2] as const);
		});
		fc.assert(
			fc.property(arb, ([s, h1, h2]) => {
				const lower = computeStack({ ...s, cacheHitPercent: h1 });
				const higher = computeStack({ ...s, cacheHitPercent: h2 });
				lower.forEach((row, i) => {
					const cost2 = higher[i]!.monthlyCost;
					expect(atMost(cost2, row.monthlyCost), `${row.lever}: ${cost2} at ${h2} % > ${row.monthlyCost} at ${h1} %`).toBe(true);
				});
			}),
			{ numRuns: RUNS }
		);
	});

	it('(d) cost never rises with the batch share', () => {
		const arb = fc.tuple(scenarioArb(), twoSorted(percentArb));
		fc.assert(
			fc.property(arb, ([s, [b1, b2]]) => {
				const lower = computeStack({ ...s, batchPercent: b1 });
				const higher = computeStack({ ...s, batchPercent: b2 });
				lower.forEach((row, i) => {
					const cost2 = higher[i]!.monthlyCost;
					expect(atMost(cost2, row.monthlyCost), `${row.lever}: ${cost2} at ${b2} % > ${row.monthlyCost} at ${b1} %`).toBe(true);
				});
			}),
			{ numRuns: RUNS }
		);
	});

	it('(e) a prefix below every model minimum makes caching a no-op, in any lever order', () => {
		// The prefix the caching row sees is trimmed when trimming comes before caching in the order.
		// Token counts as typed (no tokenizer scaling), so the generated prefix is the one billed.
		const arb = fc.tuple(scenarioArb().map((s) => ({ ...s, adjustForTokenizer: false })), fc.constantFrom(...ORDERS)).chain(([s, order]) => {
			const sheet = scenarioSheet(s);
			// Every model that can bill a request: the mix (with routing on) and the baseline (without).
			const billing = [s.baselineModel, ...Object.keys(s.mixPercent).filter((id) => (s.mixPercent[id] ?? 0) > 0)];
			const minimum = Math.min(...billing.map((id) => getModel(sheet, id).minCacheTokens));
			const trimmedFirst = order.indexOf('trimming') < order.indexOf('caching');
			const keepIn = 1 - s.inputTrimPercent / 100;
			return fc.integer({ min: 0, max: Math.max(0, minimum - 1) }).map((seen) => {
				const prefix = !trimmedFirst ? seen : keepIn > 0 ? Math.min(LIMITS.tokens, Math.floor(seen / keepIn)) : LIMITS.tokens;
				const scenario: Scenario = { ...s, cachedPrefixTokens: prefix, inputTokens: Math.max(s.inputTokens, prefix) };
				return { scenario, order, minimum, trimmedFirst };
			});
		});
		fc.assert(
			fc.property(arb, ({ scenario: s, order, minimum, trimmedFirst }) => {
				const before: LeverSet = { ...NO_LEVERS, trimming: trimmedFirst };
				const seen = requestShape(s, before).prefix;
				expect(seen === 0 || seen < minimum, `the generator built a cacheable prefix: ${seen} >= ${minimum}`).toBe(true);

				const caching = computeStack(s, undefined, order).find((r) => r.key === 'caching')!;
				expect(Math.abs(caching.stepSaving)).toBeLessThanOrEqual(1e-9 * Math.max(1, caching.monthlyCost));

				// With all levers on the prefix is trimmed, so it is below the minimum too.
				expect(cachesAnything(s)).toBe(false);
				expect(breakEvenPoints(s)).toEqual([]);
				const hit = hitRatioSeries(s);
				expect(hit.cost['5m']).toEqual(hit.cost.none);
				expect(hit.cost['1h']).toEqual(hit.cost.none);
			}),
			{ numRuns: RUNS }
		);
	});

	it('(f) computeStack and the series do not mutate the scenario', () => {
		fc.assert(
			fc.property(scenarioArb(), fc.constantFrom(...ORDERS), (s, order: Lever[]) => {
				const copy = structuredClone(s);
				computeStack(s, undefined, order);
				expect(s).toStrictEqual(copy);
				// Frozen, any write would throw (modules run in strict mode).
				deepFreeze(s);
				computeStack(s, undefined, order);
				monthlyCost(s);
				hitRatioSeries(s);
				sharedContextSeries(s);
				breakEvenPoints(s);
				expect(s).toStrictEqual(copy);
			}),
			{ numRuns: RUNS }
		);
	});
});
