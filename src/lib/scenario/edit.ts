// Edits of a version-2 scenario the page makes, as pure functions: each returns a new
// scenario (or workload) and never mutates its input. Tested in tests/unit/scenario/edit.test.ts.
import type { PriceSheet } from '../pricing/schema';
import { neutralConversation, neutralWorkload } from './defaults';
import { MAX_WORKLOADS } from './fields';
import type { ConversationWorkload, RequestWorkload, ScenarioV2, Workload } from './types';

/** A name not yet used by a workload: `Workload 2`, or `<name> (copy)`, `<name> (copy 2)`... */
export function freeName(s: ScenarioV2, wanted: string): string {
	const taken = new Set(s.workloads.map((w) => w.name));
	if (!taken.has(wanted)) return wanted;
	for (let i = 2; ; i++) {
		const candidate = wanted.replace(/( \d+)?$/, ` ${i}`);
		if (!taken.has(candidate)) return candidate;
	}
}

/**
 * Adds a neutral request workload on the model of the first workload's Today (up to
 * MAX_WORKLOADS). Its token counts are taken to be measured on that model's tokenizer, so a
 * legacy model's workload starts without a tokenizer adjustment.
 */
export function addWorkload(s: ScenarioV2, sheet: PriceSheet): ScenarioV2 {
	if (s.workloads.length >= MAX_WORKLOADS) return s;
	const model = Object.keys(s.workloads[0]?.today.mixPercent ?? sheet.defaultMix)[0] ?? Object.keys(sheet.defaultMix)[0];
	const w = neutralWorkload(freeName(s, `Workload ${s.workloads.length + 1}`), model);
	const tokenizer = sheet.models.find((m) => m.id === model)?.tokenizer;
	return { ...s, workloads: [...s.workloads, tokenizer ? { ...w, tokensCountedOn: tokenizer } : w] };
}

/** A copy of workload `index`, right after it, named `<name> (copy)`. */
export function duplicateWorkload(s: ScenarioV2, index: number): ScenarioV2 {
	const w = s.workloads[index];
	if (!w || s.workloads.length >= MAX_WORKLOADS) return s;
	const copy = { ...structuredClone(w), name: freeName(s, `${w.name} (copy)`) };
	return { ...s, workloads: [...s.workloads.slice(0, index + 1), copy, ...s.workloads.slice(index + 1)] };
}

/** Removes workload `index`; the last one cannot be removed. */
export function removeWorkload(s: ScenarioV2, index: number): ScenarioV2 {
	if (s.workloads.length <= 1 || !s.workloads[index]) return s;
	return { ...s, workloads: s.workloads.filter((_, i) => i !== index) };
}

/** Moves workload `index` by `by` places (-1 up, +1 down), within the list. */
export function moveWorkload(s: ScenarioV2, index: number, by: number): ScenarioV2 {
	const to = index + by;
	if (!s.workloads[index] || to < 0 || to >= s.workloads.length) return s;
	const workloads = [...s.workloads];
	const [w] = workloads.splice(index, 1);
	workloads.splice(to, 0, w as Workload);
	return { ...s, workloads };
}

/** Replaces workload `index`. */
export function setWorkload(s: ScenarioV2, index: number, w: Workload): ScenarioV2 {
	return { ...s, workloads: s.workloads.map((old, i) => (i === index ? w : old)) };
}

/**
 * The workload as the other kind, keeping its name, models, caching TTL, fast mode, trims
 * and tokenizer; the numbers of the new kind start at their defaults. Conversations never
 * batch, so a batch share is dropped.
 */
export function switchKind(w: Workload, kind: Workload['kind']): Workload {
	if (w.kind === kind) return w;
	// A workload's own forecast growth stays with it.
	const growth = typeof w.growthPercent === 'number' ? { growthPercent: w.growthPercent } : {};
	const model = Object.keys(w.today.mixPercent)[0];
	if (kind === 'conversations') {
		const c = neutralConversation(w.name, model);
		const caching = (x: Workload['today']['caching']) => (x ? { ttl: x.ttl, systemHitPercent: 'hitPercent' in x ? x.hitPercent : x.systemHitPercent } : null);
		return {
			...c,
			tokensCountedOn: w.tokensCountedOn,
			traffic: w.traffic,
			today: { mixPercent: { ...w.today.mixPercent }, caching: caching(w.today.caching), fastMode: w.today.fastMode },
			planned: {
				mixPercent: { ...w.planned.mixPercent },
				caching: caching(w.planned.caching),
				fastMode: w.planned.fastMode,
				inputTrimPercent: w.planned.inputTrimPercent,
				outputTrimPercent: w.planned.outputTrimPercent
			},
			...growth
		} satisfies ConversationWorkload;
	}
	const r = neutralWorkload(w.name, model);
	const caching = (x: Workload['today']['caching']) => (x ? { ttl: x.ttl, hitPercent: 'systemHitPercent' in x ? x.systemHitPercent : x.hitPercent } : null);
	return {
		...r,
		tokensCountedOn: w.tokensCountedOn,
		traffic: w.traffic,
		today: { mixPercent: { ...w.today.mixPercent }, caching: caching(w.today.caching), batchPercent: 0, fastMode: w.today.fastMode },
		planned: {
			mixPercent: { ...w.planned.mixPercent },
			caching: caching(w.planned.caching),
			batchPercent: 0,
			fastMode: w.planned.fastMode,
			inputTrimPercent: w.planned.inputTrimPercent,
			outputTrimPercent: w.planned.outputTrimPercent
		},
		...growth
	} satisfies RequestWorkload;
}

/**
 * Today in one line: "all traffic on Sonnet 4.6, no caching, no batch" or
 * "70 % Sonnet 4.6, 30 % Haiku 4.5, 5-minute caching at 80 %, 40 % batch, fast mode".
 */
export function todaySummary(w: Workload, nameOf: (id: string) => string): string {
	const mix = Object.entries(w.today.mixPercent).filter(([, share]) => share > 0);
	const parts = [
		mix.length === 1 ? `all traffic on ${nameOf(mix[0]?.[0] ?? '')}` : mix.map(([id, share]) => `${formatShare(share)} % ${nameOf(id)}`).join(', ')
	];
	const c = w.today.caching;
	if (!c) parts.push('no caching');
	else if (w.traffic) parts.push(`${c.ttl === '5m' ? '5-minute' : '1-hour'} caching, hit ratio from traffic`);
	else {
		const hit = 'hitPercent' in c ? c.hitPercent : c.systemHitPercent;
		parts.push(`${c.ttl === '5m' ? '5-minute' : '1-hour'} caching at ${formatShare(hit)} %`);
	}
	if (w.kind === 'requests') parts.push(w.today.batchPercent > 0 ? `${formatShare(w.today.batchPercent)} % batch` : 'no batch');
	if (w.today.fastMode) parts.push('fast mode');
	return parts.join(', ');
}

function formatShare(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(1);
}
