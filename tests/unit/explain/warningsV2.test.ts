// planWarnings: the warnings of a version-2 scenario, each once. Texts typed from the November
// sheet (Opus 5.5's note; Opus 4.5 deprecated, retiring 2027-01-22, legacy tokenizer:
// 6,000 tokens counted on the 2026 tokenizer are 6,000 / 1.3 = 4,615 on it).
import { describe, expect, it } from 'vitest';
import { planWarnings } from '$lib/explain/warningsV2';
import { emptyScenarioV2, neutralConversation, neutralWorkload } from '$lib/scenario/defaults';
import type { ScenarioV2, Workload } from '$lib/scenario/types';
import { customModel } from '../customModel';

const scenario = (...workloads: Workload[]): ScenarioV2 => ({ ...emptyScenarioV2(), workloads });

const OPUS_NOTE = { id: 'note-opus-5-5', level: 'info', text: 'Opus 5.5: Cache reads are 0.05x input.' } as const;
const BATCH = 'Batch API results can take up to 24 hours (most finish within one hour): batch only work that can wait.';

describe('planWarnings', () => {
	it('gives the warnings of one workload as they are, unnamed', () => {
		expect(planWarnings(scenario(neutralWorkload('A', 'opus-5-5')))).toStrictEqual([OPUS_NOTE]);
		const a = neutralWorkload('A', 'opus-5-5');
		expect(planWarnings(scenario({ ...a, planned: { ...a.planned, batchPercent: 50 } }))).toStrictEqual([
			{ id: 'w0-batch-latency', level: 'info', text: BATCH },
			OPUS_NOTE
		]);
	});

	it('names the workload when there are several, says scenario-wide warnings once, and reads every model of Today’s mix', () => {
		const a = neutralWorkload('A', 'opus-5-5');
		const b = neutralWorkload('B', 'opus-5-5');
		const s = scenario(
			{ ...a, planned: { ...a.planned, batchPercent: 50 } },
			{ ...b, today: { ...b.today, mixPercent: { 'opus-5-5': 60, 'opus-4-5': 40 } } }
		);
		expect(planWarnings(s)).toStrictEqual([
			{ id: 'w0-batch-latency', level: 'info', text: `A: ${BATCH}` },
			OPUS_NOTE,
			{
				id: 'deprecated-opus-4-5',
				level: 'warning',
				text: 'Opus 4.5 is deprecated and retires on 2027-01-22: requests to it will fail after that. The sheet suggests Opus 5.5 instead.'
			},
			{
				id: 'w1-tokenizer-scaling',
				level: 'info',
				text: 'B: Token counts are measured on Claude 4.7 and later; Opus 4.5 counts about 23.1 % fewer tokens for the same text, so their input, prefix and output are scaled by 0.77 (6,000 input tokens become 4,615). Turn off Adjust for tokenizer to price the counts as typed.'
			},
			{ id: 'note-opus-4-5', level: 'info', text: 'Opus 4.5: The retirement date (2027-01-22) is not confirmed by two independent sources.' }
		]);
	});

	it('says once per workload that conversations do not batch, and not for a single turn', () => {
		const chat = neutralConversation('Chat', 'opus-5-5');
		const noBatch = 'Conversations do not use the Batch API: each turn needs the answer to the one before, and batch results can take up to 24 hours.';
		expect(planWarnings(scenario(chat))).toStrictEqual([OPUS_NOTE, { id: 'w0-conversation-no-batch', level: 'info', text: noBatch }]);
		expect(planWarnings(scenario(neutralWorkload('A', 'opus-5-5'), chat))).toStrictEqual([
			OPUS_NOTE,
			{ id: 'w1-conversation-no-batch', level: 'info', text: `Chat: ${noBatch}` }
		]);
		expect(planWarnings(scenario({ ...chat, turnsPerConversation: 1 }))).toStrictEqual([OPUS_NOTE]);
	});

	it('keeps the first text of a scenario-wide warning that workloads word differently', () => {
		// US-only inference on: Opus 4.5 and Opus 4.1 do not offer it, each workload names its own.
		const s = { ...scenario(neutralWorkload('A', 'opus-4-5'), neutralWorkload('B', 'opus-4-1')), usOnlyInference: true };
		expect(planWarnings(s).find((w) => w.id === 'us-only-not-offered')?.text).toBe(
			'US-only inference is not offered on Opus 4.5: the API rejects it there, so it is priced at standard rates. Elsewhere every rate costs 1.1 ×.'
		);
	});

	it('keeps the first text of a workload’s warning that its Today models word differently', () => {
		// Planned on Haiku 4.5 (legacy tokenizer); Today on Opus 5.5 and Opus 4.5: the view from
		// Opus 5.5 scales Haiku 4.5 alone, the view from Opus 4.5 both legacy models.
		const w = neutralWorkload('A', 'opus-5-5');
		const s = scenario({ ...w, today: { ...w.today, mixPercent: { 'opus-5-5': 60, 'opus-4-5': 40 } }, planned: { ...w.planned, mixPercent: { 'haiku-4-5': 100 } } });
		expect(planWarnings(s).find((x) => x.id === 'w0-tokenizer-scaling')?.text).toBe(
			'Token counts are measured on Claude 4.7 and later; Haiku 4.5 counts about 23.1 % fewer tokens for the same text, so their input, prefix and output are scaled by 0.77 (6,000 input tokens become 4,615). Turn off Adjust for tokenizer to price the counts as typed.'
		);
	});

	it('treats warnings about a model whose id merely contains "note-" as the workload’s own', () => {
		const footnote = customModel('footnote-1', 'Footnote', {
			contextWindow: 1_000_000,
			bands: [{ abovePromptTokens: 1000, inputPerMTok: 2, cacheWrite5mPerMTok: 2.5, cacheWrite1hPerMTok: 4, cacheReadPerMTok: 0.2, outputPerMTok: 10 }]
		});
		const s = { ...scenario(neutralWorkload('A', 'footnote-1'), neutralWorkload('B', 'opus-5-5')), customModels: [footnote] };
		expect(planWarnings(s).map((w) => w.id)).toContain('w0-band-footnote-1');
	});

	it('does not mutate the scenario', () => {
		const s = scenario(neutralWorkload('A', 'opus-5-5'), neutralConversation('Chat', 'opus-4-5'));
		const copy = structuredClone(s);
		planWarnings(s);
		expect(s).toStrictEqual(copy);
	});
});
