import type { ModelPrice } from '../pricing/schema';
import type { ConversationCaching, ConversationWorkload } from '../scenario/types';
import { conversationCost, systemHitRatioFromTraffic } from './conversation';
import type { CostBreakdown, SheetFactors } from './requestCost';

/** The settings of a conversation workload in force (some levers at Planned). */
export interface ConversationInForce {
	caching: ConversationCaching | null;
	fastMode: boolean;
	inputTrimPercent: number;
	outputTrimPercent: number;
}

/**
 * A conversation workload's month on one model (docs/pricing-model.md §5): its share of the
 * conversations times the expected cost of one, with token counts scaled to the model's
 * tokenizer and trimmed (S and u by the input trim, o by the output trim). The system
 * prompt's hit ratio is typed, or follows from the traffic with every turn on the model an
 * arrival. `requests` counts turns.
 */
export function conversationMonth(
	w: ConversationWorkload,
	settings: ConversationInForce,
	model: ModelPrice,
	sharePercent: number,
	scale: number,
	usOnlyInference: boolean,
	factors: SheetFactors
): CostBreakdown & { requests: number; hitRatio: number } {
	const conversations = (w.conversationsPerMonth * sharePercent) / 100;
	const turns = conversations * w.turnsPerConversation;
	const keepIn = scale * (1 - settings.inputTrimPercent / 100);
	const caching = settings.caching;
	const hitRatio = caching ? (w.traffic ? systemHitRatioFromTraffic(turns, w.traffic, caching.ttl) : caching.systemHitPercent / 100) : 0;
	const { perConversation } = conversationCost(
		model,
		{
			systemTokens: w.systemTokens * keepIn,
			inputTokensPerTurn: w.inputTokensPerTurn * keepIn,
			outputTokensPerTurn: w.outputTokensPerTurn * scale * (1 - settings.outputTrimPercent / 100),
			turns: w.turnsPerConversation,
			secondsBetweenTurns: w.secondsBetweenTurns,
			webSearchesPerTurn: w.webSearchesPerTurn
		},
		{ caching: caching ? { ttl: caching.ttl, systemHitRatio: hitRatio } : null, fastMode: settings.fastMode, usOnlyInference },
		factors
	);
	const k = conversations;
	return {
		requests: turns,
		hitRatio,
		plainInput: perConversation.plainInput * k,
		cacheWrites: perConversation.cacheWrites * k,
		cacheReads: perConversation.cacheReads * k,
		output: perConversation.output * k,
		webSearches: perConversation.webSearches * k,
		total: perConversation.total * k
	};
}
