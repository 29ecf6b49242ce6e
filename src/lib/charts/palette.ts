// Chart colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies),
// one colour per caching choice in every chart, a dash pattern and a marker shape per
// choice so that no line is told apart by colour alone.
//
// Contrast (WCAG 2.x, against the reference backgrounds below; checked in
// tests/unit/charts/palette.test.ts): text colours >= 4.5:1, lines, markers and bars
// >= 3:1 (non-text contrast, 1.4.11).
import type { CacheMode } from '../engine/series';

export type ChartTheme = 'light' | 'dark';

export interface ThemeColors {
	/** The page background the colours were checked against (also the label halo). */
	background: string;
	/** Axis titles, legend and on-canvas labels. */
	text: string;
	/** Tick labels. */
	muted: string;
	grid: string;
	/** The "your hit ratio" line. */
	current: string;
	mode: Record<CacheMode, string>;
	waterfall: { total: string; saving: string; addedCost: string };
}

/** The Okabe-Ito colours (Okabe & Ito, "Color Universal Design", 2008). */
export const OKABE_ITO = {
	black: '#000000',
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	bluishGreen: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	reddishPurple: '#CC79A7'
} as const;

/**
 * Per theme. The TTLs keep their hue in both themes: 5-minute is blue (the deeper Okabe-Ito
 * blue on light, sky blue on dark, where the deep blue falls near 3:1), 1-hour is vermillion,
 * no cache is a neutral grey.
 */
export const PALETTE: Readonly<Record<ChartTheme, ThemeColors>> = {
	light: {
		background: '#ffffff',
		text: '#1f2328',
		muted: '#57606a',
		grid: 'rgba(31, 35, 40, 0.12)',
		current: '#1f2328',
		mode: { none: '#595959', '5m': OKABE_ITO.blue, '1h': OKABE_ITO.vermillion },
		waterfall: { total: '#595959', saving: OKABE_ITO.bluishGreen, addedCost: OKABE_ITO.reddishPurple }
	},
	dark: {
		background: '#111418',
		text: '#e6edf3',
		muted: '#9da7b3',
		grid: 'rgba(230, 237, 243, 0.14)',
		current: '#e6edf3',
		mode: { none: '#b3b3b3', '5m': OKABE_ITO.skyBlue, '1h': OKABE_ITO.vermillion },
		waterfall: { total: '#b3b3b3', saving: OKABE_ITO.bluishGreen, addedCost: OKABE_ITO.reddishPurple }
	}
};

/** Line dash per caching choice (canvas setLineDash, px): solid, dashed, dotted. */
export const DASH: Readonly<Record<CacheMode, readonly number[]>> = {
	none: [],
	'5m': [8, 4],
	'1h': [2, 3]
};

/** Marker shape per TTL for break-even and crossing points (Chart.js pointStyle). */
export const MARKER = { '5m': 'rectRot', '1h': 'triangle' } as const;

/** Legend and table names of the caching choices. */
export const MODE_LABEL: Readonly<Record<CacheMode, string>> = {
	none: 'No cache',
	'5m': '5-minute TTL',
	'1h': '1-hour TTL'
};

/** The theme's colours (a fresh copy: Chart.js may keep references to what it is given). */
export function themeColors(theme: ChartTheme): ThemeColors {
	const p = PALETTE[theme];
	return { ...p, mode: { ...p.mode }, waterfall: { ...p.waterfall } };
}

/**
 * WCAG 2.x contrast ratio of two #rrggbb colours, 1..21.
 * Example: contrastRatio('#0072B2', '#ffffff') = 5.19.
 */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
}

function relativeLuminance(hex: string): number {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
	if (!m) throw new Error(`contrastRatio: expected a #rrggbb colour, got "${hex}"`);
	const [r, g, b] = m.slice(1).map((h) => {
		const c = parseInt(h, 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
