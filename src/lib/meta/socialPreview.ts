import { computeStack } from '$lib/engine';
import { formatMoney, formatSavingPercent } from '$lib/format';
import { escapeAttribute } from '$lib/html';
import type { Scenario } from '$lib/scenario/schema';

/** The text of a link preview (Open Graph / Twitter card) for one scenario. */
export interface SocialPreview {
	title: string;
	description: string;
}

/**
 * The link-preview text for a scenario: its headline figures, e.g.
 *   title: 'Claude API bill: $4,250 → $559 a month (86.8 % saved)'
 * Computed at prerender for the default scenario: link previewers read the HTML and run no
 * JavaScript, so a shared link's preview shows the default scenario, not the one in its query.
 */
export function socialPreview(scenario: Scenario): SocialPreview {
	const rows = computeStack(scenario);
	const baseline = rows[0]?.monthlyCost ?? 0;
	const final = rows.at(-1);
	const optimized = final?.monthlyCost ?? baseline;
	const saved = final?.cumulativeSavingPercent ?? 0;
	const requests = new Intl.NumberFormat('en-US').format(scenario.requestsPerMonth);
	return {
		title: `Claude API bill: ${formatMoney(baseline)} → ${formatMoney(optimized)} a month (${formatSavingPercent(saved, baseline)} saved)`,
		description:
			`Example: ${requests} requests a month cost ${formatMoney(baseline)} all on the baseline model, ` +
			`${formatMoney(optimized)} with model routing, prompt caching, the Batch API and token trimming stacked. ` +
			'Enter your own workload: every figure is computed in your browser.'
	};
}

/**
 * The preview as <meta> tags (Open Graph and Twitter card), escaped for an attribute: written
 * into the prerendered page's head, so the engine that computes them stays out of the browser.
 */
export function previewTags({ title, description }: SocialPreview): string {
	const tags: [string, string, string][] = [
		['property', 'og:type', 'website'],
		['property', 'og:site_name', 'Claude Cost Levers'],
		['property', 'og:title', title],
		['property', 'og:description', description],
		['name', 'twitter:card', 'summary'],
		['name', 'twitter:title', title],
		['name', 'twitter:description', description]
	];
	return tags.map(([kind, key, content]) => `<meta ${kind}="${key}" content="${escapeAttribute(content)}" />`).join('');
}
