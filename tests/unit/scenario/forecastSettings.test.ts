// The forecast's fields in a version-2 scenario: repair, canonical form, edits, and their
// travel in links (format 4, keys appended) and files (fields appended last).
import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '$lib/scenario/linkV2';
import { scenarioV2FromJson, scenarioV2ToJson } from '$lib/scenario/file';
import { emptyScenarioV2, exampleScenarioV2, neutralWorkload } from '$lib/scenario/defaults';
import { repairScenarioV2 } from '$lib/scenario/repairV2';
import {
	DEFAULT_FORECAST,
	forecastOptions,
	isMonth,
	monthAfter,
	repairForecast,
	repairWorkloadGrowth,
	setForecast,
	setWorkloadGrowth
} from '$lib/scenario/forecastSettings';
import { switchKind } from '$lib/scenario/edit';
import type { ScenarioV2 } from '$lib/scenario/types';

describe('monthAfter and isMonth', () => {
	it.each([
		[new Date(2026, 10, 30), '2026-12'],
		[new Date(2026, 11, 31, 23, 59), '2027-01'],
		[new Date(2027, 0, 1), '2027-02']
	])('%s -> %s', (date, month) => {
		expect(monthAfter(date)).toBe(month);
	});

	it.each([
		['2027-01', true],
		['2999-12', true],
		['2027-13', false],
		['2027-1', false],
		['1999-12', false],
		[' 2027-01', false],
		[202701, false]
	])('isMonth(%j) = %s', (value, ok) => {
		expect(isMonth(value)).toBe(ok);
	});
});

describe('repairForecast', () => {
	it.each([
		[undefined, undefined, []],
		[null, undefined, []],
		[{}, undefined, []], // every value the default, no start month: no forecast at all
		[{ horizonMonths: 12, growthPercent: 0 }, undefined, []],
		[{ startMonth: '2027-03' }, { startMonth: '2027-03', horizonMonths: 12, growthPercent: 0 }, []],
		[{ horizonMonths: 18, growthPercent: -2.5 }, { horizonMonths: 18, growthPercent: -2.5 }, []],
		[{ horizonMonths: 40 }, { horizonMonths: 24, growthPercent: 0 }, ['Forecast horizon 40 was above 24; used 24']],
		[{ horizonMonths: 1 }, { horizonMonths: 3, growthPercent: 0 }, ['Forecast horizon 1 was below 3; used 3']],
		[{ horizonMonths: 6.5 }, { horizonMonths: 7, growthPercent: 0 }, ['Forecast horizon 6.5 was not a whole number; used 7']],
		[{ growthPercent: -150 }, { horizonMonths: 12, growthPercent: -100 }, ['Monthly growth -150 was below -100; used -100']],
		[{ growthPercent: 'lots' }, undefined, ['Monthly growth "lots" is not a number; used 0']],
		[{ startMonth: '2027-13', horizonMonths: 6 }, { horizonMonths: 6, growthPercent: 0 }, ['Start month "2027-13" is not a month written YYYY-MM; used the month after today']],
		['12', undefined, ['Forecast "12" is not a set of settings; used the defaults']]
	])('%j -> %j', (value, repaired, corrections) => {
		const out: string[] = [];
		expect(repairForecast(value, out)).toEqual(repaired);
		expect(out).toEqual(corrections);
	});

	it('repairs a workload\'s own growth, and leaves none for null or missing', () => {
		const out: string[] = [];
		expect(repairWorkloadGrowth(undefined, 'A', out)).toBeUndefined();
		expect(repairWorkloadGrowth(null, 'A', out)).toBeUndefined();
		expect(repairWorkloadGrowth(5, 'A', out)).toBe(5);
		expect(repairWorkloadGrowth(250, 'A', out)).toBe(100);
		expect(out).toEqual(['A: Monthly growth 250 was above 100; used 100']);
	});
});

describe('repairScenarioV2 with forecast fields', () => {
	it('keeps a scenario without them exactly as before (no forecast key, no growth key)', () => {
		const { scenario, corrections } = repairScenarioV2(JSON.parse(scenarioV2ToJson(exampleScenarioV2())));
		expect(corrections).toEqual([]);
		expect('forecast' in scenario).toBe(false);
		expect('growthPercent' in scenario.workloads[0]!).toBe(false);
		expect(scenario).toStrictEqual(exampleScenarioV2());
	});

	it('reads the forecast and each workload\'s growth', () => {
		const { scenario, corrections } = repairScenarioV2({
			version: 2,
			workloads: [{ name: 'A', growthPercent: 3 }, { name: 'B', growthPercent: null }],
			forecast: { startMonth: '2027-02', horizonMonths: 6, growthPercent: 1 }
		});
		expect(corrections).toEqual([]);
		expect(scenario.forecast).toEqual({ startMonth: '2027-02', horizonMonths: 6, growthPercent: 1 });
		expect(scenario.workloads.map((w) => w.growthPercent)).toEqual([3, undefined]);
	});
});

describe('setForecast and setWorkloadGrowth', () => {
	const s = exampleScenarioV2();

	it('writes only what differs from the defaults, and never mutates the scenario', () => {
		const before = structuredClone(s);
		const a = setForecast(s, { horizonMonths: 18 });
		expect(a.forecast).toEqual({ horizonMonths: 18, growthPercent: 0 });
		expect(s).toEqual(before);
		const back = setForecast(a, { horizonMonths: DEFAULT_FORECAST.horizonMonths });
		expect('forecast' in back).toBe(false);
	});

	it('keeps a picked start month, and drops it when cleared', () => {
		const picked = setForecast(s, { startMonth: '2027-04' });
		expect(picked.forecast).toEqual({ startMonth: '2027-04', horizonMonths: 12, growthPercent: 0 });
		expect(setForecast(picked, { growthPercent: 2 }).forecast?.startMonth).toBe('2027-04');
		expect('forecast' in setForecast(picked, { startMonth: null })).toBe(false);
		expect('forecast' in setForecast(picked, { startMonth: 'not a month' })).toBe(false);
	});

	it('sets and clears a workload\'s own growth', () => {
		const own = setWorkloadGrowth(s, 0, -4);
		expect(own.workloads[0]?.growthPercent).toBe(-4);
		expect(s.workloads[0]?.growthPercent).toBeUndefined();
		expect('growthPercent' in setWorkloadGrowth(own, 0, null).workloads[0]!).toBe(false);
	});

	it('keeps a workload\'s own growth when its kind changes', () => {
		const w = { ...neutralWorkload('A'), growthPercent: 7 };
		expect(switchKind(w, 'conversations').growthPercent).toBe(7);
		expect(switchKind(switchKind(w, 'conversations'), 'requests').growthPercent).toBe(7);
	});
});

describe('forecastOptions', () => {
	it('starts the month after the page was opened unless a month is picked', () => {
		const s: ScenarioV2 = { ...emptyScenarioV2(), workloads: [neutralWorkload('A'), { ...neutralWorkload('B'), growthPercent: 5 }] };
		expect(forecastOptions(s, new Date(2026, 10, 30))).toEqual({ startMonth: '2026-12', horizonMonths: 12, growthPercent: 0, workloadGrowthPercent: [null, 5] });
		const picked = setForecast(s, { startMonth: '2027-06', growthPercent: 2 });
		expect(forecastOptions(picked, new Date(2030, 0, 1))).toMatchObject({ startMonth: '2027-06', growthPercent: 2 });
	});
});

describe('links (format 4): forecast keys appended', () => {
	const s = setWorkloadGrowth(setForecast(exampleScenarioV2(), { startMonth: '2027-03', horizonMonths: 18, growthPercent: -1.5 }), 0, 4);

	it('writes start, months and growth after w, and w<n>.growth after a workload\'s keys', () => {
		const link = encodeLink(s);
		expect(link).toContain('&start=2027-03&months=18&growth=-1.5&w1.n=');
		expect(link).toMatch(/&w1\.[a-z]+=[^&]*&w1\.growth=4$/);
	});

	it('round-trips', () => {
		const { scenario, corrections } = decodeLink(encodeLink(s));
		expect(corrections).toEqual([]);
		expect(scenario).toEqual(s);
	});

	it('writes nothing for the defaults: an unpicked start month never reaches the link', () => {
		expect(encodeLink(exampleScenarioV2())).not.toMatch(/start=|months=|growth=/);
		expect(encodeLink(setForecast(exampleScenarioV2(), { horizonMonths: 12 }))).toBe(encodeLink(exampleScenarioV2()));
	});

	it('repairs bad values with a correction, like every key', () => {
		const { scenario, corrections } = decodeLink('v=4&months=99&growth=x&start=soon&w1.growth=-500');
		expect(scenario.forecast).toEqual({ horizonMonths: 24, growthPercent: 0 });
		expect(scenario.workloads[0]?.growthPercent).toBe(-100);
		expect([...corrections].sort()).toEqual(
			[
				'Start month "soon" is not a month written YYYY-MM; used the month after today',
				'Forecast horizon 99 was above 24; used 24',
				'Monthly growth "x" is not a number; used 0',
				'Workload 1: Monthly growth -500 was below -100; used -100'
			].sort()
		);
	});
});

describe('files: forecast fields last', () => {
	const s = setWorkloadGrowth(setForecast(exampleScenarioV2(), { growthPercent: 3 }), 0, 1);

	it('writes forecast after workloads and a workload\'s growth after Planned', () => {
		const json = JSON.parse(scenarioV2ToJson(s)) as Record<string, unknown> & { workloads: Record<string, unknown>[] };
		expect(Object.keys(json).slice(-2)).toEqual(['workloads', 'forecast']);
		expect(json.forecast).toEqual({ horizonMonths: 12, growthPercent: 3 });
		expect(Object.keys(json.workloads[0]!).slice(-2)).toEqual(['planned', 'growthPercent']);
	});

	it('round-trips, and a scenario without them writes neither key', () => {
		const read = scenarioV2FromJson(scenarioV2ToJson(s));
		expect(read).toEqual({ scenario: s, corrections: [] });
		expect(scenarioV2ToJson(exampleScenarioV2())).not.toMatch(/forecast|growthPercent/);
	});
});
