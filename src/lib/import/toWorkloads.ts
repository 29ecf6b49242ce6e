// Imported usage as the Today of a scenario: request workloads of the version-2 format
// (docs/pricing-model.md §7; docs/usage-import.md "From usage to a scenario"). Pure.
import type { PriceSheet, Tokenizer } from '../pricing/schema';
import { getSheet } from '../pricing/sheets';
import { LIMITS } from '../scenario/limits';
import { resolveModel } from './priceUsage';
import type { ImportSummary, Ttl, UsageGroup } from './types';

/** The average month: 365.25 / 12 days. */
export const DAYS_PER_MONTH = 30.4375;

// Local until the scenario module's version-2 types settle; the same shape as its RequestWorkload.
export interface ImportedSettings {
	mixPercent: Record<string, number>;
	caching: { ttl: Ttl; hitPercent: number } | null;
	batchPercent: number;
	fastMode: boolean;
}

export interface ImportedPlan extends ImportedSettings {
	inputTrimPercent: number;
	outputTrimPercent: number;
}

export interface ImportedWorkload {
	name: string;
	kind: 'requests';
	requestsPerMonth: number;
	inputTokens: number;
	cachedPrefixTokens: number;
	outputTokens: number;
	webSearchesPerRequest: number;
	tokensCountedOn: Tokenizer;
	traffic: null;
	today: ImportedSettings;
	planned: ImportedPlan;
}

export interface ToWorkloadsOptions {
	/** One workload per model (the default), or per the key a function gives each group. */
	groupBy?: 'model' | ((group: UsageGroup) => string);
	/** The sheet the model ids and tokenizers come from (anthropic-2026-11 by default; pass scenarioSheet for custom models). */
	sheet?: PriceSheet;
	/** Unknown model names mapped to sheet ids (as in priceUsage). */
	modelMap?: Readonly<Record<string, string>>;
	/**
	 * Requests in the data per workload key, for data without request counts (the Admin usage
	 * report). Then mix, batch and fast shares follow the groups' token shares.
	 */
	requestCounts?: Readonly<Record<string, number>>;
}

export interface WorkloadsFromUsage {
	workloads: ImportedWorkload[];
	/** What was assumed or left out, in plain words, each starting with the workload's name. */
	notes: string[];
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const count = (n: number) => Math.round(n).toLocaleString('en-US');

/**
 * Shares (weights, any scale) as whole tenths of a percent summing to exactly 100, the
 * rounding leftovers going to the largest remainders; zero shares are dropped.
 * Example: { a: 1, b: 2 } -> { a: 33.3, b: 66.7 }.
 */
export function mixFromWeights(weights: ReadonlyMap<string, number>): Record<string, number> {
	const ids = [...weights.keys()];
	const total = ids.reduce((s, id) => s + (weights.get(id) as number), 0);
	const exact = ids.map((id) => (total > 0 ? ((weights.get(id) as number) / total) * 1000 : 1000 / ids.length));
	const tenths = exact.map(Math.floor);
	let left = 1000 - tenths.reduce((a, b) => a + b, 0);
	const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
	for (const [, i] of order) {
		if (left <= 0) break;
		tenths[i] = (tenths[i] as number) + 1;
		left -= 1;
	}
	const mix: Record<string, number> = {};
	ids.forEach((id, i) => {
		if ((tenths[i] as number) > 0) mix[id] = (tenths[i] as number) / 10;
	});
	return mix;
}

/**
 * Request workloads from imported usage, one per model by default (unknown models are left
 * out until mapped). For each workload, with R requests in the data:
 *   requestsPerMonth   = R x 30.4375 / days covered (R itself when the data has no dates)
 *   inputTokens        = (uncached + cache writes + cache reads) / R
 *   cachedPrefixTokens = (cache writes + cache reads) / R
 *   outputTokens       = output / R;  webSearchesPerRequest = searches / R
 *   caching            = { ttl: the TTL with most write tokens, hitPercent: reads / (reads + writes) }
 *   batchPercent       = batch-tier requests / R;  fastMode = most requests were fast
 *   tokensCountedOn    = the tokenizer of the model with most requests
 * Token counts are whole numbers; Planned starts as Today with no trimming. With these
 * figures the calculator's Today reproduces the measured token cost (one TTL, no band).
 * Example: 1,000 Sonnet 4.6 requests over 10 days with 1,500,000 uncached input tokens,
 * 1,200,000 written (5m), 10,800,000 read and 800,000 output -> requestsPerMonth
 * 1,000 x 30.4375 / 10 = 3,044, inputTokens 13,500, cachedPrefixTokens 12,000,
 * outputTokens 800, caching { ttl: '5m', hitPercent: 90 }.
 */
export function toWorkloads(summary: ImportSummary, options: ToWorkloadsOptions = {}): WorkloadsFromUsage {
	const sheet = options.sheet ?? getSheet();
	const groupBy = options.groupBy ?? 'model';
	const notes: string[] = [];
	const buckets = new Map<string, { groups: UsageGroup[]; modelIds: string[] }>();
	const left: string[] = [];
	for (const g of summary.groups) {
		const usage = g.requests > 0 || g.rowsWithoutRequests > 0;
		if (!usage) continue;
		const model = resolveModel(g, sheet, options.modelMap);
		if (!model) {
			if (!left.includes(g.modelId)) left.push(g.modelId);
			continue;
		}
		const key = groupBy === 'model' ? model.id : groupBy(g);
		const bucket = buckets.get(key) ?? { groups: [], modelIds: [] };
		bucket.groups.push(g);
		bucket.modelIds.push(model.id);
		buckets.set(key, bucket);
	}
	if (left.length) notes.push(`Left out: ${left.join(', ')} (not on the sheet ${sheet.id}; map each to a model to include it).`);

	const workloads: ImportedWorkload[] = [];
	for (const [key, { groups, modelIds }] of buckets) {
		const name = groupBy === 'model' ? (sheet.models.find((m) => m.id === key)?.name ?? key) : key;
		const countsKnown = groups.every((g) => g.rowsWithoutRequests === 0);
		const given = options.requestCounts && Object.hasOwn(options.requestCounts, key) ? options.requestCounts[key] : undefined;
		const requests = countsKnown ? groups.reduce((s, g) => s + g.requests, 0) : given;
		if (requests === undefined || !(requests > 0)) {
			notes.push(
				`${name}: left out, because the data gives no request counts (the Admin usage report does not): give its number of requests to include it.`
			);
			continue;
		}
		// How much of the workload each group is: its requests, or its tokens when counts came from outside.
		const weightOf = (g: UsageGroup) =>
			countsKnown ? g.requests : g.tokens.uncachedInput + g.tokens.cacheWrite5m + g.tokens.cacheWrite1h + g.tokens.cacheRead + g.tokens.output;
		const totalWeight = groups.reduce((s, g) => s + weightOf(g), 0) || 1;
		if (!countsKnown) notes.push(`${name}: ${count(requests)} requests as given; the mix, batch and fast shares follow each group's share of the tokens.`);

		const sum = (f: (g: UsageGroup) => number) => groups.reduce((s, g) => s + f(g), 0);
		const uncached = sum((g) => g.tokens.uncachedInput);
		const write5m = sum((g) => g.tokens.cacheWrite5m);
		const write1h = sum((g) => g.tokens.cacheWrite1h);
		const reads = sum((g) => g.tokens.cacheRead);
		const output = sum((g) => g.tokens.output);
		const searches = sum((g) => g.tokens.webSearches);
		const unsplit = sum((g) => g.tokens.creationWithoutSplit);
		const writes = write5m + write1h;

		let perMonth = requests;
		if (summary.days !== null) {
			perMonth = (requests * DAYS_PER_MONTH) / summary.days;
			notes.push(`${name}: ${count(requests)} requests in ${round(summary.days, 2)} days, scaled to a month of ${DAYS_PER_MONTH} days: ${count(perMonth)}.`);
			if (summary.days < 1) notes.push(`${name}: the data covers less than a day, so the monthly figure assumes that pace all month.`);
		} else {
			notes.push(`${name}: the data has no dates, so its ${count(requests)} requests are taken as one month.`);
		}

		const weights = new Map<string, number>();
		groups.forEach((g, i) => {
			const id = modelIds[i] as string;
			weights.set(id, (weights.get(id) ?? 0) + weightOf(g));
		});
		const mixPercent = mixFromWeights(weights);
		const top = [...weights.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
		const topModel = sheet.models.find((m) => m.id === top);
		const tokenizers = new Set(modelIds.map((id) => sheet.models.find((m) => m.id === id)?.tokenizer));
		if (tokenizers.size > 1) notes.push(`${name}: its models count tokens on different tokenizers; the token counts are taken as counted on ${topModel?.tokenizer ?? 'legacy'}.`);

		const caching =
			writes + reads > 0
				? { ttl: (write1h > write5m ? '1h' : '5m') as Ttl, hitPercent: round((reads / (reads + writes)) * 100, 2) }
				: null;
		if (write5m > 0 && write1h > 0) {
			notes.push(`${name}: both TTLs wrote to the cache (${count(write5m)} tokens for 5 minutes, ${count(write1h)} for 1 hour); the workload takes ${caching?.ttl}, the one with most writes.`);
		}
		if (unsplit > 0) notes.push(`${name}: ${count(unsplit)} cache-write tokens had no 5m/1h split and count as 5-minute writes.`);

		const clampTokens = (n: number, what: string) => {
			if (n <= LIMITS.tokens) return Math.round(n);
			notes.push(`${name}: ${what} of ${count(n)} per request is above the calculator's ${count(LIMITS.tokens)}; it is capped.`);
			return LIMITS.tokens;
		};
		const inputTokens = clampTokens((uncached + writes + reads) / requests, 'input');
		const cachedPrefixTokens = Math.min(inputTokens, clampTokens((writes + reads) / requests, 'cached prefix'));
		const outputTokens = clampTokens(output / requests, 'output');
		if (caching && topModel && cachedPrefixTokens < topModel.minCacheTokens) {
			notes.push(
				`${name}: the average cached prefix (${count(cachedPrefixTokens)} tokens) is below ${topModel.name}'s minimum of ${count(topModel.minCacheTokens)}, so the calculator will not cache it.`
			);
		}

		const batchShare = sum((g) => (g.serviceTier === 'batch' ? weightOf(g) : 0)) / totalWeight;
		const fastShare = sum((g) => (g.speed === 'fast' ? weightOf(g) : 0)) / totalWeight;
		const today: ImportedSettings = {
			mixPercent,
			caching,
			batchPercent: round(batchShare * 100, 2),
			fastMode: fastShare > 0.5
		};
		workloads.push({
			name,
			kind: 'requests',
			requestsPerMonth: Math.min(LIMITS.requestsPerMonth, Math.round(perMonth)),
			inputTokens,
			cachedPrefixTokens,
			outputTokens,
			webSearchesPerRequest: round(searches / requests, 4),
			tokensCountedOn: topModel?.tokenizer ?? 'legacy',
			traffic: null,
			today,
			planned: { ...today, mixPercent: { ...mixPercent }, caching: caching ? { ...caching } : null, inputTrimPercent: 0, outputTrimPercent: 0 }
		});
	}
	return { workloads, notes };
}
