import type { RequestCaching, Workload } from '../scenario/types';
import { trafficHitRatio } from './traffic';

/**
 * The hit ratio (0..1) of a request workload's caching on one model: the typed one, or, when
 * the workload gives its traffic, the one that follows from the requests that model serves
 * (docs/pricing-model.md §4; each model has its own cache, so routing a share elsewhere
 * lowers the hit ratio on both).
 * Example: 12 requests an hour on one prefix around the clock, 5-minute TTL: 63.21 %.
 */
export function workloadHitRatio(w: Workload, caching: RequestCaching, requestsOnModel: number): number {
	return w.traffic ? trafficHitRatio(requestsOnModel, w.traffic, caching.ttl) : caching.hitPercent / 100;
}
