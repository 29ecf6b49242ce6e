import type { ScenarioV1, ScenarioV2 } from './types';
import { PLAN_LEVERS } from './types';

/**
 * A version-1 scenario as version 2 (docs/pricing-model.md §9): one request workload whose
 * Today is all traffic on the baseline model with no caching, batch or fast mode, and whose
 * Planned is the mix, the caching, the batch share and the trims. Its savings table has
 * version 1's figures (Baseline is Today; the fast-mode row saves nothing).
 * Example: fromV1(DEFAULT_SCENARIO).workloads[0].today.mixPercent -> { 'opus-4-6': 100 }.
 */
export function fromV1(s: ScenarioV1): ScenarioV2 {
	return {
		version: 2,
		name: '',
		notes: '',
		priceSheet: s.priceSheet,
		prices: structuredClone(s.prices),
		customModels: structuredClone(s.customModels),
		usOnlyInference: s.usOnlyInference,
		adjustForTokenizer: s.adjustForTokenizer,
		leverOrder: [...PLAN_LEVERS],
		workloads: [
			{
				name: 'Workload 1',
				kind: 'requests',
				requestsPerMonth: s.requestsPerMonth,
				inputTokens: s.inputTokens,
				cachedPrefixTokens: s.cachedPrefixTokens,
				outputTokens: s.outputTokens,
				webSearchesPerRequest: s.webSearchesPerRequest,
				tokensCountedOn: s.tokensCountedOn,
				traffic: null,
				today: { mixPercent: { [s.baselineModel]: 100 }, caching: null, batchPercent: 0, fastMode: false },
				planned: {
					mixPercent: { ...s.mixPercent },
					caching: { ttl: s.cacheTtl, hitPercent: s.cacheHitPercent },
					batchPercent: s.batchPercent,
					fastMode: false,
					inputTrimPercent: s.inputTrimPercent,
					outputTrimPercent: s.outputTrimPercent
				}
			}
		]
	};
}
