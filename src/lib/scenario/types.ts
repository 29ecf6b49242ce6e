// The scenario's TypeScript shape, apart from the zod schemas so the page can use the types
// without loading zod. The format is documented in docs/scenario.md.
import type { ModelPrice, Tokenizer } from '../pricing/schema';

export type CacheTtl = '5m' | '1h';

/**
 * A scenario's change to one model of its sheet. Every field is optional; a field left out
 * keeps the sheet's value, except that cache rates left out follow an overridden input
 * rate in proportion. `band*` fields change the model's first prompt-length band.
 */
export interface PriceOverride {
	inputPerMTok?: number;
	outputPerMTok?: number;
	minCacheTokens?: number;
	cacheWrite5mPerMTok?: number;
	cacheWrite1hPerMTok?: number;
	cacheReadPerMTok?: number;
	bandInputPerMTok?: number;
	bandCacheWrite5mPerMTok?: number;
	bandCacheWrite1hPerMTok?: number;
	bandCacheReadPerMTok?: number;
	bandOutputPerMTok?: number;
}

/** A model the user adds to the sheet: every field of a sheet model (docs/pricing-model.md §1). */
export type CustomModel = ModelPrice;

/** A complete version-1 scenario: every field present. */
export interface Scenario {
	version: 1;
	priceSheet: string;
	requestsPerMonth: number;
	inputTokens: number;
	cachedPrefixTokens: number;
	outputTokens: number;
	baselineModel: string;
	mixPercent: Record<string, number>;
	cacheHitPercent: number;
	cacheTtl: CacheTtl;
	batchPercent: number;
	inputTrimPercent: number;
	outputTrimPercent: number;
	prices: Record<string, PriceOverride>;
	/** Models added to the sheet, at most MAX_CUSTOM_MODELS. */
	customModels: CustomModel[];
	/** `inference_geo: "us"` on every model that offers it (1.1x every rate). */
	usOnlyInference: boolean;
	/** Scale token counts when traffic runs on a model of the other tokenizer generation. */
	adjustForTokenizer: boolean;
	/** The tokenizer the token counts were measured on. */
	tokensCountedOn: Tokenizer;
	webSearchesPerRequest: number;
}

// ---------------------------------------------------------------------------------------
// Version 2 (docs/scenario.md, "Version 2"; docs/pricing-model.md §6 and §7): one or more
// workloads, each with what the team does Today and what it Plans.

/** The levers of the savings table, in the default order of its rows. */
export const PLAN_LEVERS = ['routing', 'caching', 'batch', 'fast', 'trimming'] as const;
export type PlanLever = (typeof PLAN_LEVERS)[number];

/** How the traffic of a workload arrives, for hit ratios that follow from it (§4). */
export interface Traffic {
	distinctPrefixes: number;
	activeHoursPerDay: number;
	activeDaysPerMonth: number;
}

/** Caching of a request workload: a TTL and a typed hit ratio (ignored when the workload gives its traffic). */
export interface RequestCaching {
	ttl: CacheTtl;
	hitPercent: number;
}

/** Caching of a conversation workload: the TTL and the hit ratio of the shared system entry. */
export interface ConversationCaching {
	ttl: CacheTtl;
	systemHitPercent: number;
}

/** What a request workload does Today: the mix, caching (null: off), batch share, fast mode. */
export interface RequestSettings {
	mixPercent: Record<string, number>;
	caching: RequestCaching | null;
	batchPercent: number;
	fastMode: boolean;
}

/** Planned adds token trimming. */
export interface RequestPlan extends RequestSettings {
	inputTrimPercent: number;
	outputTrimPercent: number;
}

/** Conversations never use the Batch API (each turn waits for the one before). */
export interface ConversationSettings {
	mixPercent: Record<string, number>;
	caching: ConversationCaching | null;
	fastMode: boolean;
}

export interface ConversationPlan extends ConversationSettings {
	inputTrimPercent: number;
	outputTrimPercent: number;
}

export interface RequestWorkload {
	name: string;
	kind: 'requests';
	requestsPerMonth: number;
	inputTokens: number;
	cachedPrefixTokens: number;
	outputTokens: number;
	webSearchesPerRequest: number;
	tokensCountedOn: Tokenizer;
	traffic: Traffic | null;
	today: RequestSettings;
	planned: RequestPlan;
	/** Monthly growth of this workload's traffic in percent, for the forecast; missing or null: the scenario's. */
	growthPercent?: number | null;
}

export interface ConversationWorkload {
	name: string;
	kind: 'conversations';
	conversationsPerMonth: number;
	turnsPerConversation: number;
	systemTokens: number;
	inputTokensPerTurn: number;
	outputTokensPerTurn: number;
	secondsBetweenTurns: number;
	webSearchesPerTurn: number;
	tokensCountedOn: Tokenizer;
	traffic: Traffic | null;
	today: ConversationSettings;
	planned: ConversationPlan;
	/** Monthly growth of this workload's traffic in percent, for the forecast; missing or null: the scenario's. */
	growthPercent?: number | null;
}

export type Workload = RequestWorkload | ConversationWorkload;

/** A complete version-2 scenario: every field present. */
export interface ScenarioV2 {
	version: 2;
	name: string;
	notes: string;
	priceSheet: string;
	prices: Record<string, PriceOverride>;
	customModels: CustomModel[];
	usOnlyInference: boolean;
	adjustForTokenizer: boolean;
	leverOrder: PlanLever[];
	workloads: Workload[];
	/** The forecast's settings (./forecastSettings.ts); missing: the defaults, starting the month after today. */
	forecast?: ForecastSettings;
}

/** How the forecast runs: present in a scenario only when a value differs from its default. */
export interface ForecastSettings {
	/** `YYYY-MM`, when the reader picked one; missing: the month after the day the page is opened. */
	startMonth?: string;
	/** 3 to 24 months (default 12). */
	horizonMonths: number;
	/** Monthly growth of every workload's traffic in percent, -100 to 100 (default 0). */
	growthPercent: number;
}

/** The version-1 scenario under its own name, where both versions meet. */
export type ScenarioV1 = Scenario;
