// The caption of the TTL advice: which caching choice is cheapest for the workload's traffic,
// by how much, and where the cheapest choice changes. Pure and light (no Chart.js), like ./captions.
import type { CacheMode } from '../engine/series';
import type { TtlAdvice } from '../engine/ttlAdvice';
import { TTL_WORDS, formatMoney, formatNumber } from '../format';

/** A caching choice as the subject of a sentence: "1-hour caching". */
const CHOICE_WORDS: Readonly<Record<CacheMode, string>> = { none: 'no caching', '5m': `${TTL_WORDS['5m']} caching`, '1h': `${TTL_WORDS['1h']} caching` };

/** A choice after "less than": "5-minute", "no caching". */
const SHORT_WORDS: Readonly<Record<CacheMode, string>> = { none: 'no caching', '5m': TTL_WORDS['5m'], '1h': TTL_WORDS['1h'] };

/** A rate with up to two decimals; a positive rate that would print as 0 reads "under 0.01". */
function rateWords(ratePerHour: number): string {
	return ratePerHour > 0 && ratePerHour < 0.005 ? 'under 0.01' : formatNumber(ratePerHour);
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The TTL advice in words: the cheapest choice at the workload's rate and its monthly lead,
 * then the rates at which the cheapest choice changes.
 * Example: "At 17.05 requests an hour per prefix, 1-hour caching is cheapest: $2,888 a month
 * less than 5-minute. No caching is cheapest below 0.81 requests an hour per prefix, 1-hour
 * caching up to 82.96, and 5-minute caching above."
 */
export function ttlAdviceCaption(advice: TtlAdvice): string {
	const at = `At ${rateWords(advice.ratePerHour)} requests an hour per prefix`;
	const { monthly, cheapest, runnerUp } = advice;
	const same = (a: number, b: number) => formatMoney(a) === formatMoney(b);
	const allSame = same(monthly.none, monthly['5m']) && same(monthly.none, monthly['1h']);
	const lead = !same(monthly[runnerUp], monthly[cheapest])
		? `${at}, ${CHOICE_WORDS[cheapest]} is cheapest: ${formatMoney(advice.margin)} a month less than ${SHORT_WORDS[runnerUp]}.`
		: allSame
			? `${at}, the three choices cost the same.`
			: `${at}, ${CHOICE_WORDS[cheapest]} and ${CHOICE_WORDS[runnerUp]} cost the same.`;
	const flips = advice.flips;
	const first = flips[0];
	if (!first) return allSame ? lead : `${lead} ${capitalized(CHOICE_WORDS[cheapest])} is cheapest at every rate.`;
	const parts = [`${capitalized(CHOICE_WORDS[first.from])} is cheapest below ${rateWords(first.ratePerHour)} requests an hour per prefix`];
	flips.forEach((flip, i) => {
		const next = flips[i + 1];
		parts.push(next ? `${CHOICE_WORDS[flip.to]} up to ${rateWords(next.ratePerHour)}` : `${flips.length > 1 ? 'and ' : ''}${CHOICE_WORDS[flip.to]} above`);
	});
	return `${lead} ${flips.length > 1 ? parts.join(', ') : parts.join(', and ')}.`;
}
