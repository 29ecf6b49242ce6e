// The reasons beside savings-table rows of a version-2 plan that save nothing or add cost.
import { describe, expect, it } from 'vitest';
import { computePlan } from '$lib/engine';
import { planReasons } from '$lib/explain/planReasons';
import { emptyScenarioV2, neutralConversation, neutralWorkload } from '$lib/scenario/defaults';
import type { RequestWorkload, ScenarioV2 } from '$lib/scenario/types';

/** One request workload on Opus 5.5 (the November default), Planned as given. */
function plan(patch: Partial<RequestWorkload> = {}, planned: Partial<RequestWorkload['planned']> = {}): ScenarioV2 {
	const w = neutralWorkload('Assistant', 'opus-5-5');
	return { ...emptyScenarioV2(), workloads: [{ ...w, ...patch, planned: { ...w.planned, ...patch.planned, ...planned } }] };
}

const reasonsOf = (s: ScenarioV2) => planReasons(s, computePlan(s).rows);

const UNCHANGED = {
	'Model routing': 'No workload plans a different model mix from Today.',
	'Prompt caching': 'No workload plans different caching from Today.',
	'Batch API': 'No workload plans a different batch share from Today.',
	'Fast mode': 'No workload switches fast mode.',
	'Token optimization': 'Nothing is trimmed in Planned.'
};

describe('planReasons', () => {
	it('says for each lever that Planned does not change it', () => {
		expect(reasonsOf(plan())).toStrictEqual(UNCHANGED);
	});

	it('gives no reason for a lever that saves', () => {
		const s = plan({}, { mixPercent: { 'haiku-5-5': 100 }, caching: { ttl: '5m', hitPercent: 90 }, batchPercent: 50, inputTrimPercent: 10 });
		expect(reasonsOf(s)).toStrictEqual({ 'Fast mode': UNCHANGED['Fast mode'] });
	});

	it('explains each lever that adds cost', () => {
		const s = plan(
			{ today: { mixPercent: { 'opus-5-5': 100 }, caching: null, batchPercent: 50, fastMode: false } },
			// Fable 5.2 ($8/$40) dearer than Opus 5.5 ($4/$20); caching that never hits; less batch; fast mode on
			{ mixPercent: { 'fable-5-2': 100 }, caching: { ttl: '1h', hitPercent: 0 }, batchPercent: 0, fastMode: true }
		);
		expect(reasonsOf(s)).toStrictEqual({
			'Model routing':
				'The Planned mix costs more than Today’s models (on a model of the other tokenizer generation the same text also counts more tokens).',
			'Prompt caching': 'Caching as planned costs more than Today: below its break-even hit ratio, cache writes cost more than the reads save.',
			'Batch API': 'Less traffic goes through the Batch API than Today.',
			'Fast mode': 'Fast mode bills every rate at the model’s fast-mode factor (2x on Opus 5.5) outside batch.',
			'Token optimization': UNCHANGED['Token optimization']
		});
	});

	it('counts a lever as planned when any one workload plans it', () => {
		const a = neutralWorkload('A', 'opus-5-5');
		const changed = {
			...a,
			planned: { ...a.planned, mixPercent: { 'haiku-5-5': 100 }, caching: { ttl: '5m' as const, hitPercent: 90 }, batchPercent: 50, fastMode: true, inputTrimPercent: 10 }
		};
		const s: ScenarioV2 = { ...emptyScenarioV2(), workloads: [changed, neutralWorkload('B', 'opus-5-5')] };
		// Fast mode is switched on, but Haiku 5.5 has none: it changes nothing.
		expect(reasonsOf(s)).toStrictEqual({ 'Fast mode': 'This change costs what Today does.' });
	});

	it('a lever one workload plans that saves nothing costs what Today does, even beside a workload that does not plan it', () => {
		// A plans every lever but sends no requests; B plans nothing: every row saves exactly $0.
		const a = { ...neutralWorkload('A', 'opus-5-5'), requestsPerMonth: 0 };
		const quiet = {
			...a,
			planned: { ...a.planned, mixPercent: { 'haiku-5-5': 100 }, caching: { ttl: '5m' as const, hitPercent: 90 }, batchPercent: 50, fastMode: true, inputTrimPercent: 10 }
		};
		const s: ScenarioV2 = { ...emptyScenarioV2(), workloads: [quiet, neutralWorkload('B', 'opus-5-5')] };
		const same = 'This change costs what Today does.';
		expect(reasonsOf(s)).toStrictEqual({ 'Model routing': same, 'Prompt caching': same, 'Batch API': same, 'Fast mode': same, 'Token optimization': same });
		const outputOnly = { ...a, planned: { ...a.planned, outputTrimPercent: 10 } };
		expect(reasonsOf({ ...s, workloads: [outputOnly, neutralWorkload('B', 'opus-5-5')] })['Token optimization']).toBe(same);
	});

	it('counts trimming the output only as trimming', () => {
		expect(reasonsOf(plan({}, { outputTrimPercent: 10 }))).not.toHaveProperty('Token optimization');
	});

	it('says when a change costs what Today does', () => {
		// Caching without a prefix caches nothing; trimming a request of no tokens trims nothing
		// (its web searches still cost $0.01 each).
		const s = plan({ inputTokens: 0, cachedPrefixTokens: 0, outputTokens: 0, webSearchesPerRequest: 1 }, { caching: { ttl: '5m', hitPercent: 90 }, inputTrimPercent: 10 });
		const reasons = reasonsOf(s);
		expect(reasons['Prompt caching']).toBe('This change costs what Today does.');
		expect(reasons['Token optimization']).toBe('This change costs what Today does.');
	});

	it('gives no reasons on a $0 plan', () => {
		expect(reasonsOf(plan({ requestsPerMonth: 0 }))).toStrictEqual({});
		expect(planReasons(plan(), [])).toStrictEqual({});
	});

	it('reads a conversation workload: fast mode counts, it has no batch share', () => {
		const chat = neutralConversation('Chat', 'opus-5-5');
		const s: ScenarioV2 = { ...emptyScenarioV2(), workloads: [{ ...chat, planned: { ...chat.planned, fastMode: true } }] };
		expect(reasonsOf(s)).toStrictEqual({
			...UNCHANGED,
			'Fast mode': 'Fast mode bills every rate at the model’s fast-mode factor (2x on Opus 5.5) outside batch.'
		});
	});
});
