// Download PNG's layout: the title, the chart at its size and the caption wrapped to the
// chart's width, with a fake text measure (1 px per character) so figures are by hand.
import { describe, expect, it } from 'vitest';
import { IMAGE_STYLE, layoutChartImage, wrapText } from '$lib/export/chartImage';

const chars = (t: string) => t.length;

describe('wrapText', () => {
	it.each([
		['a bb ccc', 4, ['a bb', 'ccc']],
		['a bb ccc', 8, ['a bb ccc']],
		['  spaced   out  ', 20, ['spaced out']],
		['', 10, []],
		['abcdefghij', 4, ['abcd', 'efgh', 'ij']],
		['x abcdefghij y', 4, ['x', 'abcd', 'efgh', 'ij y']]
	])('%j at %i -> %j', (text, width, lines) => {
		expect(wrapText(text, width, chars)).toEqual(lines);
	});

	it('never makes a line wider than allowed (a one-character word aside)', () => {
		const text = 'Over 12 months from December 2026, Today costs $189,000 and Planned $69,811: $119,189 saved.';
		for (const w of [5, 10, 17, 40]) for (const line of wrapText(text, w, chars)) expect(line.length).toBeLessThanOrEqual(w);
	});
});

describe('layoutChartImage', () => {
	const s = IMAGE_STYLE;

	it('stacks the title, the chart and the caption inside the padding (600 x 300 -> 648 x 436 by hand)', () => {
		const caption = `${'c'.repeat(590)} ${'d'.repeat(10)}`; // two lines at 600 px
		const l = layoutChartImage(600, 300, { title: 'Title', caption, measureTitle: chars, measureCaption: chars });
		expect(l.title).toEqual([{ text: 'Title', x: 24, y: 24 }]);
		expect(l.chart).toEqual({ x: 24, y: 24 + s.titleLine + s.gap, width: 600, height: 300 });
		expect(l.caption.map((c) => c.y)).toEqual([372, 392]);
		expect(l.width).toBe(648);
		expect(l.height).toBe(436);
	});

	it('leaves no room for an empty caption', () => {
		const l = layoutChartImage(100, 50, { title: 'T', caption: '', measureTitle: chars, measureCaption: chars });
		expect(l.caption).toEqual([]);
		expect(l.height).toBe(24 + 24 + 12 + 50 + 24);
	});
});
