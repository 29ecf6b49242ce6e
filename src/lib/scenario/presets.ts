import { DEFAULT_SCENARIO } from './defaults';
import type { Scenario } from './schema';

export interface Preset {
	label: string;
	description: string;
	scenario: Scenario;
}

const guide = (patch: Partial<Scenario>): Scenario => ({
	...DEFAULT_SCENARIO,
	priceSheet: 'guide-2026-03',
	cacheHitPercent: 0,
	cacheTtl: '5m',
	batchPercent: 0,
	inputTrimPercent: 0,
	outputTrimPercent: 0,
	prices: {},
	...patch
});

/** One-click scenarios from the spec's worked examples. They use the guide sheet, whose numbers they are. */
export const PRESETS: readonly Preset[] = [
	{
		label: '1,000 support tickets (batch)',
		description: 'Sonnet 4.6, 2,000 input and 500 output tokens each, all through the Batch API: $13.50 becomes $6.75.',
		scenario: guide({
			requestsPerMonth: 1000,
			inputTokens: 2000,
			cachedPrefixTokens: 0,
			outputTokens: 500,
			baselineModel: 'sonnet-4-6',
			mixPercent: { 'sonnet-4-6': 100 },
			batchPercent: 100
		})
	},
	{
		label: 'Document Q&A on Opus (caching)',
		description: '10 requests share a 10,000-token context on a 5-minute cache: one write, nine reads. $1.50 becomes $0.32.',
		scenario: guide({
			requestsPerMonth: 10,
			inputTokens: 10_000,
			cachedPrefixTokens: 10_000,
			outputTokens: 0,
			baselineModel: 'opus-4-6',
			mixPercent: { 'opus-4-6': 100 },
			cacheHitPercent: 90
		})
	},
	{
		label: 'Routing mix 70/25/5',
		description: '70 % Haiku, 25 % Sonnet, 5 % Opus instead of everything on Opus.',
		scenario: guide({
			requestsPerMonth: 100_000,
			inputTokens: 2000,
			cachedPrefixTokens: 0,
			outputTokens: 500,
			baselineModel: 'opus-4-6',
			mixPercent: { 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 }
		})
	},
	{
		label: 'Everything combined ($10k/month on Opus)',
		description: 'A $10,000 Opus bill with routing, an 80 % cache hit ratio, half the traffic in batches and trimmed prompts.',
		scenario: guide({
			// 88,889 requests x (5,000 x $15 + 500 x $75) / 1M = $10,000.01 on Opus alone.
			requestsPerMonth: 88_889,
			inputTokens: 5000,
			cachedPrefixTokens: 4000,
			outputTokens: 500,
			baselineModel: 'opus-4-6',
			mixPercent: { 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 },
			cacheHitPercent: 80,
			batchPercent: 50,
			inputTrimPercent: 10,
			outputTrimPercent: 20
		})
	}
];
