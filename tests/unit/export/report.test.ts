// The report's words (assumptions, forecast caption, retirement warnings) and the forecast
// chart's configuration. Figures by hand from docs/pricing-model.md §11.5.
import { describe, expect, it } from 'vitest';
import { forecastChart, FORECAST_DATASETS } from '$lib/charts/forecastChart';
import { computePlan, forecast, scenarioSheet } from '$lib/engine';
import { assumptions, plannedWords, trafficWords } from '$lib/export/assumptions';
import { dateLabel, forecastCaption, forecastChartTable, monthLabel, retirementWarnings } from '$lib/export/forecastText';
import { exampleScenarioV2, neutralConversation, neutralWorkload } from '$lib/scenario/defaults';
import type { ScenarioV2 } from '$lib/scenario/types';

const example = exampleScenarioV2();

describe('monthLabel and dateLabel', () => {
	it.each([
		['2026-12', 'long', 'December 2026'],
		['2027-01', 'short', 'Jan 2027']
	] as const)('%s (%s) -> %s', (m, len, text) => {
		expect(monthLabel(m, len)).toBe(text);
	});
	it('reads sheet dates with and without a day', () => {
		expect(dateLabel('2027-01-22')).toBe('22 January 2027');
		expect(dateLabel('2026-04')).toBe('April 2026');
	});
});

describe('assumptions', () => {
	const sheet = scenarioSheet(example);
	const a = assumptions(example, sheet, { startMonth: '2026-12', horizonMonths: 12, growthPercent: 0 });

	it('names the sheet with its date and source', () => {
		expect(a.sheet).toBe('Anthropic list prices 2026-11, prices as of 2026-11-26');
		expect(a.source).toBe(sheet.source);
	});

	it('says each workload\'s traffic, Today and Planned in plain words', () => {
		expect(a.workloads).toEqual([
			{
				name: 'Support triage',
				traffic:
					'300,000 requests a month of 13,500 input tokens (12,000 of them a cached prefix) and 800 output tokens; token counts measured on Claude 4.6 and earlier',
				today: 'all traffic on Sonnet 4.6, no caching, no batch',
				planned: 'all traffic on Sonnet 4.6, 5-minute caching at 90 %, 40 % batch',
				growth: null
			}
		]);
		expect(a.forecast).toBe('12 months from December 2026; traffic grows 0 % a month.');
	});

	it('adds trims, conversations and own growth', () => {
		const w = { ...neutralWorkload('A', 'sonnet-4-6'), growthPercent: 2.5 };
		const trimmed = { ...w, planned: { ...w.planned, inputTrimPercent: 10, outputTrimPercent: 20 } };
		expect(plannedWords(trimmed, (id) => id)).toBe('all traffic on sonnet-4-6, no caching, no batch, input trimmed 10 %, output trimmed 20 %');
		expect(trafficWords(neutralConversation('C'))).toBe(
			'10,000 conversations a month of 10 turns: 5,000 system prompt tokens, 800 new input and 400 output tokens a turn, 30 s between turns; token counts measured on Claude 4.7 and later'
		);
		const s: ScenarioV2 = { ...example, usOnlyInference: true, workloads: [trimmed] };
		const b = assumptions(s, scenarioSheet(s), { startMonth: '2027-01', horizonMonths: 6, growthPercent: 1 });
		expect(b.workloads[0]?.growth).toBe('grows 2.5 % a month');
		expect(b.forecast).toBe('6 months from January 2027; traffic grows 1 % a month (A: 2.5 %).');
		expect(b.settings[0]).toMatch(/^US-only inference/);
	});

	it('keeps text as given (the page escapes it; nothing here is HTML)', () => {
		const s: ScenarioV2 = { ...example, workloads: [{ ...example.workloads[0]!, name: '<img src=x onerror=alert(1)>' }] };
		expect(assumptions(s, scenarioSheet(s), { startMonth: '2027-01', horizonMonths: 3, growthPercent: 0 }).workloads[0]?.name).toBe('<img src=x onerror=alert(1)>');
	});
});

describe('the forecast in words and as a chart', () => {
	// Opus 4.5 retires on 2027-01-22 (November sheet), replaced by Opus 5.5.
	const s: ScenarioV2 = { ...example, workloads: [{ ...neutralWorkload('Legacy', 'opus-4-5'), requestsPerMonth: 1000 }] };
	const plan = computePlan(s);
	const f = forecast(s, plan, { startMonth: '2026-12', horizonMonths: 3, growthPercent: 10 });

	it('warns about a model retiring inside the horizon, with the sheet\'s replacement', () => {
		expect(retirementWarnings(f.retirements)).toEqual([
			'Opus 4.5 retires on 22 January 2027, inside the forecast: the price sheet suggests moving to Opus 5.5; the forecast keeps pricing Opus 4.5.'
		]);
	});

	it('captions the horizon, the totals and the retirement', () => {
		expect(forecastCaption(f, 'Traffic grows 10 % a month.')).toMatch(
			/^Over 3 months from December 2026, Today costs \$[\d,.]+ and Planned \$[\d,.]+: \$0\.00 saved\. Traffic grows 10 % a month\. Opus 4\.5 retires in January 2027 \(marked on the chart\)\.$/
		);
	});

	it('builds both lines and marks the retirement month on the axis', () => {
		const c = forecastChart(f);
		expect(c.data.labels).toEqual(['Dec 2026', 'Jan 2027', 'Feb 2027']);
		expect(c.data.datasets.map((d) => d.label)).toEqual([FORECAST_DATASETS.today, FORECAST_DATASETS.planned]);
		const today = c.data.datasets[0]!.data;
		expect(today[1]! / today[0]!).toBeCloseTo(1.1, 12);
		expect(c.options?.plugins?.retirementMarks).toMatchObject({ marks: [{ index: 1, label: 'Opus 4.5 retires' }] });
	});

	it('tables the chart with the retirement in its month', () => {
		expect(forecastChartTable(f).rows.map((r) => r[0])).toEqual(['Dec 2026', 'Jan 2027 (Opus 4.5 retires)', 'Feb 2027']);
	});
});
