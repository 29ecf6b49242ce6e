import type { CacheTtl, Workload } from '../scenario/types';
import { trafficHitRatio } from './traffic';

/** The hit ratio (0..1) of each TTL on one model, or null when the model is not in that mix. */
export type HitRatioPair = Readonly<Record<CacheTtl, number>> | null;

/** One model's derived hit ratios, Today and Planned. */
export interface DerivedHitRatioRow {
	modelId: string;
	/** Its share of Today's and of Planned's mix (0..100; 0 when not in it). */
	share: { today: number; planned: number };
	today: HitRatioPair;
	planned: HitRatioPair;
}

/** Both TTLs' hit ratios for the arrivals one model sees a month. */
function pairFor(w: Workload & { traffic: NonNullable<Workload['traffic']> }, sharePercent: number): HitRatioPair {
	if (!(sharePercent > 0)) return null;
	const arrivals = w.kind === 'requests' ? (w.requestsPerMonth * sharePercent) / 100 : ((w.conversationsPerMonth * sharePercent) / 100) * w.turnsPerConversation;
	return { '5m': trafficHitRatio(arrivals, w.traffic, '5m'), '1h': trafficHitRatio(arrivals, w.traffic, '1h') };
}

/**
 * The hit ratios a workload's traffic earns on each model of its Today and Planned mixes,
 * with both TTLs (docs/pricing-model.md §4). Each model has its own cache, so it sees only
 * its share of the arrivals:
 *   requests:      arrivals = requestsPerMonth × share
 *   conversations: arrivals = conversationsPerMonth × share × turns (every turn refreshes the
 *                  system prompt's entry, so the ratio is the system prompt's, h_s of §5)
 *   h = trafficHitRatio(arrivals, traffic, ttl)
 * Models in order of first appearance, Today's mix first. Empty without traffic.
 * Example: 10,080 requests a month on one model, one prefix, 24 hours, 30 days (14 an hour):
 *   5 minutes 1 − e^(−14 × 5/60) = 68.86 %, 1 hour 1 − e^(−14) = 99.99992 %; routing half to
 *   another model gives each 7 an hour: 1 − e^(−7 × 5/60) = 44.22 % (5 minutes).
 */
export function derivedHitRatios(w: Workload): DerivedHitRatioRow[] {
	const traffic = w.traffic;
	if (!traffic) return [];
	const withTraffic = { ...w, traffic } as Workload & { traffic: typeof traffic };
	const ids = [...new Set([...Object.keys(w.today.mixPercent), ...Object.keys(w.planned.mixPercent)])];
	return ids
		.map((modelId) => {
			const today = w.today.mixPercent[modelId] ?? 0;
			const planned = w.planned.mixPercent[modelId] ?? 0;
			return { modelId, share: { today, planned }, today: pairFor(withTraffic, today), planned: pairFor(withTraffic, planned) };
		})
		.filter((row) => row.today !== null || row.planned !== null);
}
