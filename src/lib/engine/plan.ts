import type { ModelPrice, PriceSheet } from '../pricing/schema';
import { getModel } from '../pricing/sheets';
import { fromV1 } from '../scenario/fromV1';
import {
	PLAN_LEVERS,
	type ConversationCaching,
	type PlanLever,
	type RequestCaching,
	type RequestWorkload,
	type Scenario,
	type ScenarioV2,
	type Workload
} from '../scenario/types';
import { percentSaved } from './computeStack';
import { sum } from './monthlyCost';
import { scenarioSheet } from './prices';
import { requestCost, type CostBreakdown, type RequestShape } from './requestCost';
import { tokenizerScale } from './tokenizer';
import { workloadHitRatio } from './workloadHitRatio';
import { conversationMonth } from './conversationMonth';

/** Row names of the savings table from Today to Planned (a public contract: exactly these strings). */
export const PLAN_ROW_NAMES = {
	today: 'Today',
	routing: 'Model routing',
	caching: 'Prompt caching',
	batch: 'Batch API',
	fast: 'Fast mode',
	trimming: 'Token optimization'
} as const;
export type PlanRowName = (typeof PLAN_ROW_NAMES)[keyof typeof PLAN_ROW_NAMES];

/** Which levers are switched to their Planned setting. */
export type AppliedLevers = Readonly<Record<PlanLever, boolean>>;
export const TODAY: AppliedLevers = { routing: false, caching: false, batch: false, fast: false, trimming: false };
export const PLANNED: AppliedLevers = { routing: true, caching: true, batch: true, fast: true, trimming: true };

/** One row of the savings table. Percentages are 0..100, negative where a lever adds cost, 0 against a $0 row. */
export interface PlanRow {
	lever: PlanRowName;
	/** The lever this row switches to Planned, or null for Today. */
	key: PlanLever | null;
	monthlyCost: number;
	/** Dollars saved against the row above (negative: the lever adds cost). */
	stepSaving: number;
	stepSavingPercent: number;
	/** Dollars saved against Today. */
	cumulativeSaving: number;
	cumulativeSavingPercent: number;
}

/** One model's part of a workload's month. */
export interface PlanModelCost extends CostBreakdown {
	model: ModelPrice;
	sharePercent: number;
	/** Requests (or turns, for conversations) the model serves a month. */
	requests: number;
	/** The hit ratio in force on this model (0..1; 0 without caching). */
	hitRatio: number;
}

export interface WorkloadMonth extends CostBreakdown {
	models: PlanModelCost[];
}

/** One workload's Today and Planned. */
export interface WorkloadPlan {
	index: number;
	name: string;
	today: WorkloadMonth;
	planned: WorkloadMonth;
	saving: number;
	savingPercent: number;
	/** This workload's own savings table (its waterfall): the same as computePlan of it alone. */
	rows: PlanRow[];
}

/** One model's Today and Planned across every workload. */
export interface ModelPlan {
	model: ModelPrice;
	today: number;
	planned: number;
}

export interface Plan {
	/** Today, then one row per lever in the scenario's order; the last row is Planned. */
	rows: PlanRow[];
	today: number;
	planned: number;
	workloads: WorkloadPlan[];
	/** Every model billed Today or Planned, in order of first appearance. */
	models: ModelPlan[];
}

/**
 * The savings table from Today to Planned, summed over the workloads (docs/pricing-model.md
 * §6): Today, then each lever switched from its Today to its Planned setting in every
 * workload, in the scenario's lever order; the last row is Planned, whatever the order.
 * A version-1 scenario is read as version 2 (§9), so its figures are version 1's.
 *   stepSavingPercent = (previous - cost) / previous x 100   (0 when previous is $0)
 * Example (§11.5): 300,000 requests on Sonnet 4.6, Planned with 5-minute caching at 90 %
 * and 40 % batch: Today $15,750.00, Prompt caching $7,272.00, Batch API $5,817.60.
 */
export function computePlan(input: ScenarioV2 | Scenario, sheet?: PriceSheet): Plan {
	const scenario = input.version === 2 ? input : fromV1(input);
	const prices = scenarioSheet(scenario, sheet);
	const order = validOrder(scenario.leverOrder);

	// A workload whose settings the next lever does not change keeps its month: computed once
	// (most levers touch few workloads: routing without a new mix, fast mode off, no trimming).
	const last: { settings: EffectiveSettings; month: WorkloadMonth }[] = [];
	const months = (applied: AppliedLevers) =>
		scenario.workloads.map((w, i) => {
			const settings = effectiveSettings(w, applied);
			const before = last[i];
			if (before && sameSettings(before.settings, settings)) return before.month;
			const month = monthWith(scenario, w, settings, prices);
			last[i] = { settings, month };
			return month;
		});
	const todayMonths = months(TODAY);
	const total = (ms: readonly WorkloadMonth[]) => ms.reduce((t, m) => t + m.total, 0);

	const today = total(todayMonths);
	const rows: PlanRow[] = [planRow(PLAN_ROW_NAMES.today, null, today, today, today)];
	// Each workload's own rows, from the same months (one workload's total is its month's).
	const own = todayMonths.map((m) => [planRow(PLAN_ROW_NAMES.today, null, m.total, m.total, m.total)]);
	let applied: AppliedLevers = TODAY;
	let previous = today;
	let plannedMonths = todayMonths;
	for (const key of order) {
		applied = { ...applied, [key]: true };
		const before = plannedMonths;
		plannedMonths = months(applied);
		const cost = total(plannedMonths);
		rows.push(planRow(PLAN_ROW_NAMES[key], key, cost, previous, today));
		previous = cost;
		plannedMonths.forEach((m, i) => {
			const t = (todayMonths[i] as WorkloadMonth).total;
			(own[i] as PlanRow[]).push(planRow(PLAN_ROW_NAMES[key], key, m.total, (before[i] as WorkloadMonth).total, t));
		});
	}

	const workloads = scenario.workloads.map((w, index): WorkloadPlan => {
		const t = todayMonths[index] as WorkloadMonth;
		const p = plannedMonths[index] as WorkloadMonth;
		return { index, name: w.name, today: t, planned: p, saving: t.total - p.total, savingPercent: percentSaved(t.total, p.total), rows: own[index] as PlanRow[] };
	});
	return { rows, today, planned: previous, workloads, models: modelTotals(todayMonths, plannedMonths) };
}

/** The lever order, or the default one when it is not a permutation of the five levers. */
function validOrder(order: readonly PlanLever[] | undefined): readonly PlanLever[] {
	const ok = order && order.length === PLAN_LEVERS.length && PLAN_LEVERS.every((l) => order.includes(l));
	return ok ? order : PLAN_LEVERS;
}

function planRow(lever: PlanRowName, key: PlanLever | null, cost: number, previous: number, today: number): PlanRow {
	return {
		lever,
		key,
		monthlyCost: cost,
		stepSaving: previous - cost,
		stepSavingPercent: percentSaved(previous, cost),
		cumulativeSaving: today - cost,
		cumulativeSavingPercent: percentSaved(today, cost)
	};
}

/** What a workload is billed on with some levers applied (effectiveSettings). */
export type EffectiveSettings = ReturnType<typeof effectiveSettings>;

/** Two settings that bill the same: the same mix and caching objects (Today's or Planned's), equal numbers. */
function sameSettings(a: EffectiveSettings, b: EffectiveSettings): boolean {
	return (
		a.mixPercent === b.mixPercent &&
		a.caching === b.caching &&
		a.batchPercent === b.batchPercent &&
		a.fastMode === b.fastMode &&
		a.inputTrimPercent === b.inputTrimPercent &&
		a.outputTrimPercent === b.outputTrimPercent
	);
}

/** The settings of a workload with some levers at Planned and the rest at Today. */
export function effectiveSettings(w: Workload, applied: AppliedLevers) {
	const pick = <K extends keyof Workload['today']>(lever: PlanLever, key: K) => (applied[lever] ? w.planned[key] : w.today[key]);
	return {
		// The same shares listed in another order are the same setting: Today's, so routing saves exactly 0 (§6).
		mixPercent: applied.routing && !sameShares(w.planned.mixPercent, w.today.mixPercent) ? w.planned.mixPercent : w.today.mixPercent,
		caching: pick('caching', 'caching'),
		batchPercent: w.kind === 'requests' ? (applied.batch ? w.planned.batchPercent : w.today.batchPercent) : 0,
		fastMode: pick('fast', 'fastMode'),
		inputTrimPercent: applied.trimming ? w.planned.inputTrimPercent : 0,
		outputTrimPercent: applied.trimming ? w.planned.outputTrimPercent : 0
	};
}

function sameShares(a: Record<string, number>, b: Record<string, number>): boolean {
	const ids = Object.keys(a);
	return ids.length === Object.keys(b).length && ids.every((id) => Object.hasOwn(b, id) && a[id] === b[id]);
}

/**
 * One workload's month with some levers at Planned, per model and in total.
 *   requests:      requests x share x requestCost(model, scaled and trimmed shape)
 *   conversations: conversations x share x the expected cost of one conversation
 */
export function workloadMonth(scenario: ScenarioV2, w: Workload, applied: AppliedLevers, prices: PriceSheet = scenarioSheet(scenario)): WorkloadMonth {
	return monthWith(scenario, w, effectiveSettings(w, applied), prices);
}

function monthWith(scenario: ScenarioV2, w: Workload, settings: EffectiveSettings, prices: PriceSheet): WorkloadMonth {
	const factors = { batch: prices.batchMultiplier, usOnlyInference: prices.usOnlyInferenceMultiplier };
	const models = Object.entries(settings.mixPercent)
		.filter(([, share]) => share > 0)
		.map(([id, sharePercent]): PlanModelCost => {
			const model = getModel(prices, id);
			const scale = tokenizerScale(model, w.tokensCountedOn, prices.tokenizerRatio, scenario.adjustForTokenizer);
			if (w.kind === 'conversations') {
				const inForce = { ...settings, caching: settings.caching as ConversationCaching | null };
				return { model, sharePercent, ...conversationMonth(w, inForce, model, sharePercent, scale, scenario.usOnlyInference, factors) };
			}
			const requests = (w.requestsPerMonth * sharePercent) / 100;
			// A request workload's settings hold request caching (the union is the conversation kind's).
			const caching = settings.caching as RequestCaching | null;
			const hitRatio = caching ? workloadHitRatio(w, caching, requests) : 0;
			const perRequest = requestCost(
				model,
				requestShapeOf(w, scale, settings.inputTrimPercent, settings.outputTrimPercent),
				{
					caching: caching ? { hitRatio, ttl: caching.ttl } : null,
					batchShare: settings.batchPercent / 100,
					fastMode: settings.fastMode,
					usOnlyInference: scenario.usOnlyInference
				},
				factors
			);
			return { model, sharePercent, requests, hitRatio, ...scaleBreakdown(perRequest, requests) };
		});
	return { models, ...sum(models) };
}

/** One request of a workload: tokens scaled to the model's tokenizer, then trimmed (the prefix with the input). */
export function requestShapeOf(w: RequestWorkload, scale: number, inputTrimPercent: number, outputTrimPercent: number): RequestShape {
	const keepIn = 1 - inputTrimPercent / 100;
	return {
		input: w.inputTokens * scale * keepIn,
		prefix: Math.min(w.cachedPrefixTokens, w.inputTokens) * scale * keepIn,
		output: w.outputTokens * scale * (1 - outputTrimPercent / 100),
		webSearches: w.webSearchesPerRequest
	};
}

export function scaleBreakdown(c: CostBreakdown, k: number): CostBreakdown {
	return {
		plainInput: c.plainInput * k,
		cacheWrites: c.cacheWrites * k,
		cacheReads: c.cacheReads * k,
		output: c.output * k,
		webSearches: c.webSearches * k,
		total: c.total * k
	};
}

function modelTotals(today: readonly WorkloadMonth[], planned: readonly WorkloadMonth[]): ModelPlan[] {
	const byId = new Map<string, ModelPlan>();
	const add = (months: readonly WorkloadMonth[], key: 'today' | 'planned') => {
		for (const m of months.flatMap((w) => w.models)) {
			const entry = byId.get(m.model.id) ?? { model: m.model, today: 0, planned: 0 };
			entry[key] += m.total;
			byId.set(m.model.id, entry);
		}
	};
	add(today, 'today');
	add(planned, 'planned');
	return [...byId.values()];
}
