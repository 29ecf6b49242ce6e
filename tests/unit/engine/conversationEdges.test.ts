// Edges of conversation workloads (docs/pricing-model.md §5) the mutation report found
// untested: trims and tokenizer scaling in a month and in the per-turn view, fast mode and
// US-only there, the band a turn starts in when a model has two, and the input checks.
// Figures by hand; one-turn conversations keep the arithmetic short (turn 1 sends S + u).
import { describe, expect, it } from 'vitest';
import { conversationCost, conversationSeries, previousEntryAlive, type ConversationShape } from '$lib/engine';
import { conversationMonth } from '$lib/engine/conversationMonth';
import { plannedConversation } from '$lib/engine/plannedConversation';
import type { ModelPrice } from '$lib/pricing/schema';
import { getModel, getSheet } from '$lib/pricing/sheets';
import { emptyScenarioV2, neutralConversation } from '$lib/scenario/defaults';
import type { ConversationWorkload, ScenarioV2 } from '$lib/scenario/types';

const november = getSheet('anthropic-2026-11');
const FACTORS = { batch: 0.5, usOnlyInference: 1.1 };
const sonnet = getModel(november, 'sonnet-4-6'); // $3 in, $15 out, legacy tokenizer

/** 1,000 one-turn conversations of S = 1,000, u = 1,000, o = 1,000 tokens, uncached. */
function oneTurn(modelId: string, patch: Partial<ConversationWorkload> = {}): ConversationWorkload {
	return {
		...neutralConversation('Chat', modelId),
		conversationsPerMonth: 1000,
		turnsPerConversation: 1,
		systemTokens: 1000,
		inputTokensPerTurn: 1000,
		outputTokensPerTurn: 1000,
		secondsBetweenTurns: 0,
		webSearchesPerTurn: 0,
		tokensCountedOn: 'legacy',
		...patch
	};
}

describe('conversationMonth: trims and the tokenizer scale', () => {
	it('scale 2, input trimmed 50 %, output 20 %: 2,000 in and 1,600 out a conversation, $30 a month', () => {
		// S and u: 1,000 × 2 × 0.5 = 1,000 each; o: 1,000 × 2 × 0.8 = 1,600.
		// (2,000 × 3 + 1,600 × 15) / 1e6 = $0.03 a conversation; 1,000 of them: $30.
		const month = conversationMonth(oneTurn('sonnet-4-6'), { caching: null, fastMode: false, inputTrimPercent: 50, outputTrimPercent: 20 }, sonnet, 100, 2, false, FACTORS);
		expect(month.plainInput).toBeCloseTo(6, 12);
		expect(month.output).toBeCloseTo(24, 12);
		expect(month.total).toBeCloseTo(30, 12);
		expect(month.requests).toBe(1000);
	});
});

describe('plannedConversation: the per-turn view', () => {
	const scenarioOf = (w: ConversationWorkload, patch: Partial<ScenarioV2> = {}): ScenarioV2 => ({ ...emptyScenarioV2(), workloads: [w], ...patch });

	it('scales counts made on the 2026 tokenizer down by 1.3 on a legacy model, then trims', () => {
		const w = oneTurn('sonnet-4-6', { tokensCountedOn: '2026' });
		w.planned.inputTrimPercent = 50;
		w.planned.outputTrimPercent = 20;
		const c = plannedConversation(scenarioOf(w), w);
		// 1,000 / 1.3 = 769.2307692...; × 0.5 = 384.6153846...; × 0.8 = 615.3846153...
		expect(c?.shape.systemTokens).toBeCloseTo(384.6153846153846, 9);
		expect(c?.shape.inputTokensPerTurn).toBeCloseTo(384.6153846153846, 9);
		expect(c?.shape.outputTokensPerTurn).toBeCloseTo(615.3846153846154, 9);
	});

	it('prices Planned’s fast mode and US-only inference, cached or not (Opus 5.5: $4/$20, fast 2x, US-only 1.1x)', () => {
		const w = oneTurn('opus-5-5', { tokensCountedOn: '2026' });
		w.today.mixPercent = { 'opus-5-5': 100 };
		w.planned.mixPercent = { 'opus-5-5': 100 };
		w.planned.fastMode = true;
		const c = plannedConversation(scenarioOf(w, { usOnlyInference: true }), w);
		// 2,000 × 8.80 + 1,000 × 44 = 61,600 per million: $0.0616.
		expect(c?.turns[0]?.cost).toBeCloseTo(0.0616, 12);
		expect(c?.uncached[0]?.cost).toBeCloseTo(0.0616, 12);
		const plain = plannedConversation(scenarioOf({ ...w, planned: { ...w.planned, fastMode: false } }), { ...w, planned: { ...w.planned, fastMode: false } });
		// 2,000 × 4 + 1,000 × 20 = 28,000 per million.
		expect(plain?.turns[0]?.cost).toBeCloseTo(0.028, 12);
	});

	it('with two bands, a turn starts in the highest band its prompt is above (exactly at a threshold is below it)', () => {
		const base = getModel(november, 'haiku-5-5');
		const band = base.bands![0]!;
		const twoBands: ModelPrice = {
			...base,
			id: 'custom-1',
			name: 'Two bands',
			bands: [
				{ ...band, abovePromptTokens: 50_000 },
				{ ...band, abovePromptTokens: 100_000 }
			]
		};
		const at = (prompt: number) => {
			const w = oneTurn('custom-1', { tokensCountedOn: '2026', systemTokens: prompt - 1000 });
			return plannedConversation(scenarioOf(w, { customModels: [twoBands] }), w)?.bandStart;
		};
		// Turn 1 sends S + u.
		expect(at(100_000)).toEqual({ turn: 1, aboveTokens: 50_000 });
		expect(at(100_001)).toEqual({ turn: 1, aboveTokens: 100_000 });
		expect(at(50_000)).toBeNull();
	});
});

describe('conversation input checks', () => {
	const shape: ConversationShape = { systemTokens: 100, inputTokensPerTurn: 10, outputTokensPerTurn: 10, turns: 2, secondsBetweenTurns: 0 };

	it('refuses negative turns, gaps and hit ratios, with the value in the message', () => {
		expect(() => conversationCost(sonnet, { ...shape, turns: -1 }, { caching: null }, FACTORS)).toThrow(new RangeError('turns must be a whole number, 0 or more (got -1)'));
		expect(() => previousEntryAlive('5m', -1)).toThrow(new RangeError('secondsBetweenTurns must be 0 or more (got -1)'));
		expect(() => previousEntryAlive('5m', Number.NaN)).toThrow(RangeError);
		expect(() => conversationCost(sonnet, shape, { caching: { ttl: '5m', systemHitRatio: -0.1 } }, FACTORS)).toThrow(
			new RangeError('systemHitRatio must be between 0 and 1 (got -0.1); pass a percentage / 100')
		);
		expect(() => conversationCost(sonnet, shape, { caching: { ttl: '5m', systemHitRatio: 1.1 } }, FACTORS)).toThrow(RangeError);
	});

	it('a gap of 0 seconds always finds the previous entry; one turn is the shortest series', () => {
		expect(previousEntryAlive('5m', 0)).toBe(1);
		expect(previousEntryAlive('1h', 0)).toBe(1);
		expect(conversationSeries(sonnet, shape, { systemHitRatio: 0 }, FACTORS, 1).turns).toEqual([1]);
		expect(() => conversationSeries(sonnet, shape, { systemHitRatio: 0 }, FACTORS, 0)).toThrow(new RangeError('maxTurns must be a whole number, 1 or more (got 0)'));
	});
});
