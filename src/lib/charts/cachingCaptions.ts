// Words and figures of the caching that follows the traffic (docs/pricing-model.md §4 and §5):
// derived hit ratios, TTL advice and conversation costs. Pure and light (no Chart.js); the
// components that use it load after the first paint.
import type { DerivedHitRatioRow } from '../engine/derivedHitRatios';
import type { PlannedConversation } from '../engine/plannedConversation';
import type { CacheMode } from '../engine/series';
import type { WorkloadTtlAdvice } from '../engine/workloadTtlAdvice';
import { TTL_WORDS, formatCount, formatMoney, formatNumber, formatPerRequest } from '../format';
import type { CacheTtl } from '../scenario/types';
import type { ChartTable } from './captions';
import { ttlAdviceCaption } from './ttlAdviceCaption';

/** The most decimals a hit ratio shows close to 100 %. */
const MAX_HIT_DECIMALS = 4;

/**
 * A hit ratio (0..1) as a percentage: one decimal, more (up to 4) where one decimal would
 * round a ratio below 1 up to 100 %, "> 99.9999 %" beyond; a ratio above 0 that would print
 * as 0.0 % reads "< 0.1 %".
 * Examples: 0.68860 -> "68.9 %"; 1 − e^(−14) -> "99.9999 %"; 0.9999 -> "99.99 %"; 1 -> "100.0 %".
 */
export function formatHitRatio(ratio: number): string {
	const percent = ratio * 100;
	if (ratio > 0 && percent < 0.05) return '< 0.1 %';
	if (ratio >= 1) return '100.0 %';
	for (let d = 1; d <= MAX_HIT_DECIMALS; d++) {
		const text = percent.toFixed(d);
		if (Number(text) < 100) return `${text} %`;
	}
	return `> ${(100 - 10 ** -MAX_HIT_DECIMALS).toFixed(MAX_HIT_DECIMALS)} %`;
}

/** Why the derived ratios differ per model (docs/caching-model.md §1.6). */
export const ROUTING_NOTE =
	'Each model keeps its own cache, so routing a share of the traffic to another model lowers the hit ratio on both: each sees fewer requests.';

/** What a conversation workload's derived ratio is. */
export const CONVERSATION_RATIO_NOTE = "For conversations this is the system prompt's hit ratio: every turn of every conversation counts as an arrival.";

/**
 * The derived hit ratio table: model, then Today and Planned with both TTLs; "—" where the
 * model is not in that mix, "(in use)" after the ratio of the TTL that side caches with.
 * Example row: ["Sonnet 4.6", "68.9 % (in use)", "99.9999 %", "—", "—"].
 */
export function derivedHitRatioTable(
	rows: readonly DerivedHitRatioRow[],
	nameOf: (id: string) => string,
	inUse: { today: CacheTtl | null; planned: CacheTtl | null }
): ChartTable {
	const cells = (pair: DerivedHitRatioRow['today'], ttl: CacheTtl, used: CacheTtl | null) =>
		pair ? `${formatHitRatio(pair[ttl])}${used === ttl ? ' (in use)' : ''}` : '—';
	return {
		columns: ['Model', 'Today, 5-minute', 'Today, 1-hour', 'Planned, 5-minute', 'Planned, 1-hour'],
		rows: rows.map((r) => [
			nameOf(r.modelId),
			cells(r.today, '5m', inUse.today),
			cells(r.today, '1h', inUse.today),
			cells(r.planned, '5m', inUse.planned),
			cells(r.planned, '1h', inUse.planned)
		])
	};
}

/** A caching choice as a table row's name. */
export const CHOICE_NAMES: Readonly<Record<CacheMode, string>> = { none: 'No cache', '5m': '5-minute caching', '1h': '1-hour caching' };

/**
 * The three choices of the TTL advice as a table: choice, its hit ratio, its monthly cost;
 * the cheapest marked.
 * Example: [["No cache", "—", "$423.36"], ["5-minute caching", "68.9 %", "$266.05"],
 *   ["1-hour caching (cheapest)", "99.9999 %", "$162.09"]].
 */
export function ttlAdviceRows(a: WorkloadTtlAdvice): string[][] {
	const { advice } = a;
	return (['none', '5m', '1h'] as const).map((m) => [
		`${CHOICE_NAMES[m]}${m === advice.cheapest && advice.margin > 0 ? ' (cheapest)' : ''}`,
		m === 'none' ? '—' : formatHitRatio(advice.hitRatio[m]),
		formatMoney(advice.monthly[m])
	]);
}

const SHORT: Readonly<Record<CacheMode, string>> = { none: 'no caching', '5m': '5-minute caching', '1h': '1-hour caching' };

/**
 * Where the cheapest choice changes, with the monthly requests at each rate.
 * Example: "The cheapest choice changes at 0.81 requests an hour per prefix (584 a month):
 * from no caching to 1-hour caching; and at 82.96 (59,733 a month): from 1-hour caching to
 * 5-minute caching."
 */
export function flipSentence(a: WorkloadTtlAdvice): string {
	const flips = a.advice.flips;
	if (flips.length === 0) return `The cheapest choice is the same at every rate: ${SHORT[a.advice.cheapest]}.`;
	const parts = flips.map(
		(f, i) =>
			`${i === 0 ? `${formatNumber(f.ratePerHour)} requests an hour per prefix` : formatNumber(f.ratePerHour)} (${formatCount(f.requestsPerMonth)} a month): from ${SHORT[f.from]} to ${SHORT[f.to]}`
	);
	return `The cheapest choice changes at ${parts.join('; and at ')}.`;
}

/**
 * Which model the advice is priced on, and for a mix why only that one.
 * Examples: "Priced on Sonnet 4.6 with the Planned settings."; "Priced on Haiku 4.5, the Planned
 * mix's largest share (70 %), for the 7,056 requests a month it serves: each model has its own cache."
 */
export function pricedOnSentence(a: Pick<WorkloadTtlAdvice, 'main' | 'model' | 'requests'>, unit = 'requests'): string {
	if (!a.main.isMix) return `Priced on ${a.model.name} with the Planned settings.`;
	return (
		`Priced on ${a.model.name}, the Planned mix's largest share (${formatNumber(a.main.sharePercent)} %), ` +
		`for the ${formatCount(a.requests)} ${unit} a month it serves: each model has its own cache.`
	);
}

/**
 * The caption of the TTL advice chart: ttlAdviceCaption, the three monthly costs with their
 * hit ratios, and the model it is priced on (for a mix, the largest share, said so).
 * Example: "At 14 requests an hour per prefix, 1-hour caching is cheapest: $103.96 a month less
 * than 5-minute. ... A month: no cache $423.36, 5-minute $266.05 at a 68.9 % hit ratio, 1-hour
 * $162.09 at 99.9999 %. Priced on Sonnet 4.6 with the Planned settings."
 */
export function ttlAdviceChartCaption(a: WorkloadTtlAdvice): string {
	const { advice } = a;
	const costs =
		`A month: no cache ${formatMoney(advice.monthly.none)}, ` +
		`${TTL_WORDS['5m']} ${formatMoney(advice.monthly['5m'])} at a ${formatHitRatio(advice.hitRatio['5m'])} hit ratio, ` +
		`${TTL_WORDS['1h']} ${formatMoney(advice.monthly['1h'])} at ${formatHitRatio(advice.hitRatio['1h'])}.`;
	const minimum = a.cacheable
		? ''
		: ` The prefix (${formatCount(Math.min(a.shape.prefix, a.shape.input))} tokens) is below ${a.model.name}'s minimum cacheable length (${formatCount(a.model.minCacheTokens)}), so caching changes nothing.`;
	return `${ttlAdviceCaption(advice)} ${costs} ${pricedOnSentence(a)}${minimum}`;
}

/** The system prompt hit ratio a conversation view used, in words. */
function systemHitWords(c: PlannedConversation): string {
	if (c.systemHitSource === 'none') return 'no system prompt hits (no hit ratio typed)';
	if (c.systemHitSource === 'typed') return `a typed system prompt hit ratio of ${formatHitRatio(c.systemHitRatio['5m'])}`;
	return `system prompt hit ratios from traffic of ${formatHitRatio(c.systemHitRatio['5m'])} (5-minute) and ${formatHitRatio(c.systemHitRatio['1h'])} (1-hour)`;
}

/**
 * The caption of the cost-per-conversation chart: how much more the last turn costs than the
 * first without a cache (the history every turn resends), and what a conversation of the
 * workload's length costs with each choice.
 * Example: "Uncached, turn 20 costs 7.4x turn 1, because every turn resends the whole history:
 * a 20-turn conversation costs $1.15 without caching, $0.31 with 5-minute and $0.39 with
 * 1-hour caching. Priced on Sonnet 4.6 with the Planned settings, with a typed system prompt
 * hit ratio of 90.0 %."
 */
export function conversationCaption(c: PlannedConversation): string {
	const n = c.turns.length;
	const at = (m: CacheMode) => formatPerRequest(c.series.cost[m][n - 1] ?? 0);
	const first = c.uncached[0]?.cost ?? 0;
	const last = c.uncached[n - 1]?.cost ?? 0;
	const growth =
		n > 1 && first > 0
			? `Uncached, turn ${n} costs ${formatNumber(last / first)}x turn 1, because every turn resends the whole history: a ${n}-turn conversation costs `
			: `A ${n}-turn conversation costs `;
	const priced = c.main.isMix
		? `Priced on ${c.model.name}, the Planned mix's largest share (${formatNumber(c.main.sharePercent)} %)`
		: `Priced on ${c.model.name} with the Planned settings`;
	return `${growth}${at('none')} without caching, ${at('5m')} with 5-minute and ${at('1h')} with 1-hour caching. ${priced}, with ${systemHitWords(c)}.`;
}

/**
 * The per-turn table of a conversation on its Planned main model: the prompt L_j, the
 * expected tokens read and written with Planned's caching (averages, shown whole), the turn's
 * cost with Planned's caching and without a cache; the turn where a band starts is marked.
 * Example row (§11.10 shape, turn 5): ["5", "10,600", "9,400", "1,200", "$0.0100", "$0.0378"].
 */
export function conversationTurnTable(c: PlannedConversation): ChartTable {
	const cost = c.ttl ? `Cost, ${TTL_WORDS[c.ttl]} caching` : 'Cost (Planned: no caching)';
	return {
		columns: ['Turn', 'Prompt tokens', 'Read from cache', 'Written to cache', cost, 'Cost without cache'],
		rows: c.turns.map((t, i) => [
			`${t.turn}${c.bandStart?.turn === t.turn ? ` (band starts: prompt above ${formatCount(c.bandStart.aboveTokens)} tokens)` : ''}`,
			formatCount(t.promptTokens),
			formatCount(t.readTokens),
			formatCount(t.writtenTokens),
			formatPerRequest(t.cost),
			formatPerRequest(c.uncached[i]?.cost ?? 0)
		])
	};
}

/**
 * The sentence under the per-turn table when a band starts within the conversation.
 * Example: "From turn 21 the prompt is above 100,000 tokens, and Haiku 5.5 bills the whole
 * turn at its band's rates."
 */
export function bandSentence(c: PlannedConversation): string {
	if (!c.bandStart) return '';
	return `From turn ${c.bandStart.turn} the prompt is above ${formatCount(c.bandStart.aboveTokens)} tokens, and ${c.model.name} bills the whole turn at its band's rates.`;
}

/**
 * What the advice means for Planned's own caching setting.
 * Examples: "Planned uses 1-hour caching, the cheapest."; "Planned uses 5-minute caching:
 * 1-hour caching would cost $103.96 a month less on Sonnet 4.6."; "Planned does not cache:
 * 1-hour caching would cost $261.27 a month less on Sonnet 4.6."
 */
export function plannedTtlSentence(a: WorkloadTtlAdvice, planned: CacheTtl | null): string {
	const { advice } = a;
	const current: CacheMode = planned ?? 'none';
	const lead = planned ? `Planned uses ${SHORT[planned]}` : 'Planned does not cache';
	const saving = advice.monthly[current] - advice.monthly[advice.cheapest];
	if (current === advice.cheapest || formatMoney(saving) === formatMoney(0)) return `${lead}${planned ? ', the cheapest' : ', the cheapest choice here'}.`;
	return `${lead}: ${SHORT[advice.cheapest]} would cost ${formatMoney(saving)} a month less on ${a.model.name}.`;
}
