import type { ModelPrice, PriceSheet } from '../pricing/schema';
import { getModel } from '../pricing/sheets';
import type { CacheTtl, ConversationWorkload, ScenarioV2 } from '../scenario/types';
import { conversationCost, conversationSeries, systemHitRatioFromTraffic, type ConversationSeries, type ConversationShape, type TurnCost } from './conversation';
import { scenarioSheet } from './prices';
import { tokenizerScale } from './tokenizer';
import { largestShare, type MainModel } from './workloadCostLines';

/** Where the system prompt's hit ratio comes from. */
export type SystemHitSource = 'traffic' | 'typed' | 'none';

/** A conversation workload's Planned main model, turn by turn and against its length. */
export interface PlannedConversation {
	model: ModelPrice;
	main: MainModel;
	/** The shape on that model: tokens scaled to its tokenizer and trimmed as Planned. */
	shape: ConversationShape;
	/** h_s per TTL (0..1): from traffic, the typed Planned (or Today) ratio, or 0. */
	systemHitRatio: Readonly<Record<CacheTtl, number>>;
	systemHitSource: SystemHitSource;
	/** Planned's caching TTL, or null when Planned does not cache. */
	ttl: CacheTtl | null;
	/** Each turn with Planned's caching (expected tokens and cost), and without a cache. */
	turns: TurnCost[];
	uncached: TurnCost[];
	/** The first turn priced at a band's rates (its prompt above the band's threshold), or null. */
	bandStart: { turn: number; aboveTokens: number } | null;
	/** Cost per conversation against its length (no cache, 5 minutes, 1 hour), 1..maxTurns. */
	series: ConversationSeries;
}

/** The most turns the chart of cost against length shows. */
export const MAX_SERIES_TURNS = 1000;

/**
 * The longest conversation the chart shows: twice the workload's own length (so what a longer
 * conversation would cost is in sight), at least 20 turns, at most MAX_SERIES_TURNS.
 * Examples: 8 turns -> 20; 20 -> 40; 700 -> 1,000.
 */
export function seriesTurns(turnsPerConversation: number): number {
	return Math.min(MAX_SERIES_TURNS, Math.max(20, 2 * Math.round(turnsPerConversation)));
}

/**
 * The per-turn view of a conversation workload (docs/pricing-model.md §5) on its Planned main
 * model (the largest share of the Planned mix), with Planned's trims, fast mode and US-only:
 *   S = systemTokens × k × (1 − trimIn),  u = inputTokensPerTurn × k × (1 − trimIn),
 *   o = outputTokensPerTurn × k × (1 − trimOut),  L_j = S + (j − 1)(u + o) + u
 * h_s: from traffic when given (conversations × share × N turns a month on the model,
 * systemHitRatioFromTraffic, one per TTL); else Planned's typed ratio, or Today's when
 * Planned does not cache; else 0. The turns are priced with Planned's caching (none when it
 * is off) and without a cache; the series compares all three choices.
 * Example (§11.10: Sonnet 4.6, S = 5,000, u = 800, o = 400): turn 5 sends
 *   5,000 + 4 × 1,200 + 800 = 10,600 tokens.
 * Null when the Planned mix is empty.
 */
export function plannedConversation(scenario: ScenarioV2, w: ConversationWorkload, prices: PriceSheet = scenarioSheet(scenario)): PlannedConversation | null {
	const main = largestShare(w.planned.mixPercent);
	if (!main) return null;
	const model = getModel(prices, main.id);
	const scale = tokenizerScale(model, w.tokensCountedOn, prices.tokenizerRatio, scenario.adjustForTokenizer);
	const keepIn = scale * (1 - w.planned.inputTrimPercent / 100);
	const shape: ConversationShape = {
		systemTokens: w.systemTokens * keepIn,
		inputTokensPerTurn: w.inputTokensPerTurn * keepIn,
		outputTokensPerTurn: w.outputTokensPerTurn * scale * (1 - w.planned.outputTrimPercent / 100),
		turns: w.turnsPerConversation,
		secondsBetweenTurns: w.secondsBetweenTurns,
		webSearchesPerTurn: w.webSearchesPerTurn
	};
	const typed = w.planned.caching ?? w.today.caching;
	let systemHitRatio: Record<CacheTtl, number>;
	let systemHitSource: SystemHitSource;
	if (w.traffic) {
		const turnsOnModel = ((w.conversationsPerMonth * main.sharePercent) / 100) * w.turnsPerConversation;
		systemHitRatio = { '5m': systemHitRatioFromTraffic(turnsOnModel, w.traffic, '5m'), '1h': systemHitRatioFromTraffic(turnsOnModel, w.traffic, '1h') };
		systemHitSource = 'traffic';
	} else if (typed) {
		systemHitRatio = { '5m': typed.systemHitPercent / 100, '1h': typed.systemHitPercent / 100 };
		systemHitSource = 'typed';
	} else {
		systemHitRatio = { '5m': 0, '1h': 0 };
		systemHitSource = 'none';
	}
	const factors = { batch: prices.batchMultiplier, usOnlyInference: prices.usOnlyInferenceMultiplier };
	const levers = { fastMode: w.planned.fastMode, usOnlyInference: scenario.usOnlyInference };
	const ttl = w.planned.caching?.ttl ?? null;
	const turns = conversationCost(model, shape, { ...levers, caching: ttl ? { ttl, systemHitRatio: systemHitRatio[ttl] } : null }, factors).turns;
	const uncached = conversationCost(model, shape, { ...levers, caching: null }, factors).turns;
	const banded = turns.find((t) => t.banded);
	const band = banded ? [...(model.bands ?? [])].reverse().find((b) => banded.promptTokens > b.abovePromptTokens) : undefined;
	return {
		model,
		main,
		shape,
		systemHitRatio,
		systemHitSource,
		ttl,
		turns,
		uncached,
		bandStart: banded && band ? { turn: banded.turn, aboveTokens: band.abovePromptTokens } : null,
		series: conversationSeries(model, shape, { ...levers, systemHitRatio }, factors, seriesTurns(w.turnsPerConversation))
	};
}
