import type { ModelPrice, Multipliers, PriceSheet } from '../pricing/schema';
import { getModel } from '../pricing/sheets';
import type { CacheTtl } from '../scenario/types';
import { cacheWriteMultiplier } from './requestCost';

/**
 * A model's cache rates as multiples of its own input rate, for the break-even formulas.
 * Example: Opus 5.5 ($4 in, $5 / $8 writes, $0.20 read) -> 1.25, 2 and 0.05.
 */
export function modelMultipliers(model: ModelPrice, batch = 0.5): Multipliers {
	const input = model.inputPerMTok;
	// Free input: any paid write or read is infinitely many times input (caching never pays).
	const times = (rate: number, free: number) => (rate > 0 ? Infinity : free);
	if (input <= 0) {
		return { batch, cacheRead: times(model.cacheReadPerMTok, 0), cacheWrite5m: times(model.cacheWrite5mPerMTok, 1), cacheWrite1h: times(model.cacheWrite1hPerMTok, 1) };
	}
	return {
		batch,
		cacheRead: model.cacheReadPerMTok / input,
		cacheWrite5m: model.cacheWrite5mPerMTok / input,
		cacheWrite1h: model.cacheWrite1hPerMTok / input
	};
}

/**
 * Cache reads needed to repay one cache write: the write premium (w - 1) is repaid at
 * (1 - read) of the base input price per read, rounded up to whole reads.
 * Example: 5-minute TTL (w = 1.25): 0.25 / 0.9 -> 1 read; 1-hour (w = 2): 1 / 0.9 -> 2 reads.
 */
export function readsToRepayWrite(ttl: CacheTtl, multipliers: Multipliers): number {
	const premium = cacheWriteMultiplier(ttl, multipliers) - 1;
	if (premium <= 0) return 0;
	if (multipliers.cacheRead >= 1) return Infinity;
	// Round away float noise (0.9 stored as 0.8999...) before taking the ceiling.
	return Math.ceil(Number((premium / (1 - multipliers.cacheRead)).toFixed(9)));
}

/**
 * The hit ratio (0..1) above which caching is cheaper than not caching:
 *   h* = (w - 1) / (w - read)
 * Example: 5-minute TTL: 0.25 / 1.15 = 0.2174 (21.7 %); 1-hour: 1 / 1.9 = 0.5263 (52.6 %);
 * with Opus 5.5's 0.05 read: 20.8 % and 51.3 %.
 */
export function breakEvenHitRatio(ttl: CacheTtl, multipliers: Multipliers): number {
	const w = cacheWriteMultiplier(ttl, multipliers);
	const r = multipliers.cacheRead;
	// A read no cheaper than the write (only through overrides): caching pays at every hit ratio
	// when the write is below input, at none otherwise.
	if (!(w - r > 0)) return w < 1 ? 0 : 1;
	const h = (w - 1) / (w - r);
	return Number.isNaN(h) ? 1 : Math.min(1, Math.max(0, h));
}

/** A model's own break-even hit ratio (0..1), from its write and read rates. */
export function modelBreakEven(ttl: CacheTtl, model: ModelPrice): number {
	return breakEvenHitRatio(ttl, modelMultipliers(model));
}

/** A $-per-MTok price pair. */
export interface PricePair {
	inputPerMTok: number;
	outputPerMTok: number;
}

/**
 * The traffic-weighted average base price of a mix (shares in percent).
 * Example (default sheet): 70 % Haiku 4.5, 25 % Sonnet 4.6, 5 % Opus 4.6:
 *   input 0.7 x 1 + 0.25 x 3 + 0.05 x 5 = $1.70/MTok.
 */
export function weightedPrice(mixPercent: Record<string, number>, sheet: PriceSheet): PricePair {
	let inputPerMTok = 0;
	let outputPerMTok = 0;
	for (const [id, share] of Object.entries(mixPercent)) {
		const model = getModel(sheet, id);
		inputPerMTok += (share / 100) * model.inputPerMTok;
		outputPerMTok += (share / 100) * model.outputPerMTok;
	}
	return { inputPerMTok, outputPerMTok };
}
