import type { RequestWorkload, Scenario, ScenarioV2, Workload } from './types';

/** The model carrying most of a workload's Today traffic. */
export function mainTodayModel(w: Workload): string {
	return Object.entries(w.today.mixPercent).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * One request workload seen as a version-1 scenario: Today's main model as the baseline and
 * the Planned settings as the levers. What the per-workload charts and explanations read
 * (they were written for version 1, whose "all levers on" is Planned). A conversation
 * workload is seen with no prefix, so only what does not depend on caching applies.
 */
export function workloadAsV1(s: ScenarioV2, w: Workload): Scenario {
	const requests = w.kind === 'requests' ? (w as RequestWorkload) : null;
	const caching = w.planned.caching;
	return {
		version: 1,
		priceSheet: s.priceSheet,
		prices: s.prices,
		customModels: s.customModels,
		usOnlyInference: s.usOnlyInference,
		adjustForTokenizer: s.adjustForTokenizer,
		tokensCountedOn: w.tokensCountedOn,
		requestsPerMonth: requests ? requests.requestsPerMonth : 0,
		inputTokens: requests ? requests.inputTokens : 0,
		cachedPrefixTokens: requests && caching ? requests.cachedPrefixTokens : 0,
		outputTokens: requests ? requests.outputTokens : 0,
		webSearchesPerRequest: requests ? requests.webSearchesPerRequest : 0,
		baselineModel: mainTodayModel(w),
		mixPercent: w.planned.mixPercent,
		cacheHitPercent: caching ? ('hitPercent' in caching ? caching.hitPercent : caching.systemHitPercent) : 0,
		cacheTtl: caching?.ttl ?? '5m',
		batchPercent: requests ? requests.planned.batchPercent : 0,
		inputTrimPercent: w.planned.inputTrimPercent,
		outputTrimPercent: w.planned.outputTrimPercent
	};
}
