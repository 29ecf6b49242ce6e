import type { ModelPrice, PriceSheet } from '../pricing/schema';
import { getModel } from '../pricing/sheets';
import type { Scenario } from '../scenario/types';
import { ALL_LEVERS, type LeverSet } from './levers';
import { scenarioSheet } from './prices';
import { requestCost, type CostBreakdown, type RequestLevers, type RequestShape } from './requestCost';
import { tokenizerScale } from './tokenizer';

/** One model's part of a month: its share of traffic and what it costs. */
export interface ModelCost extends CostBreakdown {
	model: ModelPrice;
	sharePercent: number;
	requests: number;
	/** Token counts of one request on this model (scaled to its tokenizer, trimmed). */
	shape: RequestShape;
	/** Cost of one of this model's requests (the monthly figures are this times `requests`). */
	perRequest: CostBreakdown;
}

export interface MonthlyCost extends CostBreakdown {
	models: ModelCost[];
}

/** The mix in force: the scenario's mix with routing on, all traffic on the baseline model without. */
export function activeMix(scenario: Scenario, levers: LeverSet): Record<string, number> {
	return levers.routing ? scenario.mixPercent : { [scenario.baselineModel]: 100 };
}

/**
 * Token counts of one request as measured, trimmed when the trimming lever is on (a trimmed
 * prefix shrinks with the input). `scale` converts them to a model's tokenizer (modelShape).
 */
export function requestShape(scenario: Scenario, levers: LeverSet, scale = 1): RequestShape {
	const keepIn = levers.trimming ? 1 - scenario.inputTrimPercent / 100 : 1;
	const keepOut = levers.trimming ? 1 - scenario.outputTrimPercent / 100 : 1;
	return {
		input: scenario.inputTokens * scale * keepIn,
		prefix: Math.min(scenario.cachedPrefixTokens, scenario.inputTokens) * scale * keepIn,
		output: scenario.outputTokens * scale * keepOut,
		webSearches: scenario.webSearchesPerRequest
	};
}

/** One request of the scenario on this model: token counts scaled to the model's tokenizer (docs/pricing-model.md §2). */
export function modelShape(scenario: Scenario, levers: LeverSet, model: ModelPrice, sheet: PriceSheet): RequestShape {
	const scale = tokenizerScale(model, scenario.tokensCountedOn, sheet.tokenizerRatio, scenario.adjustForTokenizer);
	return requestShape(scenario, levers, scale);
}

/** Caching, batch and US-only settings of one request under a lever set. */
export function requestLevers(scenario: Scenario, levers: LeverSet): RequestLevers {
	return {
		caching: levers.caching ? { hitRatio: scenario.cacheHitPercent / 100, ttl: scenario.cacheTtl } : null,
		batchShare: levers.batch ? scenario.batchPercent / 100 : 0,
		usOnlyInference: scenario.usOnlyInference
	};
}

/**
 * The monthly bill with the given levers on, per model and in total.
 *   monthly = requests x sum over the mix of share x requestCost(model)
 * Example (guide sheet): 1,000 requests on Sonnet 4.6, 2,000 in and 500 out, no levers: $13.50.
 */
export function monthlyCost(scenario: Scenario, levers: LeverSet = ALL_LEVERS, sheet?: PriceSheet): MonthlyCost {
	const prices = scenarioSheet(scenario, sheet);
	const settings = requestLevers(scenario, levers);
	const factors = { batch: prices.batchMultiplier, usOnlyInference: prices.usOnlyInferenceMultiplier };
	const models = Object.entries(activeMix(scenario, levers))
		.filter(([, share]) => share > 0)
		.map(([id, sharePercent]): ModelCost => {
			const model = getModel(prices, id);
			const shape = modelShape(scenario, levers, model, prices);
			const perRequest = requestCost(model, shape, settings, factors);
			const requests = (scenario.requestsPerMonth * sharePercent) / 100;
			return { model, sharePercent, requests, shape, perRequest, ...scale(perRequest, requests) };
		});
	return { models, ...sum(models) };
}

function scale(c: CostBreakdown, k: number): CostBreakdown {
	return {
		plainInput: c.plainInput * k,
		cacheWrites: c.cacheWrites * k,
		cacheReads: c.cacheReads * k,
		output: c.output * k,
		webSearches: c.webSearches * k,
		total: c.total * k
	};
}

/** Adds breakdowns field by field. */
export function sum(parts: readonly CostBreakdown[]): CostBreakdown {
	const total: CostBreakdown = { plainInput: 0, cacheWrites: 0, cacheReads: 0, output: 0, webSearches: 0, total: 0 };
	for (const p of parts) {
		total.plainInput += p.plainInput;
		total.cacheWrites += p.cacheWrites;
		total.cacheReads += p.cacheReads;
		total.output += p.output;
		total.webSearches += p.webSearches;
		total.total += p.total;
	}
	return total;
}
