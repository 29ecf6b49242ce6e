import {
	ALL_LEVERS,
	breakEvenPoints,
	cachesAnything,
	isCacheable,
	modelShape,
	requestRates,
	scenarioSheet,
	tokenizerScale
} from '../engine';
import { priceDifferences } from '../pricing/sheets';
import type { ModelPrice, PriceSheet } from '../pricing/schema';
import type { Scenario } from '../scenario/types';
import { TOKENIZER_WORDS, TTL_WORDS, formatCount, formatNumber, formatPercent, formatPrice } from '../format';

export interface Warning {
	/** Stable key, for tests and list rendering. */
	id: string;
	/** 'warning': the result is not what the inputs suggest; 'info': context worth knowing. */
	level: 'warning' | 'info';
	text: string;
}

/** The models a scenario bills: the baseline, then the mix's models with a share, each once. */
export function modelsInUse(s: Scenario, sheet: PriceSheet = scenarioSheet(s)): ModelPrice[] {
	const ids = [s.baselineModel, ...Object.keys(s.mixPercent).filter((id) => (s.mixPercent[id] ?? 0) > 0)];
	return [...new Set(ids)].map((id) => sheet.models.find((m) => m.id === id)).filter((m) => m !== undefined);
}

/**
 * Warnings (the figures are not what the inputs suggest) before notes (context), each level in
 * the order given. Example: [note a, warning b, note c] -> [b, a, c].
 */
export function warningsFirst(warnings: readonly Warning[]): Warning[] {
	return [...warnings.filter((w) => w.level === 'warning'), ...warnings.filter((w) => w.level !== 'warning')];
}

const names = (models: readonly ModelPrice[]) => models.map((m) => m.name).join(', ');

/**
 * Everything the page should point out about a scenario, in plain words and each once:
 * conflicting inputs, levers that have no effect or cost money, models that are deprecated
 * or retired, prompts above a band or a context window, options a model does not offer,
 * tokenizer scaling, and caveats of the price sheet.
 */
export function scenarioWarnings(s: Scenario): Warning[] {
	const sheet = scenarioSheet(s);
	const out: Warning[] = [];
	const inUse = modelsInUse(s, sheet);
	const mixModels = inUse.filter((m) => (s.mixPercent[m.id] ?? 0) > 0);
	const shapeOn = (m: ModelPrice) => modelShape(s, ALL_LEVERS, m, sheet);

	for (const m of inUse) {
		const replacement = m.replacedBy ? sheet.models.find((r) => r.id === m.replacedBy) : undefined;
		const suggestion = replacement ? ` The sheet suggests ${replacement.name} instead.` : '';
		if (m.status === 'deprecated') {
			out.push({
				id: `deprecated-${m.id}`,
				level: 'warning',
				text: `${m.name} is deprecated${m.retires ? ` and retires on ${m.retires}` : ''}: requests to it will fail after that.${suggestion}`
			});
		} else if (m.status === 'retired') {
			out.push({
				id: `retired-${m.id}`,
				level: 'warning',
				text: `${m.name} was retired${m.retires ? ` on ${m.retires}` : ''}: the Claude API no longer serves it, and its prices are shown for comparison only.${suggestion}`
			});
		}
	}

	if (s.cachedPrefixTokens > s.inputTokens) {
		out.push({
			id: 'prefix-larger-than-input',
			level: 'warning',
			text: `Cached prefix tokens (${formatCount(s.cachedPrefixTokens)}) is larger than Input tokens per request (${formatCount(s.inputTokens)}); the prefix can only be part of the input, so the calculation caches the whole input (${formatCount(s.inputTokens)} tokens).`
		});
	}

	const cachingOn = s.cachedPrefixTokens > 0 && s.inputTokens > 0;
	if (cachingOn) {
		for (const m of mixModels) {
			const { prefix } = shapeOn(m);
			if (!isCacheable(m, prefix)) {
				out.push({
					id: `prefix-below-minimum-${m.id}`,
					level: 'warning',
					text: `The ${formatCount(prefix)}-token prefix${s.inputTrimPercent > 0 ? ' (after trimming)' : ''} is below ${m.name}'s minimum cacheable size of ${formatCount(m.minCacheTokens)} tokens: caching has no effect for ${m.name}, and its prefix is billed as plain input.`
				});
			}
		}
		const breakEven = breakEvenPoints(s).find((p) => p.ttl === s.cacheTtl)?.hitPercent;
		if (breakEven !== undefined && cachesAnything(s) && s.cacheHitPercent < breakEven) {
			out.push({
				id: 'below-break-even',
				level: 'warning',
				text: `A ${formatPercent(s.cacheHitPercent)} cache hit ratio is below the ${TTL_WORDS[s.cacheTtl]} TTL's break-even of ${formatPercent(breakEven)}: cache writes cost more than the reads save.`
			});
		}
	}

	for (const m of inUse) {
		const { input } = shapeOn(m);
		const rates = requestRates(m, input);
		if (rates.band) {
			out.push({
				id: `band-${m.id}`,
				level: 'warning',
				text: `A prompt of ${formatCount(input)} tokens is above ${m.name}'s ${formatCount(rates.band.abovePromptTokens)}-token band: every token of the request, output included, is billed at the band's rates, ${formatPrice(rates.inputPerMTok)} input and ${formatPrice(rates.outputPerMTok)} output per MTok (${formatPrice(m.inputPerMTok)} and ${formatPrice(m.outputPerMTok)} below it). Cached tokens count towards the prompt.`
			});
		}
		if (input > m.contextWindow) {
			out.push({
				id: `context-window-${m.id}`,
				level: 'warning',
				text: `A prompt of ${formatCount(input)} tokens is above ${m.name}'s context window of ${formatCount(m.contextWindow)} tokens: the API rejects such requests. The figures still price them.`
			});
		}
	}

	if (s.usOnlyInference) {
		const without = inUse.filter((m) => !m.usOnlyInference);
		if (without.length) {
			out.push({
				id: 'us-only-not-offered',
				level: 'warning',
				text: `US-only inference is not offered on ${names(without)}: the API rejects it there, so ${without.length > 1 ? 'they are' : 'it is'} priced at standard rates. Elsewhere every rate costs ${formatNumber(sheet.usOnlyInferenceMultiplier)} ×.`
			});
		}
	}

	const scaled = inUse.filter((m) => tokenizerScale(m, s.tokensCountedOn, sheet.tokenizerRatio, s.adjustForTokenizer) !== 1);
	if (scaled.length) {
		const scale = tokenizerScale(scaled[0] as ModelPrice, s.tokensCountedOn, sheet.tokenizerRatio);
		const more = scale > 1;
		out.push({
			id: 'tokenizer-scaling',
			level: 'info',
			text: `Token counts are measured on ${TOKENIZER_WORDS[s.tokensCountedOn]}; ${names(scaled)} ${scaled.length > 1 ? 'count' : 'counts'} about ${formatPercent(Math.abs(more ? scale - 1 : 1 - scale) * 100)} ${more ? 'more' : 'fewer'} tokens for the same text, so their input, prefix and output are scaled by ${formatNumber(scale)} (${formatCount(s.inputTokens)} input tokens become ${formatCount(s.inputTokens * scale)}). Turn off Adjust for tokenizer to price the counts as typed.`
		});
	} else if (!s.adjustForTokenizer && inUse.some((m) => m.tokenizer !== s.tokensCountedOn)) {
		out.push({
			id: 'tokenizer-not-adjusted',
			level: 'info',
			text: `Adjust for tokenizer is off: token counts measured on ${TOKENIZER_WORDS[s.tokensCountedOn]} are priced as typed on models of the other generation, which count about ${formatPercent((sheet.tokenizerRatio - 1) * 100)} ${s.tokensCountedOn === 'legacy' ? 'more' : 'fewer'} tokens for the same text.`
		});
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

	for (const m of inUse) {
		if (m.note) out.push({ id: `note-${m.id}`, level: 'info', text: `${m.name}: ${m.note}` });
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
