// The pure cost model: numbers in, numbers out, no DOM, no rounding.
export { computeStack, percentSaved, type StackRow, type LeverName } from './computeStack';
export { monthlyCost, activeMix, requestShape, type MonthlyCost, type ModelCost } from './monthlyCost';
export { requestCost, isCacheable, cacheWriteMultiplier, type CostBreakdown } from './requestCost';
export { requestRates, withOverrides, scenarioSheet, type Rates } from './prices';
export { readsToRepayWrite, breakEvenHitRatio, weightedPrice, type PricePair } from './breakEven';
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
