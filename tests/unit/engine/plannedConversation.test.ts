// A conversation workload turn by turn on its Planned main model (docs/pricing-model.md §5);
// figures from docs/caching-model.md §3.4 (§11.10 and §11.11, and Haiku 5.5 across its band).
import { describe, expect, it } from 'vitest';
import { computePlan } from '$lib/engine';
import { plannedConversation, seriesTurns } from '$lib/engine/plannedConversation';
import { emptyScenarioV2, neutralConversation } from '$lib/scenario/defaults';
import type { ConversationWorkload, ScenarioV2 } from '$lib/scenario/types';

/** §11.10: a coding agent on Sonnet 4.6 (10,000 conversations, 20 turns, S = 5,000, u = 800, o = 400, g = 30 s), counts on its own tokenizer. */
function agent(patch: (w: ConversationWorkload) => void = () => {}): { scenario: ScenarioV2; w: ConversationWorkload } {
	const w: ConversationWorkload = {
		...neutralConversation('Agent', 'sonnet-4-6'),
		conversationsPerMonth: 10_000,
		turnsPerConversation: 20,
		systemTokens: 5_000,
		inputTokensPerTurn: 800,
		outputTokensPerTurn: 400,
		secondsBetweenTurns: 30,
		tokensCountedOn: 'legacy'
	};
	w.planned.caching = { ttl: '5m', systemHitPercent: 90 };
	patch(w);
	return { scenario: { ...emptyScenarioV2(), workloads: [w] }, w };
}

describe('plannedConversation', () => {
	it('§11.10 and §11.11: prompts L_j = S + (j − 1)(u + o) + u; $1.152 uncached, $0.306381009 with 5-minute caching at h_s = 90 %', () => {
		const { scenario, w } = agent();
		const c = plannedConversation(scenario, w);
		expect(c?.turns.map((t) => t.promptTokens).slice(0, 5)).toEqual([5_800, 7_000, 8_200, 9_400, 10_600]);
		expect(c?.turns[19]?.promptTokens).toBe(5_000 + 19 * 1_200 + 800);
		expect(c?.uncached.reduce((s, t) => s + t.cost, 0)).toBeCloseTo(1.152, 12);
		expect(c?.turns.reduce((s, t) => s + t.cost, 0)).toBeCloseTo(0.306381009, 9);
		expect(c?.ttl).toBe('5m');
		expect(c?.systemHitSource).toBe('typed');
		expect(c?.systemHitRatio).toEqual({ '5m': 0.9, '1h': 0.9 });
		expect(c?.bandStart).toBeNull();
		// The same month as computePlan's Planned: 10,000 × $0.306381009 = $3,063.81
		expect(computePlan(scenario).planned).toBeCloseTo(3_063.81009, 4);
	});

	it('turn 1 reads h_s × S and writes the rest (docs/caching-model.md §3.4)', () => {
		const { scenario, w } = agent();
		const first = plannedConversation(scenario, w)?.turns[0];
		expect(first?.readTokens).toBeCloseTo(4_500, 9);
		expect(first?.writtenTokens).toBeCloseTo(1_300, 9);
	});

	it('the series reaches twice the workload length (20 to 1,000 turns), and its uncached line is quadratic', () => {
		expect(seriesTurns(8)).toBe(20);
		expect(seriesTurns(20)).toBe(40);
		expect(seriesTurns(700)).toBe(1000);
		const { scenario, w } = agent();
		const s = plannedConversation(scenario, w)?.series;
		expect(s?.turns).toHaveLength(40);
		// Σ L_j at 20 turns = 20 × 5,000 + 1,200 × 190 + 20 × 800 = 344,000
		expect(s?.promptTokens[19]).toBe(344_000);
		expect(s?.cost.none[19]).toBeCloseTo(1.152, 12);
	});

	it('without Planned caching: turns are priced uncached and h_s comes from Today, or is 0', () => {
		const { scenario, w } = agent((w) => {
			w.planned.caching = null;
			w.today.caching = { ttl: '1h', systemHitPercent: 40 };
		});
		const c = plannedConversation(scenario, w);
		expect(c?.ttl).toBeNull();
		expect(c?.turns.map((t) => t.cost)).toEqual(c?.uncached.map((t) => t.cost));
		expect(c?.systemHitRatio).toEqual({ '5m': 0.4, '1h': 0.4 });
		const none = agent((w) => {
			w.planned.caching = null;
		});
		expect(plannedConversation(none.scenario, none.w)?.systemHitSource).toBe('none');
	});

	it('from traffic: h_s per TTL with every turn on the model an arrival', () => {
		const { scenario, w } = agent((w) => {
			w.traffic = { distinctPrefixes: 1, activeHoursPerDay: 8, activeDaysPerMonth: 22 };
		});
		const c = plannedConversation(scenario, w);
		expect(c?.systemHitSource).toBe('traffic');
		// 200,000 turns a month: one miss a window of 9,090.9 turns
		expect(c?.systemHitRatio['5m']).toBeCloseTo(1 - 22 / 200_000, 9);
	});

	it('Haiku 5.5 across its band: turn 21 (103,000 tokens) is the first above 100,000', () => {
		const { scenario, w } = agent((w) => {
			w.planned.mixPercent = { 'haiku-5-5': 100 };
			w.today.mixPercent = { 'haiku-5-5': 100 };
			w.tokensCountedOn = '2026';
			w.systemTokens = 20_000;
			w.inputTokensPerTurn = 3_000;
			w.outputTokensPerTurn = 1_000;
			w.secondsBetweenTurns = 0;
			w.turnsPerConversation = 25;
		});
		const c = plannedConversation(scenario, w);
		expect(c?.bandStart).toEqual({ turn: 21, aboveTokens: 100_000 });
		// turn 20: read 95,000 × 0.01 + write 4,000 × 0.125 + 1,000 × 0.50 -> $0.00195; turn 21: $0.00995
		expect(c?.turns[19]?.cost).toBeCloseTo(0.00195, 12);
		expect(c?.turns[20]?.cost).toBeCloseTo(0.00995, 12);
	});

	it('a Planned mix is priced on its largest share, with Planned trims', () => {
		const { scenario, w } = agent((w) => {
			w.planned.mixPercent = { 'sonnet-4-6': 40, 'haiku-4-5': 60 };
			w.planned.inputTrimPercent = 10;
		});
		const c = plannedConversation(scenario, w);
		expect(c?.model.id).toBe('haiku-4-5');
		expect(c?.main).toEqual({ id: 'haiku-4-5', sharePercent: 60, isMix: true });
		expect(c?.shape.systemTokens).toBeCloseTo(4_500, 9);
		expect(c?.shape.outputTokensPerTurn).toBe(400);
	});

	it('is null for an empty Planned mix, and changes nothing', () => {
		const { scenario, w } = agent();
		const copy = structuredClone(scenario);
		plannedConversation(scenario, w);
		expect(scenario).toEqual(copy);
		const empty = agent((w) => {
			w.planned.mixPercent = {};
		});
		expect(plannedConversation(empty.scenario, empty.w)).toBeNull();
	});
});
