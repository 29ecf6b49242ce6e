// The inline plugin that labels the break-even and crossing markers: label placement is a
// pure function, and the drawing is checked against a recording fake canvas context.
import { describe, expect, it } from 'vitest';
import type { Chart } from 'chart.js';
import { isLabelledPoint, placeLabel, pointLabels } from '$lib/charts/pointLabels';

const area = { left: 40, right: 340, top: 10, bottom: 210 };

describe('placeLabel', () => {
	it('centres a label above its point', () => {
		expect(placeLabel(200, 100, 60, 16, area, [])).toEqual({ left: 170, right: 230, top: 74, bottom: 90 });
	});

	it('keeps the label inside the plot area', () => {
		const box = placeLabel(45, 15, 60, 16, area, []);
		expect(box.left).toBe(40);
		expect(box.top).toBeGreaterThanOrEqual(area.top);
		expect(placeLabel(338, 100, 60, 16, area, []).right).toBe(340);
	});

	it('steps past labels already placed, so neighbouring markers stay readable', () => {
		const first = placeLabel(60, 180, 80, 16, area, []);
		const second = placeLabel(66, 178, 80, 16, area, [first]);
		const overlap = second.left < first.right && first.left < second.right && second.top < first.bottom && first.top < second.bottom;
		expect(overlap).toBe(false);
	});
});

describe('pointLabels plugin', () => {
	it('writes each labelled point once, with a halo, and skips hidden datasets', () => {
		const calls: string[] = [];
		const ctx = {
			save: () => calls.push('save'),
			restore: () => calls.push('restore'),
			measureText: (t: string) => ({ width: t.length * 7 }),
			strokeText: (t: string) => calls.push(`stroke ${t}`),
			fillText: (t: string) => calls.push(`fill ${t}`)
		};
		const chart = {
			ctx,
			chartArea: area,
			options: { font: { size: 12, family: 'sans-serif' } },
			data: {
				datasets: [
					{ data: [{ x: 1, y: 1 }] },
					{ data: [{ x: 21.7, y: 1, label: '5 min: 21.7 %' }, { x: 52.6, y: 1, label: '1 h: 52.6 %' }] },
					{ data: [{ x: 9, y: 9, label: 'hidden' }] }
				]
			},
			isDatasetVisible: (i: number) => i !== 2,
			getDatasetMeta: () => ({ data: [{ x: 100, y: 100 }, { x: 200, y: 100 }] })
		} as unknown as Chart;
		pointLabels.afterDatasetsDraw!(chart, {}, { color: '#000000', halo: '#ffffff' }, false);
		expect(calls).toEqual(['save', 'stroke 5 min: 21.7 %', 'fill 5 min: 21.7 %', 'stroke 1 h: 52.6 %', 'fill 1 h: 52.6 %', 'restore']);
	});

	it('recognises labelled points only', () => {
		expect([{ x: 1, y: 2, label: 'a' }, { x: 1, y: 2 }, 3, null].map(isLabelledPoint)).toEqual([true, false, false, false]);
	});
});
