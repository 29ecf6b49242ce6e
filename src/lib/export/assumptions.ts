// The assumptions behind the figures, in plain words, for the report (the Report view, the
// read-only embed and the printed page): the price sheet, the scenario-wide switches, each
// workload's traffic with its Today and Planned, and the forecast's settings. Pure text:
// the page shows it as text, never as HTML.
import type { PriceSheet } from '../pricing/schema';
import { PLAN_ROW_NAMES } from '../engine/plan';
import { TOKENIZER_WORDS, formatCount, formatNumber } from '../format';
import { todaySummary } from '../scenario/edit';
import { PLAN_LEVERS, type ScenarioV2, type Workload } from '../scenario/types';
import { monthLabel } from './forecastText';

export interface WorkloadAssumptions {
	name: string;
	/** What the workload sends: "300,000 requests a month of 13,500 input tokens (12,000 of them a cached prefix) and 800 output tokens". */
	traffic: string;
	today: string;
	planned: string;
	/** Its own monthly growth, when it has one. */
	growth: string | null;
}

export interface Assumptions {
	/** "Anthropic list prices 2026-11, as of 2026-11-26". */
	sheet: string;
	source: string;
	/** Scenario-wide settings, one sentence each. */
	settings: string[];
	workloads: WorkloadAssumptions[];
	/** "12 months from December 2026; traffic grows 0 % a month." */
	forecast: string;
}

const percent = (n: number) => `${formatNumber(n)} %`;

/** What a workload sends in a month, in words. */
export function trafficWords(w: Workload): string {
	const searches = (n: number, per: string) => (n > 0 ? `; ${formatNumber(n)} web searches a ${per}` : '');
	const counted = `; token counts measured on ${TOKENIZER_WORDS[w.tokensCountedOn]}`;
	if (w.kind === 'conversations') {
		return (
			`${formatCount(w.conversationsPerMonth)} conversations a month of ${formatCount(w.turnsPerConversation)} turns: ` +
			`${formatCount(w.systemTokens)} system prompt tokens, ${formatCount(w.inputTokensPerTurn)} new input and ${formatCount(w.outputTokensPerTurn)} output tokens a turn, ` +
			`${formatNumber(w.secondsBetweenTurns)} s between turns${searches(w.webSearchesPerTurn, 'turn')}${counted}`
		);
	}
	return (
		`${formatCount(w.requestsPerMonth)} requests a month of ${formatCount(w.inputTokens)} input tokens ` +
		`(${formatCount(Math.min(w.cachedPrefixTokens, w.inputTokens))} of them a cached prefix) and ${formatCount(w.outputTokens)} output tokens` +
		`${searches(w.webSearchesPerRequest, 'request')}${counted}`
	);
}

/**
 * Planned in one line, like Today's (todaySummary), with the trims.
 * Example: "all traffic on Sonnet 4.6, 5-minute caching at 90 %, 40 % batch".
 */
export function plannedWords(w: Workload, nameOf: (id: string) => string): string {
	// todaySummary reads the Today column: give it Planned's settings.
	const asToday = { ...w, today: w.planned } as Workload;
	const trims = [
		w.planned.inputTrimPercent > 0 ? `input trimmed ${percent(w.planned.inputTrimPercent)}` : '',
		w.planned.outputTrimPercent > 0 ? `output trimmed ${percent(w.planned.outputTrimPercent)}` : ''
	].filter(Boolean);
	return [todaySummary(asToday, nameOf), ...trims].join(', ');
}

/**
 * The report's assumptions for a scenario on its (effective) sheet, and the forecast's
 * start month as it runs (a picked one, or the month after today).
 */
export function assumptions(s: ScenarioV2, sheet: PriceSheet, forecast: { startMonth: string; horizonMonths: number; growthPercent: number }): Assumptions {
	const nameOf = (id: string) => sheet.models.find((m) => m.id === id)?.name ?? id;
	const settings: string[] = [];
	const edited = Object.keys(s.prices).length;
	if (edited) settings.push(`Prices changed by hand for ${Object.keys(s.prices).map(nameOf).join(', ')}.`);
	if (s.customModels.length) settings.push(`Models added by hand: ${s.customModels.map((m) => m.name).join(', ')}.`);
	settings.push(s.usOnlyInference ? 'US-only inference: every rate costs 1.1x on the models that offer it.' : 'Global inference (standard prices).');
	settings.push(
		s.adjustForTokenizer
			? 'Token counts scale by the tokenizer ratio when traffic moves between tokenizer generations.'
			: 'Token counts are used as given on every model (no tokenizer adjustment).'
	);
	if (s.leverOrder.join() !== PLAN_LEVERS.join()) settings.push(`Savings table order: ${s.leverOrder.map((l) => PLAN_ROW_NAMES[l]).join(', ')}.`);
	const own = s.workloads.filter((w) => typeof w.growthPercent === 'number');
	return {
		sheet: `${sheet.name}, prices as of ${sheet.asOf}`,
		source: sheet.source,
		settings,
		workloads: s.workloads.map((w) => ({
			name: w.name,
			traffic: trafficWords(w),
			today: todaySummary(w, nameOf),
			planned: plannedWords(w, nameOf),
			growth: typeof w.growthPercent === 'number' ? `grows ${percent(w.growthPercent)} a month` : null
		})),
		forecast:
			`${forecast.horizonMonths} months from ${monthLabel(forecast.startMonth)}; traffic grows ${percent(forecast.growthPercent)} a month` +
			(own.length ? ` (${own.map((w) => `${w.name}: ${percent(w.growthPercent as number)}`).join('; ')})` : '') +
			'.'
	};
}
