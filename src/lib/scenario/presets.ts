import { emptyScenarioV2, exampleScenarioV2, neutralConversation, neutralWorkload } from './defaults';
import type { ConversationWorkload, RequestWorkload, ScenarioV2 } from './types';

export interface Preset {
	label: string;
	description: string;
	scenario: ScenarioV2;
}

/** A scenario of one workload on the default (November 2026) sheet, at list prices. */
function one(name: string, workload: RequestWorkload | ConversationWorkload): ScenarioV2 {
	return { ...emptyScenarioV2(), name, workloads: [workload] };
}

function requests(name: string, patch: Partial<RequestWorkload>): RequestWorkload {
	return { ...neutralWorkload(name), ...patch };
}

/**
 * One-click scenarios on the current lineup at list prices and realistic scale, each from
 * Today to a Planned change. They stay on the default sheet.
 */
export const PRESETS: readonly Preset[] = [
	{
		label: 'Support triage: caching and batch',
		description: '300,000 requests a month on Sonnet 4.6 with a 12,000-token prefix: 5-minute caching at 90 % and 40 % through the Batch API.',
		scenario: exampleScenarioV2()
	},
	{
		label: 'Nightly reports through the Batch API',
		description: '20,000 reports a month on Sonnet 5.5, 8,000 input and 2,000 output tokens each, all moved to the Batch API at half price.',
		scenario: one(
			'Nightly reports',
			requests('Nightly reports', {
				requestsPerMonth: 20_000,
				inputTokens: 8000,
				cachedPrefixTokens: 0,
				outputTokens: 2000,
				today: { mixPercent: { 'sonnet-5-5': 100 }, caching: null, batchPercent: 0, fastMode: false },
				planned: { mixPercent: { 'sonnet-5-5': 100 }, caching: null, batchPercent: 100, fastMode: false, inputTrimPercent: 0, outputTrimPercent: 0 }
			})
		)
	},
	{
		label: 'Routing: most traffic to Haiku 5.5',
		description: '500,000 requests a month on Opus 5.5 today; planned 70 % Haiku 5.5, 25 % Sonnet 5.5, 5 % Opus 5.5.',
		scenario: one(
			'Assistant',
			requests('Assistant', {
				requestsPerMonth: 500_000,
				inputTokens: 3000,
				cachedPrefixTokens: 2000,
				outputTokens: 600,
				today: { mixPercent: { 'opus-5-5': 100 }, caching: null, batchPercent: 0, fastMode: false },
				planned: {
					mixPercent: { 'opus-5-5': 5, 'sonnet-5-5': 25, 'haiku-5-5': 70 },
					caching: null,
					batchPercent: 0,
					fastMode: false,
					inputTrimPercent: 0,
					outputTrimPercent: 0
				}
			})
		)
	},
	{
		label: 'Coding agent: cache the history',
		description: '10,000 agent runs a month of 20 turns on Sonnet 5.5, 30 seconds apart: 5-minute caching keeps the growing history cached.',
		scenario: one('Coding agent', {
			...neutralConversation('Coding agent', 'sonnet-5-5'),
			conversationsPerMonth: 10_000,
			turnsPerConversation: 20,
			systemTokens: 5000,
			inputTokensPerTurn: 800,
			outputTokensPerTurn: 400,
			secondsBetweenTurns: 30,
			planned: { mixPercent: { 'sonnet-5-5': 100 }, caching: { ttl: '5m', systemHitPercent: 90 }, fastMode: false, inputTrimPercent: 0, outputTrimPercent: 0 }
		})
	}
];
