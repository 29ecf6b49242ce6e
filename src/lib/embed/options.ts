import { PARTS, type Part } from '../components/parts';
import { escapeAttribute } from '$lib/html';

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

/** `readonly=` values that turn read-only on, and those that leave it off (docs/embedding.md). */
export const READONLY_ON = ['1', 'true', 'yes'] as const;
export const READONLY_OFF = ['0', 'false', 'no'] as const;

/**
 * The display options in a query string, with what was corrected in plain words (never
 * echoing a value from the address). Total: a key given twice uses its first value, unknown
 * parts, `readonly` values and themes are dropped, an empty `show` shows everything, and a
 * read-only embed whose only part is the inputs (which read-only hides) shows every other part.
 */
export function parseEmbedOptions(params: URLSearchParams): { options: EmbedOptions; corrections: string[] } {
	const corrections: string[] = [];
	for (const key of EMBED_KEYS) {
		const count = params.getAll(key).length;
		if (count > 1) corrections.push(`${key}= was given ${count} times; the first one was used`);
	}

	const listed = (params.get('show') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	const unknown = listed.filter((s) => !isPart(s));
	if (unknown.length) corrections.push(`Unknown parts to show were ignored (${unknown.length}); use ${PARTS.join(', ')}`);
	const parts = PARTS.filter((p) => listed.includes(p));

	const readonlyValue = params.get('readonly');
	const readonly = readonlyValue !== null && (READONLY_ON as readonly string[]).includes(readonlyValue);
	if (readonlyValue !== null && !readonly && !(READONLY_OFF as readonly string[]).includes(readonlyValue)) {
		corrections.push(`readonly= must be ${READONLY_ON.join(', ')} (or ${READONLY_OFF.join(', ')} for off); the inputs are shown`);
	}

	let show = parts.length ? parts : [...PARTS];
	if (readonly && show.every((p) => p === 'inputs')) {
		corrections.push('A read-only embed hides the inputs, and they were the only part to show: showing the figures and charts instead');
		show = PARTS.filter((p) => p !== 'inputs');
	}

	const theme = params.get('theme') ?? 'auto';
	if (!isTheme(theme)) corrections.push(`Theme must be one of ${THEMES.join(', ')}; used auto`);
	return { options: { show, readonly, theme: isTheme(theme) ? theme : 'auto' }, corrections };
}

/**
 * The options as query-string pairs, only those that differ from the defaults. Read-only
 * hides the inputs, so they are left out of `show` then (and `show` is left out when it
 * lists every part the embed can show).
 */
export function encodeEmbedOptions(o: EmbedOptions): string {
	const parts: string[] = [];
	const possible = o.readonly ? PARTS.filter((p) => p !== 'inputs') : PARTS;
	const show = possible.filter((p) => o.show.includes(p));
	if (show.length && show.length < possible.length) parts.push(`show=${show.join(',')}`);
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
