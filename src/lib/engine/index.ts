// The pure cost model: numbers in, numbers out, no DOM, no rounding (docs/pricing-model.md).
export { computeStack, percentSaved, type StackRow, type SavingsRow, type LeverName } from './computeStack';
export { monthlyCost, activeMix, requestShape, modelShape, requestLevers, type MonthlyCost, type ModelCost } from './monthlyCost';
export {
	requestCost,
	rateFactor,
	isCacheable,
	cacheWriteMultiplier,
	cacheWriteRate,
	WEB_SEARCH_DOLLARS,
	type CostBreakdown,
	type RequestShape,
	type RequestLevers,
	type SheetFactors
} from './requestCost';
export { requestRates, withOverrides, applyOverride, scenarioSheet, BAND_OVERRIDE_FIELDS, type Rates } from './prices';
export { readsToRepayWrite, breakEvenHitRatio, modelBreakEven, modelMultipliers, weightedPrice, type PricePair } from './breakEven';
export { tokenizerScale } from './tokenizer';
export {
	hitRatioSeries,
	sharedContextSeries,
	breakEvenPoints,
	cachesAnything,
	CACHE_MODES,
	type CacheMode,
	type HitRatioSeries,
	type SharedContextSeries,
	type BreakEvenPoint
} from './series';
export { LEVERS, LEVER_NAMES, ALL_LEVERS, NO_LEVERS, type Lever, type LeverSet } from './levers';
export {
	computePlan,
	workloadMonth,
	effectiveSettings,
	requestShapeOf,
	PLAN_ROW_NAMES,
	TODAY,
	PLANNED,
	type Plan,
	type PlanRow,
	type PlanRowName,
	type WorkloadPlan,
	type WorkloadMonth,
	type ModelPlan,
	type PlanModelCost,
	type AppliedLevers
} from './plan';
export {
	arrivalsPerMinute,
	trafficHitRatio,
	hitRatioAtRate,
	ratePerHourPerPrefix,
	requestsAtRate,
	TTL_MINUTES,
	type Traffic
} from './traffic';
export {
	ttlAdvice,
	ttlAdviceSeries,
	flipRates,
	costPerRequestAtRate,
	FLIP_SEARCH,
	EQUAL_COST,
	type CostLine,
	type CostLines,
	type FlipRate,
	type TtlAdvice,
	type TtlAdviceSeries
} from './ttlAdvice';
export {
	conversationCost,
	conversationSeries,
	previousEntryAlive,
	systemHitRatioFromTraffic,
	type ConversationShape,
	type ConversationLevers,
	type ConversationCost,
	type ConversationSeries,
	type TurnCost
} from './conversation';
export { forecast, addMonths, retirementsWithin, type Forecast, type ForecastMonth, type ForecastPeriod, type ForecastOptions, type Retirement } from './forecast';
