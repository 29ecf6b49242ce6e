// The headline's yearly saving. Reference dollars typed by hand: the default scenario costs
// $4,250 on its baseline and $559.0875 optimized (worked out in tests/unit/meta/socialPreview.test.ts).
import { describe, expect, it } from 'vitest';
import { MONTHS_PER_YEAR, yearlySaving } from '$lib/explain/headline';
import { formatMoney } from '$lib/format';

describe('yearlySaving', () => {
	it.each([
		[1834.5, 22_014],
		[4250 - 559.0875, 44_290.95],
		[-5, -60],
		[0.01, 0.12],
		[0, 0]
	])('%s a month -> %s a year (x 12)', (monthly, yearly) => {
		expect(yearlySaving(monthly)).toBeCloseTo(yearly, 9);
	});

	it('shows the default scenario saving $44,291 a year', () => {
		expect(formatMoney(yearlySaving(4250 - 559.0875))).toBe('$44,291');
	});

	it('is twelve months', () => {
		expect(MONTHS_PER_YEAR).toBe(12);
	});
});
