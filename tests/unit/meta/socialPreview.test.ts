import { describe, expect, it } from 'vitest';
import { computeStack } from '$lib/engine';
import { formatMoney, formatPercent } from '$lib/format';
import { socialPreview } from '$lib/meta/socialPreview';
import { DEFAULT_SCENARIO, defaultScenario } from '$lib/scenario/defaults';

describe('socialPreview', () => {
	it("states the default scenario's headline: baseline → optimized a month, percent saved", () => {
		const rows = computeStack(defaultScenario());
		const baseline = formatMoney(rows[0]?.monthlyCost ?? Number.NaN);
		const optimized = formatMoney(rows.at(-1)?.monthlyCost ?? Number.NaN);
		const saved = formatPercent(rows.at(-1)?.cumulativeSavingPercent ?? Number.NaN);
		const { title, description } = socialPreview(DEFAULT_SCENARIO);
		expect(title).toBe(`Claude API bill: ${baseline} → ${optimized} a month (${saved} saved)`);
		expect(description).toContain('100,000 requests a month');
		expect(description).toContain(baseline);
		expect(description).toContain(optimized);
	});

	it('follows the scenario it is given', () => {
		const small = { ...defaultScenario(), requestsPerMonth: 1000 };
		expect(socialPreview(small).description).toContain('1,000 requests a month');
		expect(socialPreview(small).title).not.toBe(socialPreview(DEFAULT_SCENARIO).title);
	});

	it('stays short enough for link previews', () => {
		const { title, description } = socialPreview(DEFAULT_SCENARIO);
		expect(title.length).toBeLessThanOrEqual(70);
		expect(description.length).toBeLessThanOrEqual(300);
	});
});
