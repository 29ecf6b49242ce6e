import { PARTS, type Part } from '../components/parts';

/**
 * Display options of the /embed page, read from the same query string as the scenario.
 * A public contract (docs/embedding.md): keys and values are only ever added.
 *   show=headline,table   the parts to show, comma-separated (default: all)
 *   readonly=1            no inputs: the figures and charts of a fixed scenario
 *   theme=light|dark|auto colours (default auto: the reader's prefers-color-scheme)
 */
export const EMBED_KEYS = ['show', 'readonly', 'theme'] as const;

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export interface EmbedOptions {
	show: Part[];
	readonly: boolean;
	theme: Theme;
}

export const DEFAULT_EMBED_OPTIONS: Readonly<EmbedOptions> = Object.freeze({
	show: [...PARTS],
	readonly: false,
	theme: 'auto'
});

const isPart = (s: string): s is Part => (PARTS as readonly string[]).includes(s);
const isTheme = (s: string): s is Theme => (THEMES as readonly string[]).includes(s);

/**
 * The display options in a query string, with what was ignored in plain words. Total:
 * unknown parts and themes are dropped, an empty `show` shows everything.
 */
export function parseEmbedOptions(params: URLSearchParams): { options: EmbedOptions; corrections: string[] } {
	const corrections: string[] = [];
	const listed = (params.get('show') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	const unknown = listed.filter((s) => !isPart(s));
	if (unknown.length) corrections.push(`Unknown parts to show were ignored (${unknown.length}); use ${PARTS.join(', ')}`);
	const parts = PARTS.filter((p) => listed.includes(p));
	const theme = params.get('theme') ?? 'auto';
	if (!isTheme(theme)) corrections.push(`Theme must be one of ${THEMES.join(', ')}; used auto`);
	return {
		options: {
			show: parts.length ? parts : [...PARTS],
			readonly: ['1', 'true', 'yes'].includes(params.get('readonly') ?? ''),
			theme: isTheme(theme) ? theme : 'auto'
		},
		corrections
	};
}

/** The options as query-string pairs, only those that differ from the defaults. */
export function encodeEmbedOptions(o: EmbedOptions): string {
	const parts: string[] = [];
	const show = PARTS.filter((p) => o.show.includes(p));
	if (show.length && show.length < PARTS.length) parts.push(`show=${show.join(',')}`);
	if (o.readonly) parts.push('readonly=1');
	if (o.theme !== 'auto') parts.push(`theme=${o.theme}`);
	return parts.join('&');
}

/** The parts a page renders for these options: read-only drops the inputs. */
export function visibleParts(o: EmbedOptions): Set<Part> {
	return new Set(o.show.filter((p) => !(o.readonly && p === 'inputs')));
}

/** The message an embed posts to its parent whenever its content height changes. */
export const RESIZE_MESSAGE = 'claude-cost-levers:resize';
export interface ResizeMessage {
	type: typeof RESIZE_MESSAGE;
	height: number;
}

/**
 * The HTML to paste into a page: the iframe (which works alone, scrolling inside a fixed
 * height) and the optional host script that resizes it to its content.
 */
export function embedSnippet(siteUrl: string, scenarioQuery: string, o: EmbedOptions): string {
	const base = siteUrl.replace(/\/+$/, '');
	const query = [scenarioQuery, encodeEmbedOptions(o)].filter(Boolean).join('&');
	const src = `${base}/embed${query ? `?${query}` : ''}`;
	return [
		`<iframe src="${escapeAttribute(src)}" title="Claude API cost calculator" width="100%" height="900" style="border:0;width:100%" loading="lazy"></iframe>`,
		`<script src="${escapeAttribute(`${base}/embed.js`)}" async></script>`
	].join('\n');
}

function escapeAttribute(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
