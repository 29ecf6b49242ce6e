// repairScenario on the version and the price sheet: which messages say what.
import { describe, expect, it } from 'vitest';
import { defaultScenario } from '$lib/scenario/defaults';
import { repairScenario } from '$lib/scenario/repair';

describe('repairScenario on the format version', () => {
	it.each<[unknown, string]>([
		[0, 'Format version 0 is not known; read it as version 1'],
		[-2, 'Format version -2 is not known; read it as version 1'],
		[1.5, 'Format version 1.5 is not known; read it as version 1'],
		['3', 'Format version "3" is not known; read it as version 1'],
		[null, 'Format version null is not known; read it as version 1'],
		[2, 'This scenario was made by a newer version of the calculator (format version 2); read what this version understands'],
		[7, 'This scenario was made by a newer version of the calculator (format version 7); read what this version understands']
	])('version %j: "%s"', (version, correction) => {
		expect(repairScenario({ version, cacheHitPercent: 50 })).toStrictEqual({
			scenario: { ...defaultScenario(), cacheHitPercent: 50 },
			corrections: [correction]
		});
	});

	it('reads version 1 and a missing version silently', () => {
		expect(repairScenario({ version: 1 }).corrections).toEqual([]);
		expect(repairScenario({}).corrections).toEqual([]);
	});
});

describe('repairScenario on the price sheet', () => {
	it.each<[unknown, string]>([
		['nope', 'Price sheet "nope" is not known; used Anthropic list prices 2026-03-23'],
		[42, 'Price sheet 42 is not known; used Anthropic list prices 2026-03-23'],
		[null, 'Price sheet null is not known; used Anthropic list prices 2026-03-23']
	])('%j: "%s"', (priceSheet, correction) => {
		expect(repairScenario({ priceSheet })).toStrictEqual({ scenario: defaultScenario(), corrections: [correction] });
	});

	it('keeps a shipped sheet', () => {
		expect(repairScenario({ priceSheet: 'guide-2026-03' })).toStrictEqual({
			scenario: { ...defaultScenario(), priceSheet: 'guide-2026-03' },
			corrections: []
		});
	});
});
