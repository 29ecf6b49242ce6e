import { breakEvenPoints, cachesAnything, scenarioSheet, weightedPrice, type StackRow } from '../engine';
import { getModel } from '../pricing/sheets';
import type { Scenario } from '../scenario/schema';
import { formatPercent, formatPrice } from '../format';

/**
 * A one-line reason for every row of the savings table whose lever adds cost or does
 * nothing, keyed by lever name. Rows that save money need no excuse.
 */
export function rowReasons(s: Scenario, rows: readonly StackRow[]): Partial<Record<StackRow['lever'], string>> {
	const sheet = scenarioSheet(s);
	const reasons: Partial<Record<StackRow['lever'], string>> = {};
	if (!(rows[0] && rows[0].monthlyCost > 0)) return reasons; // nothing to save on a $0 bill
	for (const row of rows) {
		if (row.key === null || row.stepSaving > 1e-12) continue;
		const adds = row.stepSaving < -1e-12;
		switch (row.key) {
			case 'routing': {
				const mix = weightedPrice(s.mixPercent, sheet);
				const base = getModel(sheet, s.baselineModel);
				reasons[row.lever] = adds
					? `The mix averages ${formatPrice(mix.inputPerMTok)}/${formatPrice(mix.outputPerMTok)} per MTok, dearer than ${base.name} at ${formatPrice(base.inputPerMTok)}/${formatPrice(base.outputPerMTok)}.`
					: 'The mix costs the same as the baseline model.';
				break;
			}
			case 'caching': {
				const breakEven = breakEvenPoints(s).find((p) => p.ttl === s.cacheTtl)?.hitPercent ?? 0;
				if (s.cachedPrefixTokens === 0) reasons[row.lever] = 'No cached prefix: set Cached prefix tokens to use caching.';
				else if (!cachesAnything(s)) reasons[row.lever] = 'The prefix is below the minimum cacheable size of every model in the mix.';
				else if (adds)
					reasons[row.lever] = `A ${formatPercent(s.cacheHitPercent)} hit ratio is below the ${formatPercent(breakEven)} break-even: writes cost more than reads save.`;
				else reasons[row.lever] = 'At this hit ratio, cache writes and reads cost what plain input would.';
				break;
			}
			case 'batch':
				reasons[row.lever] = 'No traffic goes through the Batch API (Batch share is 0 %).';
				break;
			case 'trimming':
				reasons[row.lever] = 'No tokens are trimmed (Input trimmed and Output trimmed are 0 %).';
				break;
		}
	}
	return reasons;
}
