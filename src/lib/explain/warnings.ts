import { breakEvenHitRatio, cachesAnything, requestShape, scenarioSheet, ALL_LEVERS, isCacheable, requestRates } from '../engine';
import { priceDifferences } from '../pricing/sheets';
import type { Scenario } from '../scenario/schema';
import { TTL_WORDS, formatCount, formatPercent, formatPrice } from '../format';

export interface Warning {
	/** Stable key, for tests and list rendering. */
	id: string;
	/** 'warning': the result is not what the inputs suggest; 'info': context worth knowing. */
	level: 'warning' | 'info';
	text: string;
}

/**
 * Everything the page should point out about a scenario, in plain words: conflicting
 * inputs, levers that have no effect or cost money, and caveats of the price sheet.
 */
export function scenarioWarnings(s: Scenario): Warning[] {
	const sheet = scenarioSheet(s);
	const out: Warning[] = [];
	const mixModels = Object.entries(s.mixPercent)
		.filter(([, share]) => share > 0)
		.map(([id]) => sheet.models.find((m) => m.id === id))
		.filter((m) => m !== undefined);
	const { prefix, input } = requestShape(s, ALL_LEVERS);

	if (s.cachedPrefixTokens > s.inputTokens) {
		out.push({
			id: 'prefix-larger-than-input',
			level: 'warning',
			text: `Cached prefix tokens (${formatCount(s.cachedPrefixTokens)}) is larger than Input tokens per request (${formatCount(s.inputTokens)}); the prefix can only be part of the input, so the calculation caches the whole input (${formatCount(s.inputTokens)} tokens).`
		});
	}

	const cachingOn = prefix > 0;
	if (cachingOn) {
		for (const m of mixModels) {
			if (!isCacheable(m, prefix)) {
				out.push({
					id: `prefix-below-minimum-${m.id}`,
					level: 'warning',
					text: `The ${formatCount(prefix)}-token prefix${s.inputTrimPercent > 0 ? ' (after trimming)' : ''} is below ${m.name}'s minimum cacheable size of ${formatCount(m.minCacheTokens)} tokens: caching has no effect for ${m.name}, and its prefix is billed as plain input.`
				});
			}
		}
		const breakEven = breakEvenHitRatio(s.cacheTtl, sheet.multipliers) * 100;
		if (cachesAnything(s) && s.cacheHitPercent < breakEven) {
			out.push({
				id: 'below-break-even',
				level: 'warning',
				text: `A ${formatPercent(s.cacheHitPercent)} cache hit ratio is below the ${TTL_WORDS[s.cacheTtl]} TTL's break-even of ${formatPercent(breakEven)}: cache writes cost more than the reads save.`
			});
		}
	}

	if (s.batchPercent > 0) {
		out.push({
			id: 'batch-latency',
			level: 'info',
			text: 'Batch API results can take up to 24 hours (most finish within one hour): batch only work that can wait.'
		});
		if (cachingOn && cachesAnything(s)) {
			out.push({
				id: 'batch-cache-best-effort',
				level: 'info',
				text: 'Cache hits inside batches are best-effort: Anthropic reports 30 % to 98 % in practice, so the hit ratio you set may be optimistic for the batched share.'
			});
		}
	}

	for (const m of mixModels) {
		if (requestRates(m, input).longContext) {
			out.push({
				id: `long-context-${m.id}`,
				level: 'info',
				text: `Requests of ${formatCount(input)} input tokens exceed ${m.name}'s long-context threshold of ${formatCount(m.longContext?.aboveInputTokens ?? 0)} tokens: the whole request is billed at ${formatPrice(m.longContext?.inputPerMTok ?? 0)} input and ${formatPrice(m.longContext?.outputPerMTok ?? 0)} output per MTok.`
			});
		}
	}

	const differences = priceDifferences(sheet);
	if (differences.length) {
		const list = differences
			.map(
				(d) =>
					`${d.model.name} ${formatPrice(d.model.inputPerMTok)}/${formatPrice(d.model.outputPerMTok)} here, ${formatPrice(d.reference.inputPerMTok)}/${formatPrice(d.reference.outputPerMTok)} published`
			)
			.join('; ');
		out.push({
			id: 'sheet-differs',
			level: 'info',
			text: `${sheet.name} differs from ${differences[0]?.referenceSheet.name} (input/output per MTok): ${list}.`
		});
	}
	return out;
}
