// Conversation workloads (docs/pricing-model.md §5) and the worked examples §11.9 to §11.11,
// on the shipped sheet anthropic-2026-11. Every expected figure is the spec's hand arithmetic
// or hand arithmetic written out beside it.
import { describe, expect, it } from 'vitest';
import {
	conversationCost,
	conversationSeries,
	previousEntryAlive,
	systemHitRatioFromTraffic,
	trafficHitRatio,
	type ConversationShape
} from '$lib/engine';
import { getModel, getSheet } from '$lib/pricing/sheets';

const november = getSheet('anthropic-2026-11');
const FACTORS = { batch: november.batchMultiplier, usOnlyInference: november.usOnlyInferenceMultiplier };
const sonnet = getModel(november, 'sonnet-4-6');
const haiku = getModel(november, 'haiku-5-5');

/** §11.9: 3 turns, S = 2,000, u = 100, o = 50, g = 0. */
const SHORT: ConversationShape = { systemTokens: 2000, inputTokensPerTurn: 100, outputTokensPerTurn: 50, turns: 3, secondsBetweenTurns: 0 };
/** §11.10 and §11.11: a coding agent, 20 turns, S = 5,000, u = 800, o = 400, g = 30 s. */
const AGENT: ConversationShape = { systemTokens: 5000, inputTokensPerTurn: 800, outputTokensPerTurn: 400, turns: 20, secondsBetweenTurns: 30 };

describe('§11.9 a short conversation on Sonnet 4.6', () => {
	it('sends prompts of 2,100, 2,250 and 2,400 tokens', () => {
		const { turns } = conversationCost(sonnet, SHORT, { caching: null }, FACTORS);
		expect(turns.map((t) => t.promptTokens)).toEqual([2100, 2250, 2400]);
	});

	it('without caching: ((2,100 + 2,250 + 2,400) × $3 + 150 × $15) / 1e6 = $0.0225', () => {
		const { turns, perConversation } = conversationCost(sonnet, SHORT, { caching: null }, FACTORS);
		expect(perConversation.total).toBeCloseTo(0.0225, 12);
		expect(perConversation.plainInput).toBeCloseTo(0.02025, 12);
		expect(perConversation.output).toBeCloseTo(0.00225, 12);
		expect(turns.map((t) => t.plainTokens)).toEqual([2100, 2250, 2400]);
		expect(turns.every((t) => t.readTokens === 0 && t.writtenTokens === 0)).toBe(true);
	});

	it('with 5-minute caching, g = 0, h_s = 0: write 2,100; read 2,100 + write 150; read 2,250 + write 150 -> $0.012555', () => {
		const { turns, perConversation } = conversationCost(sonnet, SHORT, { caching: { ttl: '5m', systemHitRatio: 0 } }, FACTORS);
		expect(turns.map((t) => [t.readTokens, t.writtenTokens, t.plainTokens])).toEqual([
			[0, 2100, 0],
			[2100, 150, 0],
			[2250, 150, 0]
		]);
		// 7,875; 630 + 562.5; 675 + 562.5 (input, per million), plus 50 × 15 = 750 output each turn.
		expect(turns.map((t) => t.cost)).toEqual([expect.closeTo(0.008625, 12), expect.closeTo(0.0019425, 12), expect.closeTo(0.0019875, 12)]);
		expect(perConversation.cacheWrites).toBeCloseTo((2100 + 300) * 3.75e-6, 12);
		expect(perConversation.cacheReads).toBeCloseTo((2100 + 2250) * 0.3e-6, 12);
		expect(perConversation.total).toBeCloseTo(0.012555, 12);
	});
});

describe('§11.10 and §11.11 a coding agent on Sonnet 4.6, 10,000 conversations a month', () => {
	it('without caching: Σ L_j = 344,000, $1.152 a conversation, $11,520.00 a month', () => {
		const { turns, perConversation } = conversationCost(sonnet, AGENT, { caching: null }, FACTORS);
		expect(turns.reduce((s, t) => s + t.promptTokens, 0)).toBe(344_000);
		expect(turns[19]!.promptTokens).toBe(5800 + 1200 * 19);
		expect(perConversation.total).toBeCloseTo(1.152, 12);
		expect((10_000 * perConversation.total).toFixed(2)).toBe('11520.00');
	});

	it('5-minute caching, h_s = 90 %: 6,225 + 180,120 + 0.0000453999 × 793,155 -> $0.306381009, $3,063.81 a month, 73.40 %', () => {
		const { turns, perConversation } = conversationCost(sonnet, AGENT, { caching: { ttl: '5m', systemHitRatio: 0.9 } }, FACTORS);
		// Turn 1 (p = 0): 0.9 × (1,500 + 3,000) + 0.1 × 5,800 × 3.75 = 6,225 per million.
		expect(turns[0]!.cost - 400 * 15e-6).toBeCloseTo(0.006225, 12);
		expect(turns[0]).toMatchObject({ readTokens: 4500, writtenTokens: 1300, plainTokens: 0 });
		expect(perConversation.total).toBeCloseTo(0.306381009, 9);
		const monthly = 10_000 * perConversation.total;
		expect(monthly.toFixed(2)).toBe('3063.81');
		expect((((11_520 - monthly) / 11_520) * 100).toFixed(2)).toBe('73.40');
	});

	it('p = 1 − e^(−300/30) = 1 − 0.0000453999', () => {
		expect(1 - previousEntryAlive('5m', 30)).toBeCloseTo(0.0000453999, 10);
		expect(previousEntryAlive('1h', 0)).toBe(1);
		expect(previousEntryAlive('1h', 3600)).toBeCloseTo(1 - Math.exp(-1), 12);
	});
});

describe('the turn rules of §5', () => {
	it('turn 1 never reads its own history: p = 0 whatever the gap', () => {
		const { turns } = conversationCost(sonnet, { ...SHORT, turns: 1 }, { caching: { ttl: '1h', systemHitRatio: 0 } }, FACTORS);
		expect(turns[0]).toMatchObject({ readTokens: 0, writtenTokens: 2100 });
	});

	it('an expired entry falls back to the system part with probability h_s', () => {
		// g huge: p ≈ 0. Turn 2 reads S = 2,000 with probability 0.4 and writes the rest of L_2.
		const shape = { ...SHORT, secondsBetweenTurns: 1e12 };
		const { turns } = conversationCost(sonnet, shape, { caching: { ttl: '5m', systemHitRatio: 0.4 } }, FACTORS);
		expect(turns[1]!.readTokens).toBeCloseTo(0.4 * 2000, 6);
		expect(turns[1]!.writtenTokens).toBeCloseTo(2250 - 0.4 * 2000, 6);
	});

	it('a system part below the minimum is never warm (h_s = 0), but the grown history still caches', () => {
		// S = 500 < 1,024 on Sonnet 4.6; u = 600 makes L_1 = 1,100 cacheable.
		const shape = { systemTokens: 500, inputTokensPerTurn: 600, outputTokensPerTurn: 100, turns: 2, secondsBetweenTurns: 0 };
		const { turns } = conversationCost(sonnet, shape, { caching: { ttl: '5m', systemHitRatio: 1 } }, FACTORS);
		expect(turns[0]).toMatchObject({ promptTokens: 1100, readTokens: 0, writtenTokens: 1100 });
		expect(turns[1]).toMatchObject({ promptTokens: 1800, readTokens: 1100, writtenTokens: 700 });
	});

	it('a turn below the minimum caches nothing and pays L_j at the input rate; the next turn then cannot read it', () => {
		// L_1 = 600 + 300 = 900 < 1,024: plain. L_2 = 900 + 400 = 1,300: cacheable, but p = 0 (nothing was cached).
		const shape = { systemTokens: 600, inputTokensPerTurn: 300, outputTokensPerTurn: 100, turns: 3, secondsBetweenTurns: 0 };
		const { turns } = conversationCost(sonnet, shape, { caching: { ttl: '5m', systemHitRatio: 0 } }, FACTORS);
		expect(turns[0]).toMatchObject({ promptTokens: 900, plainTokens: 900, readTokens: 0, writtenTokens: 0 });
		expect(turns[0]!.cost).toBeCloseTo((900 * 3 + 100 * 15) / 1e6, 12);
		expect(turns[1]).toMatchObject({ promptTokens: 1300, plainTokens: 0, readTokens: 0, writtenTokens: 1300 });
		expect(turns[2]).toMatchObject({ promptTokens: 1700, readTokens: 1300, writtenTokens: 400 });
	});

	it('fast mode and US-only multiply every rate; searches cost $0.01 each on top, untouched', () => {
		const opus = getModel(november, 'opus-5-5');
		const shape = { ...SHORT, webSearchesPerTurn: 2 };
		const plain = conversationCost(opus, SHORT, { caching: { ttl: '5m', systemHitRatio: 0 } }, FACTORS).perConversation.total;
		const both = conversationCost(opus, shape, { caching: { ttl: '5m', systemHitRatio: 0 }, fastMode: true, usOnlyInference: true }, FACTORS).perConversation;
		expect(both.webSearches).toBeCloseTo(0.06, 12);
		expect(both.total).toBeCloseTo(plain * 2 * 1.1 + 0.06, 12);
		// Sonnet 4.6 has no fast mode: billed at its normal rates.
		const sonnetFast = conversationCost(sonnet, SHORT, { caching: null, fastMode: true }, FACTORS).perConversation.total;
		expect(sonnetFast).toBeCloseTo(0.0225, 12);
	});

	it('0 turns cost nothing; bad shapes say how to fix the call', () => {
		expect(conversationCost(sonnet, { ...SHORT, turns: 0 }, { caching: null }, FACTORS).perConversation.total).toBe(0);
		expect(() => conversationCost(sonnet, { ...SHORT, turns: 2.5 }, { caching: null }, FACTORS)).toThrow(/turns must be a whole number/);
		expect(() => conversationCost(sonnet, { ...SHORT, systemTokens: -1 }, { caching: null }, FACTORS)).toThrow(/systemTokens/);
		expect(() => conversationCost(sonnet, SHORT, { caching: { ttl: '5m', systemHitRatio: 90 } }, FACTORS)).toThrow(/percentage \/ 100/);
	});

	it('does not mutate its arguments', () => {
		const shape = Object.freeze({ ...AGENT });
		const levers = Object.freeze({ caching: Object.freeze({ ttl: '5m' as const, systemHitRatio: 0.9 }) });
		conversationCost(sonnet, shape, levers, FACTORS);
		expect(shape).toEqual(AGENT);
		expect(levers.caching.systemHitRatio).toBe(0.9);
	});
});

describe('bands per turn: Haiku 5.5 crossing 100,000 prompt tokens', () => {
	// S = 20,000, u = 3,000, o = 1,000: L_j = 23,000 + 4,000 (j − 1). L_20 = 99,000, L_21 = 103,000.
	const shape = { systemTokens: 20_000, inputTokensPerTurn: 3000, outputTokensPerTurn: 1000, turns: 30, secondsBetweenTurns: 0 };

	it('turns 1 to 20 at base rates, from turn 21 on at the band rates', () => {
		const { turns } = conversationCost(haiku, shape, { caching: { ttl: '5m', systemHitRatio: 0 } }, FACTORS);
		expect(turns.findIndex((t) => t.banded) + 1).toBe(21);
		expect(turns.slice(0, 20).every((t) => !t.banded)).toBe(true);
		expect(turns.slice(20).every((t) => t.banded)).toBe(true);
		// Turn 20: read 95,000 × $0.01 + write 4,000 × $0.125 + 1,000 out × $0.50 = 950 + 500 + 500.
		expect(turns[19]!.cost).toBeCloseTo(0.00195, 12);
		// Turn 21, the whole turn at band rates: 99,000 × $0.05 + 4,000 × $0.625 + 1,000 × $2.50 = 4,950 + 2,500 + 2,500.
		expect(turns[20]!.cost).toBeCloseTo(0.00995, 12);
	});

	it('without caching: turn 20 is 99,000 × $0.10 + 500 = $0.0104, turn 21 is 103,000 × $0.50 + 2,500 = $0.054', () => {
		const { turns } = conversationCost(haiku, shape, { caching: null }, FACTORS);
		expect(turns[19]!.cost).toBeCloseTo(0.0104, 12);
		expect(turns[20]!.cost).toBeCloseTo(0.054, 12);
	});
});

describe('systemHitRatioFromTraffic', () => {
	it('is the §4 hit ratio with every turn as an arrival: 10,000 × 20 turns, one system prompt, 8 h, 22 days', () => {
		const traffic = { distinctPrefixes: 1, activeHoursPerDay: 8, activeDaysPerMonth: 22 };
		const h = systemHitRatioFromTraffic(10_000 * 20, traffic, '5m');
		expect(h).toBe(trafficHitRatio(200_000, traffic, '5m'));
		// λW = 200,000 / 22 = 9,090.9 requests a window and one miss in each: 1 − 22 / 200,000.
		expect(h).toBeCloseTo(1 - 22 / 200_000, 9);
	});
});

describe('conversationSeries', () => {
	it('cost per conversation against its length; uncached prompts grow with the square of the turns', () => {
		const s = conversationSeries(sonnet, AGENT, { systemHitRatio: 0.9 }, FACTORS);
		expect(s.turns).toHaveLength(50);
		// Σ L_j = k × 5,000 + 1,200 × k(k − 1)/2 + k × 800.
		s.turns.forEach((k, i) => expect(s.promptTokens[i]).toBe(k * 5000 + (1200 * k * (k - 1)) / 2 + k * 800));
		expect(s.cost.none[19]).toBeCloseTo(1.152, 12);
		expect(s.cost['5m'][19]).toBeCloseTo(0.306381009, 9);
		// Second differences of the uncached line are constant (quadratic): 1,200 tokens × $3 per turn.
		const n = s.cost.none;
		expect(n[11]! - 2 * n[10]! + n[9]!).toBeCloseTo(1200 * 3e-6, 12);
		expect(n[41]! - 2 * n[40]! + n[39]!).toBeCloseTo(1200 * 3e-6, 12);
	});

	it('each point is the cost of a conversation of that many turns, per TTL h_s when given', () => {
		const hs = { '5m': 0.5, '1h': 0.8 };
		const s = conversationSeries(sonnet, AGENT, { systemHitRatio: hs }, FACTORS, 12);
		expect(s.turns).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
		for (const k of [1, 7, 12]) {
			const shape = { ...AGENT, turns: k };
			expect(s.cost['5m'][k - 1]).toBeCloseTo(conversationCost(sonnet, shape, { caching: { ttl: '5m', systemHitRatio: 0.5 } }, FACTORS).perConversation.total, 12);
			expect(s.cost['1h'][k - 1]).toBeCloseTo(conversationCost(sonnet, shape, { caching: { ttl: '1h', systemHitRatio: 0.8 } }, FACTORS).perConversation.total, 12);
		}
		expect(() => conversationSeries(sonnet, AGENT, { systemHitRatio: 0 }, FACTORS, 0)).toThrow(/maxTurns/);
	});
});
