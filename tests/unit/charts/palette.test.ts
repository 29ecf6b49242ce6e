// WCAG 2.x contrast of the chart colours against each theme's reference background:
// text 4.5:1 (1.4.3), lines, markers and bars 3:1 (1.4.11). Reference ratios: WebAIM's
// contrast checker (#0072B2 on white: 5.19; #D55E00 on white: 3.87).
import { describe, expect, it } from 'vitest';
import { CACHE_MODES } from '$lib/engine';
import { DASH, MARKER, OKABE_ITO, PALETTE, contrastRatio, themeColors } from '$lib/charts/palette';

describe('contrastRatio', () => {
	it.each([
		['#000000', '#ffffff', 21],
		['#ffffff', '#ffffff', 1],
		['#0072B2', '#ffffff', 5.19],
		['#D55E00', '#ffffff', 3.87]
	])('%s on %s is %s:1', (a, b, ratio) => {
		expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
	});

	it('says how to fix a bad colour', () => {
		expect(() => contrastRatio('red', '#fff')).toThrow('expected a #rrggbb colour, got "red"');
	});
});

describe.each(['light', 'dark'] as const)('the %s palette', (theme) => {
	const p = PALETTE[theme];

	it('has text at 4.5:1 or more', () => {
		for (const c of [p.text, p.muted, p.current]) expect(contrastRatio(c, p.background)).toBeGreaterThanOrEqual(4.5);
	});

	it('has lines, markers and bars at 3:1 or more', () => {
		const graphics = [...CACHE_MODES.map((m) => p.mode[m]), p.waterfall.total, p.waterfall.saving, p.waterfall.addedCost];
		for (const c of graphics) expect(contrastRatio(c, p.background)).toBeGreaterThanOrEqual(3);
	});

	it('draws the TTLs and waterfall steps in Okabe-Ito colours, all distinct', () => {
		const okabeIto: string[] = Object.values(OKABE_ITO);
		for (const c of [p.mode['5m'], p.mode['1h'], p.waterfall.saving, p.waterfall.addedCost]) expect(okabeIto).toContain(c);
		expect(new Set(CACHE_MODES.map((m) => p.mode[m])).size).toBe(3);
	});

	it('is copied, not shared, by themeColors', () => {
		const copy = themeColors(theme);
		copy.mode['5m'] = '#123456';
		expect(PALETTE[theme].mode['5m']).not.toBe('#123456');
	});
});

it('tells the caching choices apart without colour: dash patterns and marker shapes differ', () => {
	expect(new Set(CACHE_MODES.map((m) => DASH[m].join(','))).size).toBe(3);
	expect(MARKER['5m']).not.toBe(MARKER['1h']);
});
