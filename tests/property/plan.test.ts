// Invariants of computePlan (docs/pricing-model.md §6, §9) over generated version-2
// scenarios: 1 to 12 workloads on every shipped sheet, random mixes, caching, batch, fast
// mode, trims, lever orders, price overrides and custom models; and over generated
// version-1 scenarios, which must keep version 1's figures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePlan, computeStack, type Plan } from '$lib/engine';
import { PLANNED, TODAY, workloadMonth } from '$lib/engine/plan';
import { fromV1 } from '$lib/scenario/fromV1';
import { parseScenario } from '$lib/scenario/parse';
import { PLAN_LEVERS, type PlanLever, type ScenarioV2 } from '$lib/scenario/types';
import { scenarioArb } from './scenarioArbitrary';
import { leverOrderArb, neutralised, numbersIn, scenarioV2Arb } from './scenarioV2Arbitrary';

/** a and b agree to 1e-9 relative (absolute below $1). */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object') {
		for (const v of Object.values(value)) deepFreeze(v);
		Object.freeze(value);
	}
	return value;
}

/** Every cost (not a saving) in a plan, with a label. */
function costFigures(plan: Plan): [string, number][] {
	const out: [string, number][] = [['today', plan.today], ['planned', plan.planned]];
	for (const row of plan.rows) out.push([`row ${row.lever}`, row.monthlyCost]);
	for (const w of plan.workloads) {
		for (const [column, month] of [['today', w.today], ['planned', w.planned]] as const) {
			for (const k of ['plainInput', 'cacheWrites', 'cacheReads', 'output', 'webSearches', 'total'] as const) {
				out.push([`workload ${w.index} ${column} ${k}`, month[k]]);
				for (const m of month.models) out.push([`workload ${w.index} ${column} ${m.model.id} ${k}`, m[k]]);
			}
			for (const m of month.models) out.push([`workload ${w.index} ${column} ${m.model.id} requests`, m.requests], [`workload ${w.index} ${column} ${m.model.id} hit ratio`, m.hitRatio]);
		}
	}
	for (const m of plan.models) out.push([`model ${m.model.id} today`, m.today], [`model ${m.model.id} planned`, m.planned]);
	return out;
}

const RUNS = 300;

describe('the version-2 scenario arbitrary', () => {
	it('only generates scenarios that parseScenario accepts unchanged, with 1 to 12 workloads', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				expect(parseScenario(s)).toStrictEqual({ ok: true, scenario: s });
				expect(s.workloads.length).toBeGreaterThanOrEqual(1);
				expect(s.workloads.length).toBeLessThanOrEqual(12);
				expect([...s.leverOrder].sort()).toEqual([...PLAN_LEVERS].sort());
			}),
			{ numRuns: 200 }
		);
	});
});

describe('computePlan invariants (version 2)', { timeout: 120_000 }, () => {
	it('the last row is Planned, all levers applied, in any lever order; the first is Today', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), leverOrderArb, (s, order: PlanLever[]) => {
				const plan = computePlan(s);
				const other = computePlan({ ...s, leverOrder: order });
				// Planned and Today straight from the workloads, with no stack at all.
				const planned = s.workloads.reduce((t, w) => t + workloadMonth(s, w, PLANNED).total, 0);
				const today = s.workloads.reduce((t, w) => t + workloadMonth(s, w, TODAY).total, 0);
				expect(plan.rows.map((r) => r.key)).toEqual([null, ...s.leverOrder]);
				expect(other.rows.map((r) => r.key)).toEqual([null, ...order]);
				for (const p of [plan, other]) {
					expect(p.rows.at(-1)!.monthlyCost).toBe(planned);
					expect(p.planned).toBe(planned);
					expect(p.rows[0]!.monthlyCost).toBe(today);
					expect(p.today).toBe(today);
					// The steps telescope to Today - Planned; their rounding scales with the largest row.
					const stepped = sum(p.rows.map((r) => r.stepSaving));
					const scale = Math.max(1, ...p.rows.map((r) => r.monthlyCost));
					expect(Math.abs(stepped - p.rows.at(-1)!.cumulativeSaving)).toBeLessThanOrEqual(1e-9 * scale);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('a neutral plan (Planned = Today, mixes listed in any order, no trims) saves exactly 0 on every row', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), fc.boolean(), (s, reverse) => {
				const plan = computePlan(neutralised(s, (ids) => (reverse ? [...ids].reverse() : ids)));
				for (const row of plan.rows) {
					expect(row.stepSaving, row.lever).toBe(0);
					expect(row.cumulativeSaving, row.lever).toBe(0);
					expect(row.stepSavingPercent, row.lever).toBe(0);
					expect(row.cumulativeSavingPercent, row.lever).toBe(0);
				}
				for (const w of plan.workloads) expect(w.saving).toBe(0);
			}),
			{ numRuns: RUNS }
		);
	});

	it('a lever whose setting is the same Today and Planned saves exactly 0', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				const plan = computePlan(s);
				const same = (lever: PlanLever) =>
					s.workloads.every((w) => {
						if (lever === 'routing') return JSON.stringify(w.today.mixPercent) === JSON.stringify(w.planned.mixPercent);
						if (lever === 'caching') return JSON.stringify(w.today.caching) === JSON.stringify(w.planned.caching);
						if (lever === 'batch') return w.kind === 'conversations' || w.today.batchPercent === w.planned.batchPercent;
						if (lever === 'fast') return w.today.fastMode === w.planned.fastMode;
						return w.planned.inputTrimPercent === 0 && w.planned.outputTrimPercent === 0;
					});
				for (const row of plan.rows.slice(1)) {
					if (same(row.key!)) {
						expect(row.stepSaving, row.lever).toBe(0);
						expect(row.stepSavingPercent, row.lever).toBe(0);
					}
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('workloads add up: each row is the sum of the plans of each workload alone', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				const plan = computePlan(s);
				const alone = s.workloads.map((w) => computePlan({ ...s, workloads: [w] }));
				plan.rows.forEach((row, i) => {
					const total = sum(alone.map((p) => p.rows[i]!.monthlyCost));
					expect(close(row.monthlyCost, total), `${row.lever}: ${row.monthlyCost} vs ${total}`).toBe(true);
				});
				plan.workloads.forEach((w, i) => {
					expect(w.index).toBe(i);
					expect(w.name).toBe(s.workloads[i]!.name);
					expect(w.today.total).toBe(alone[i]!.today);
					expect(w.planned.total).toBe(alone[i]!.planned);
					for (const month of [w.today, w.planned]) expect(close(sum(month.models.map((m) => m.total)), month.total)).toBe(true);
				});
				expect(close(sum(plan.models.map((m) => m.today)), plan.today)).toBe(true);
				expect(close(sum(plan.models.map((m) => m.planned)), plan.planned)).toBe(true);
				expect(new Set(plan.models.map((m) => m.model.id)).size).toBe(plan.models.length);
			}),
			{ numRuns: 150 }
		);
	});

	it('no NaN and no negative cost anywhere; savings finite; no row saves more than 100 %', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true }), (s) => {
				const plan = computePlan(s);
				const bad = costFigures(plan).filter(([, v]) => !(Number.isFinite(v) && v >= 0));
				expect(bad).toEqual([]);
				for (const row of plan.rows) {
					expect(numbersIn(row).some(Number.isNaN)).toBe(false);
					expect(Number.isFinite(row.stepSaving) && Number.isFinite(row.cumulativeSaving)).toBe(true);
					expect(row.stepSavingPercent).toBeLessThanOrEqual(100);
					expect(row.cumulativeSavingPercent).toBeLessThanOrEqual(100);
				}
			}),
			{ numRuns: RUNS }
		);
	});

	it('does not mutate the scenario', () => {
		fc.assert(
			fc.property(scenarioV2Arb({ conversations: true, maxWorkloads: 4 }), (s: ScenarioV2) => {
				const copy = structuredClone(s);
				computePlan(s);
				expect(s).toStrictEqual(copy);
				deepFreeze(s);
				computePlan(s);
				expect(s).toStrictEqual(copy);
			}),
			{ numRuns: 100 }
		);
	});
});

describe('computePlan of a version-1 scenario keeps version 1’s figures (§9)', { timeout: 120_000 }, () => {
	it('rows as computeStack, Baseline named Today, and a fast-mode row equal to the row before', () => {
		fc.assert(
			fc.property(scenarioArb(), (s) => {
				const plan = computePlan(s);
				const stack = computeStack(s);
				expect(plan.rows.map((r) => r.key)).toEqual([null, 'routing', 'caching', 'batch', 'fast', 'trimming']);
				const withoutFast = plan.rows.filter((r) => r.key !== 'fast');
				expect(withoutFast.map((r) => r.lever)).toEqual(stack.map((r) => (r.lever === 'Baseline' ? 'Today' : r.lever)));
				withoutFast.forEach((row, i) => {
					const v1 = stack[i]!;
					for (const k of ['monthlyCost', 'stepSaving', 'cumulativeSaving', 'stepSavingPercent', 'cumulativeSavingPercent'] as const) {
						// Object.is: against a subnormal cost (a rate like 5e-323 $/MTok) a percentage overflows to -Infinity in both.
						expect(Object.is(row[k], v1[k]) || close(row[k], v1[k]), `${row.lever} ${k}: ${row[k]} vs ${v1[k]}`).toBe(true);
					}
				});
				const fast = plan.rows[4]!;
				expect(fast.monthlyCost).toBe(plan.rows[3]!.monthlyCost);
				expect(fast.stepSaving).toBe(0);
				expect(fast.stepSavingPercent).toBe(0);
				expect(computePlan(fromV1(s))).toStrictEqual(plan);
			}),
			{ numRuns: 1000 }
		);
	});
});
