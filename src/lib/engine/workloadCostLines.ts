import type { ModelPrice, PriceSheet } from '../pricing/schema';
import { getModel } from '../pricing/sheets';
import type { RequestWorkload, ScenarioV2 } from '../scenario/types';
import { PLANNED, effectiveSettings, requestShapeOf } from './plan';
import { scenarioSheet } from './prices';
import { requestCost, type RequestShape } from './requestCost';
import { tokenizerScale } from './tokenizer';
import type { CostLines } from './ttlAdvice';

/** The model that carries the largest share of a mix (the first listed on a tie). */
export interface MainModel {
	id: string;
	/** Its share, 0..100. */
	sharePercent: number;
	/** True when the mix has more than one model with a share above 0. */
	isMix: boolean;
}

/**
 * The model with the largest share of a mix; on a tie the first listed. Shares of 0 do not
 * count as part of the mix. Null for an empty mix.
 * Example: { 'sonnet-4-6': 30, 'haiku-4-5': 70 } -> haiku-4-5 at 70 %, a mix.
 */
export function largestShare(mixPercent: Readonly<Record<string, number>>): MainModel | null {
	const shares = Object.entries(mixPercent).filter(([, share]) => share > 0);
	const first = shares[0];
	if (!first) return null;
	const [id, sharePercent] = shares.reduce((best, entry) => (entry[1] > best[1] ? entry : best), first);
	return { id, sharePercent, isMix: shares.length > 1 };
}

/** The cost lines of a request workload's Planned main model, and what they describe. */
export interface WorkloadCostLines {
	model: ModelPrice;
	main: MainModel;
	/** The requests a month that model serves: requestsPerMonth × share. */
	requests: number;
	/** One request on that model: tokens scaled to its tokenizer and trimmed as Planned. */
	shape: RequestShape;
	/** One request's cost ($) without a cache, and with each TTL at hit ratio 0 and 1. */
	lines: CostLines;
}

/**
 * The cost lines of TTL advice (docs/pricing-model.md §4, "TTL advice") for a request
 * workload, on its Planned main model (the largest share of the Planned mix: caches are per
 * model, so the advice is too) with every other Planned setting in force (trims, batch share,
 * fast mode, US-only, the tokenizer scale), exactly as computePlan prices Planned:
 *   none        = requestCost(no caching)
 *   t.atZero    = requestCost(caching t, h = 0)     t = 5 minutes, 1 hour
 *   t.atOne     = requestCost(caching t, h = 1)
 * Example (§11.5 with 40 % batch: Sonnet 4.6, 13,500 in of which 12,000 cached, 800 out, rate
 *   factor 0.6 + 0.4 × 0.5 = 0.8): none 0.0525 × 0.8 = $0.042; 5 minutes $0.0492 -> $0.01608;
 *   1 hour $0.0708 -> $0.01608.
 * Null when the Planned mix is empty.
 */
export function workloadCostLines(scenario: ScenarioV2, w: RequestWorkload, prices: PriceSheet = scenarioSheet(scenario)): WorkloadCostLines | null {
	const main = largestShare(w.planned.mixPercent);
	if (!main) return null;
	const model = getModel(prices, main.id);
	const settings = effectiveSettings(w, PLANNED);
	const scale = tokenizerScale(model, w.tokensCountedOn, prices.tokenizerRatio, scenario.adjustForTokenizer);
	const shape = requestShapeOf(w, scale, settings.inputTrimPercent, settings.outputTrimPercent);
	const factors = { batch: prices.batchMultiplier, usOnlyInference: prices.usOnlyInferenceMultiplier };
	const at = (caching: { hitRatio: number; ttl: '5m' | '1h' } | null) =>
		requestCost(
			model,
			shape,
			{ caching, batchShare: settings.batchPercent / 100, fastMode: settings.fastMode, usOnlyInference: scenario.usOnlyInference },
			factors
		).total;
	return {
		model,
		main,
		requests: (w.requestsPerMonth * main.sharePercent) / 100,
		shape,
		lines: {
			none: at(null),
			'5m': { atZero: at({ hitRatio: 0, ttl: '5m' }), atOne: at({ hitRatio: 1, ttl: '5m' }) },
			'1h': { atZero: at({ hitRatio: 0, ttl: '1h' }), atOne: at({ hitRatio: 1, ttl: '1h' }) }
		}
	};
}
