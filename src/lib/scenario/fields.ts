// The fields of a version-2 scenario, one table per level (scenario, workload, settings):
// the one place a field's label, default, bounds, link key and slider live. The type's
// defaults, the repair, the link codec, the file order and the input controls are all built
// from these rows. Zod-free, so the page can use it at first paint.
//
// COMPATIBILITY: `key` and `url` of a row are public contracts (scenario files, links).
// Never rename, remove or reinterpret one; add rows at the end of their table.
import { LIMITS } from './limits';

export interface NumberField<K extends string = string> {
	/** The JSON field. */
	key: K;
	/** What the page calls it (a contract: tests and bookmarks find inputs by it). */
	label: string;
	/** The link key (inside a workload: after `w<n>.`). */
	url: string;
	default: number;
	min: number;
	max: number;
	integer: boolean;
	/** The slider's own range (the typed value may go to `max`), and whether it is logarithmic. */
	slider: { min: number; max: number; step: number; log?: boolean };
	unit?: string;
	/** One sentence under the control, jargon explained. */
	description: string;
}

const tokens = (key: string, label: string, url: string, dflt: number, sliderMax: number, description: string) =>
	({
		key,
		label,
		url,
		default: dflt,
		min: 0,
		max: LIMITS.tokens,
		integer: true,
		slider: { min: 0, max: sliderMax, step: 1, log: true },
		description
	}) as const;

const percent = (key: string, label: string, url: string, description: string) =>
	({ key, label, url, default: 0, min: 0, max: 100, integer: false, slider: { min: 0, max: 100, step: 1 }, unit: '%', description }) as const;

/** The numbers of a request workload, in file and link order. */
export const REQUEST_FIELDS = [
	{
		key: 'requestsPerMonth',
		label: 'Requests per month',
		url: 'req',
		default: 100_000,
		min: 0,
		max: LIMITS.requestsPerMonth,
		integer: true,
		slider: { min: 1, max: 100_000_000, step: 1, log: true },
		description: 'API requests this workload sends in a month.'
	},
	tokens('inputTokens', 'Input tokens per request', 'in', 6000, 1_000_000, 'Every input token of a request, the cached prefix included.'),
	tokens(
		'cachedPrefixTokens',
		'Cached prefix tokens',
		'pre',
		5000,
		1_000_000,
		'The prefix is the static start of the input (system prompt, documents, examples) that can be cached; it is part of the input.'
	),
	tokens('outputTokens', 'Output tokens per request', 'out', 500, 128_000, 'Tokens the model writes back per request.'),
	{
		key: 'webSearchesPerRequest',
		label: 'Web searches per request',
		url: 'ws',
		default: 0,
		min: 0,
		max: 1000,
		integer: false,
		slider: { min: 0, max: 20, step: 0.5 },
		description: 'Web searches cost $10 per 1,000, with no batch discount.'
	}
] as const satisfies readonly NumberField[];

/** The numbers of a conversation workload (chats, agents), in file and link order. */
export const CONVERSATION_FIELDS = [
	{
		key: 'conversationsPerMonth',
		label: 'Conversations per month',
		url: 'conv',
		default: 10_000,
		min: 0,
		max: LIMITS.requestsPerMonth,
		integer: true,
		slider: { min: 1, max: 10_000_000, step: 1, log: true },
		description: 'Chats or agent runs in a month.'
	},
	{
		key: 'turnsPerConversation',
		label: 'Turns per conversation',
		url: 'turns',
		default: 10,
		min: 1,
		max: 1000,
		integer: true,
		slider: { min: 1, max: 200, step: 1, log: true },
		description: 'Requests per conversation; each one resends the whole history.'
	},
	tokens('systemTokens', 'System prompt tokens', 'sys', 5000, 200_000, 'The static start of every turn (system prompt, tool definitions).'),
	tokens('inputTokensPerTurn', 'New input tokens per turn', 'tin', 800, 100_000, 'The user message or tool results each turn adds.'),
	tokens('outputTokensPerTurn', 'Output tokens per turn', 'tout', 400, 64_000, 'What the model writes each turn; it stays in the history.'),
	{
		key: 'secondsBetweenTurns',
		label: 'Seconds between turns',
		url: 'gap',
		default: 30,
		min: 0,
		max: 86_400,
		integer: false,
		slider: { min: 0, max: 3600, step: 1, log: true },
		unit: 's',
		description: 'From one turn’s request to the next: seconds for agents, minutes for people.'
	},
	{
		key: 'webSearchesPerTurn',
		label: 'Web searches per turn',
		url: 'ws',
		default: 0,
		min: 0,
		max: 1000,
		integer: false,
		slider: { min: 0, max: 20, step: 0.5 },
		description: 'Web searches cost $10 per 1,000.'
	}
] as const satisfies readonly NumberField[];

/** The traffic of a workload (§4), when its hit ratios should follow from it. */
export const TRAFFIC_FIELDS = [
	{
		key: 'distinctPrefixes',
		label: 'Distinct prefixes',
		url: 'n',
		default: 1,
		min: 1,
		max: 1_000_000,
		integer: true,
		slider: { min: 1, max: 10_000, step: 1, log: true },
		description: 'Different cached prefixes the requests are spread over (each has its own cache entry).'
	},
	{
		key: 'activeHoursPerDay',
		label: 'Active hours per day',
		url: 'h',
		default: 24,
		min: 1,
		max: 24,
		integer: false,
		slider: { min: 1, max: 24, step: 1 },
		description: 'Hours a day the traffic arrives; the cache starts cold each day.'
	},
	{
		key: 'activeDaysPerMonth',
		label: 'Active days per month',
		url: 'd',
		default: 30,
		min: 1,
		max: 31,
		integer: false,
		slider: { min: 1, max: 31, step: 1 },
		description: 'Days a month with traffic.'
	}
] as const satisfies readonly NumberField[];

/** Numbers of the settings (Today and Planned). Labels are Planned's; Today's are in TODAY_LABELS. */
export const SETTINGS_FIELDS = {
	hitPercent: percent('hitPercent', 'Cache hit ratio', 'hit', 'The hit ratio is the share of requests that find the prefix in the cache and read it; the rest write it.'),
	systemHitPercent: percent('systemHitPercent', 'System prompt hit ratio', 'shit', 'Share of conversations whose first turn finds the system prompt in the cache.'),
	batchPercent: percent('batchPercent', 'Batch share', 'batch', 'Share of requests sent through the Batch API at half price (results within 24 hours).'),
	inputTrimPercent: percent('inputTrimPercent', 'Input trimmed', 'trimin', 'How much shorter prompts get; the cached prefix shrinks with them.'),
	outputTrimPercent: percent('outputTrimPercent', 'Output trimmed', 'trimout', 'How much shorter responses get.')
} as const satisfies Record<string, NumberField>;

/** The visible labels of Today's controls (a contract, like Planned's). */
export const TODAY_LABELS = {
	model: "Today's model",
	share: (modelName: string) => `Today: ${modelName} share`,
	caching: 'Caching today',
	hitPercent: "Today's cache hit ratio",
	systemHitPercent: "Today's system prompt hit ratio",
	ttl: "Today's cache TTL",
	batchPercent: "Today's batch share",
	fastMode: 'Fast mode today'
} as const;

/** The visible labels of Planned's controls that are not numbers. */
export const PLANNED_LABELS = {
	share: (modelName: string) => `${modelName} share`,
	routing: 'Model routing',
	caching: 'Prompt caching',
	ttl: 'Cache TTL',
	batch: 'Batch API',
	fastMode: 'Fast mode',
	trimming: 'Token optimization'
} as const;

/** Scenario-wide text fields. */
export const TEXT_LIMITS = { name: 80, notes: 2000, workloadName: 60 } as const;

/** At most this many workloads in a scenario. */
export const MAX_WORKLOADS = 12;

export type RequestNumberKey = (typeof REQUEST_FIELDS)[number]['key'];
export type ConversationNumberKey = (typeof CONVERSATION_FIELDS)[number]['key'];
export type TrafficKey = (typeof TRAFFIC_FIELDS)[number]['key'];

/** A field row as the props of a NumberSlider: the slider's range, the typed maximum, the words. */
export function sliderProps(f: NumberField) {
	return {
		label: f.label,
		min: f.slider.min,
		max: f.slider.max,
		inputMax: f.max,
		step: f.slider.step,
		log: f.slider.log ?? false,
		integer: f.integer,
		unit: f.unit ?? '',
		description: f.description
	};
}
