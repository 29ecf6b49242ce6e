import type { ModelPrice } from '../pricing/schema';
import type { CacheTtl } from '../scenario/types';
import { requestRates } from './prices';
import { WEB_SEARCH_DOLLARS, cacheWriteRate, isCacheable, rateFactor, type CostBreakdown, type SheetFactors } from './requestCost';
import type { CacheMode } from './series';
import { TTL_MINUTES, trafficHitRatio, type Traffic } from './traffic';

/**
 * One conversation (docs/pricing-model.md §5). Token counts arrive already scaled to the
 * model's tokenizer and trimmed (the caller applies tokenizerScale and the trims).
 */
export interface ConversationShape {
	/** S: the fixed start every turn re-sends (system prompt, tools). */
	systemTokens: number;
	/** u: the new input each turn adds (user message, tool results). */
	inputTokensPerTurn: number;
	/** o: the answer each turn produces, which then stays in the history. */
	outputTokensPerTurn: number;
	/** N: turns per conversation, a whole number. */
	turns: number;
	/** g: mean seconds from one turn's request to the next one's; 0 = back to back. */
	secondsBetweenTurns: number;
	webSearchesPerTurn?: number;
}

export interface ConversationLevers {
	/** Prompt caching with a TTL and h_s, the chance (0..1) the shared system entry is warm; null when off. */
	caching: { ttl: CacheTtl; systemHitRatio: number } | null;
	fastMode?: boolean;
	usOnlyInference?: boolean;
}

/** One turn of a conversation: expected token counts (they are averages, so not whole numbers) and cost. */
export interface TurnCost {
	/** 1..N */
	turn: number;
	/** L_j: the whole prompt this turn sends. */
	promptTokens: number;
	readTokens: number;
	writtenTokens: number;
	/** Tokens billed at the input rate (all of L_j when the turn caches nothing, else 0). */
	plainTokens: number;
	/** True when L_j is above one of the model's bands, which then prices the whole turn. */
	banded: boolean;
	/** The turn's expected cost ($), searches included. */
	cost: number;
}

export interface ConversationCost {
	turns: TurnCost[];
	/** Expected dollars per conversation, by kind. */
	perConversation: CostBreakdown;
}

function checkShape(shape: ConversationShape): void {
	const counts = {
		systemTokens: shape.systemTokens,
		inputTokensPerTurn: shape.inputTokensPerTurn,
		outputTokensPerTurn: shape.outputTokensPerTurn,
		secondsBetweenTurns: shape.secondsBetweenTurns,
		webSearchesPerTurn: shape.webSearchesPerTurn ?? 0
	};
	for (const [name, value] of Object.entries(counts)) {
		if (!(value >= 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, 0 or more (got ${value})`);
	}
	if (!Number.isInteger(shape.turns) || shape.turns < 0) throw new RangeError(`turns must be a whole number, 0 or more (got ${shape.turns})`);
}

/**
 * The chance that turn j finds the previous turn's cache entry alive: the gap to it is
 * exponential with mean g seconds, and the entry lives T seconds after the previous request.
 *   p = 1 − e^(−T/g);  1 when g = 0
 * (conversationCost sets p = 0 on turn 1 and after a turn too short to be cached.)
 * Example: 5 minutes, g = 30 s: 1 − e^(−10) = 0.9999546.
 */
export function previousEntryAlive(ttl: CacheTtl, secondsBetweenTurns: number): number {
	if (!(secondsBetweenTurns >= 0)) throw new RangeError(`secondsBetweenTurns must be 0 or more (got ${secondsBetweenTurns})`);
	// g = 0 gives e^(−∞) = 0: p = 1, with no branch of its own.
	return -Math.expm1(-(TTL_MINUTES[ttl] * 60) / secondsBetweenTurns);
}

/**
 * The expected cost of one conversation, turn by turn (docs/pricing-model.md §5). Turn j sends
 *   L_j = S + (j − 1)(u + o) + u
 * and is priced on its own rates (its band, by L_j). With caching, and L_j at least the minimum:
 *   p = previousEntryAlive(ttl, g), or 0 on turn 1 or when L_(j−1) is below the minimum
 *   h_s = systemHitRatio, or 0 when S is below the minimum
 *   read  = p × L_(j−1) + (1 − p) × h_s × S
 *   write = p × (u + o) + (1 − p) × (L_j − h_s × S)
 * otherwise the turn pays L_j at the input rate. Each turn adds o output tokens; every rate
 * × rateFactor (fast mode, US-only; never batch: each turn waits for the one before), plus
 * searches × $0.01.
 * Example (§11.9, Sonnet 4.6, S = 2,000, u = 100, o = 50, 3 turns, g = 0, 5 minutes, h_s = 0):
 *   prompts 2,100, 2,250, 2,400; uncached $0.0225; cached
 *   (2,100 × 3.75 + 2,100 × 0.30 + 150 × 3.75 + 2,250 × 0.30 + 150 × 3.75 + 150 × 15) / 1e6 = $0.012555.
 */
export function conversationCost(model: ModelPrice, shape: ConversationShape, levers: ConversationLevers, factors: SheetFactors): ConversationCost {
	checkShape(shape);
	const { systemTokens: s, inputTokensPerTurn: u, outputTokensPerTurn: o, turns: n } = shape;
	const caching = levers.caching;
	if (caching && !(caching.systemHitRatio >= 0 && caching.systemHitRatio <= 1)) {
		throw new RangeError(`systemHitRatio must be between 0 and 1 (got ${caching.systemHitRatio}); pass a percentage / 100`);
	}
	const perMTok = rateFactor(model, { batchShare: 0, fastMode: levers.fastMode, usOnlyInference: levers.usOnlyInference }, factors) / 1e6;
	const searches = (shape.webSearchesPerTurn ?? 0) * WEB_SEARCH_DOLLARS;
	const alive = caching ? previousEntryAlive(caching.ttl, shape.secondsBetweenTurns) : 0;
	const systemHit = caching && isCacheable(model, s) ? caching.systemHitRatio : 0;

	const total: CostBreakdown = { plainInput: 0, cacheWrites: 0, cacheReads: 0, output: 0, webSearches: 0, total: 0 };
	const turns: TurnCost[] = [];
	for (let j = 1; j <= n; j++) {
		const prompt = s + (j - 1) * (u + o) + u;
		const previous = s + (j - 2) * (u + o) + u;
		const rates = requestRates(model, prompt);
		let plain = prompt;
		let read = 0;
		let written = 0;
		if (caching && isCacheable(model, prompt)) {
			const p = j > 1 && isCacheable(model, previous) ? alive : 0;
			plain = 0;
			read = p * previous + (1 - p) * systemHit * s;
			written = p * (prompt - previous) + (1 - p) * (prompt - systemHit * s);
		}
		const plainInput = plain * rates.inputPerMTok * perMTok;
		const cacheWrites = caching ? written * cacheWriteRate(caching.ttl, rates) * perMTok : 0;
		const cacheReads = read * rates.cacheReadPerMTok * perMTok;
		const output = o * rates.outputPerMTok * perMTok;
		const cost = plainInput + cacheWrites + cacheReads + output + searches;
		total.plainInput += plainInput;
		total.cacheWrites += cacheWrites;
		total.cacheReads += cacheReads;
		total.output += output;
		total.webSearches += searches;
		total.total += cost;
		turns.push({ turn: j, promptTokens: prompt, readTokens: read, writtenTokens: written, plainTokens: plain, banded: rates.band !== null, cost });
	}
	return { turns, perConversation: total };
}

/**
 * h_s from traffic (docs/pricing-model.md §4 and §5): every turn of every conversation on the
 * model refreshes the shared system entry, so every turn is an arrival.
 *   h_s = trafficHitRatio(turnsPerMonth, traffic, ttl),  turnsPerMonth = conversations × share × N
 * Example: 10,000 conversations of 20 turns, one system prompt, 8 hours, 22 days, 5 minutes:
 *   λ = 200,000 / (22 × 480) = 18.94 a minute, λW = 9,091, one miss a window: h_s = 99.989 %.
 */
export function systemHitRatioFromTraffic(turnsPerMonth: number, traffic: Traffic, ttl: CacheTtl): number {
	return trafficHitRatio(turnsPerMonth, traffic, ttl);
}

export interface ConversationSeries {
	/** x values: turns per conversation, 1..maxTurns. */
	turns: number[];
	/** The prompt tokens a conversation of that many turns sends in all (Σ L_j: quadratic in turns). */
	promptTokens: number[];
	/** y values per caching choice: expected cost ($) of one conversation of that many turns. */
	cost: Record<CacheMode, number[]>;
}

/**
 * Cost per conversation against its length, for no cache, 5-minute and 1-hour caching. Turn j
 * costs the same whatever the length, so a conversation of k turns costs the sum of the first
 * k turn costs; uncached, the prompts sum to
 *   Σ L_j = k × S + (u + o) × k(k − 1)/2 + k × u   (quadratic in k)
 * `systemHitRatio` is one h_s for both TTLs or one per TTL (from traffic, they differ).
 * Example (§11.10, Sonnet 4.6, S = 5,000, u = 800, o = 400): at 20 turns Σ L_j = 344,000 and
 *   the uncached conversation costs $1.152.
 */
export function conversationSeries(
	model: ModelPrice,
	shape: Omit<ConversationShape, 'turns'>,
	levers: { systemHitRatio: number | Readonly<Record<CacheTtl, number>>; fastMode?: boolean; usOnlyInference?: boolean },
	factors: SheetFactors,
	maxTurns = 50
): ConversationSeries {
	if (!Number.isInteger(maxTurns) || maxTurns < 1) throw new RangeError(`maxTurns must be a whole number, 1 or more (got ${maxTurns})`);
	const full = { ...shape, turns: maxTurns };
	const { fastMode, usOnlyInference } = levers;
	const hitOf = (ttl: CacheTtl) => (typeof levers.systemHitRatio === 'number' ? levers.systemHitRatio : levers.systemHitRatio[ttl]);
	const running = (mode: CacheMode) => {
		const caching = mode === 'none' ? null : { ttl: mode, systemHitRatio: hitOf(mode) };
		let sum = 0;
		return conversationCost(model, full, { caching, fastMode, usOnlyInference }, factors).turns.map((t) => (sum += t.cost));
	};
	let tokens = 0;
	const promptTokens = conversationCost(model, full, { caching: null }, factors).turns.map((t) => (tokens += t.promptTokens));
	return {
		turns: Array.from({ length: maxTurns }, (_, i) => i + 1),
		promptTokens,
		cost: { none: running('none'), '5m': running('5m'), '1h': running('1h') }
	};
}
