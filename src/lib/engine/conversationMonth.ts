import type { ModelPrice } from '../pricing/schema';
import type { ConversationWorkload } from '../scenario/types';
import type { CostBreakdown, SheetFactors } from './requestCost';

/** A conversation workload's month on one model (docs/pricing-model.md §5). */
export function conversationMonth(
	w: ConversationWorkload,
	settings: unknown,
	model: ModelPrice,
	sharePercent: number,
	scale: number,
	usOnlyInference: boolean,
	factors: SheetFactors
): CostBreakdown & { requests: number; hitRatio: number } {
	void [settings, model, scale, usOnlyInference, factors];
	const requests = (w.conversationsPerMonth * sharePercent) / 100;
	return { requests, hitRatio: 0, plainInput: 0, cacheWrites: 0, cacheReads: 0, output: 0, webSearches: 0, total: 0 };
}
