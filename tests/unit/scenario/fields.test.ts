// The field tables' one helper: a row as a NumberSlider's props (src/lib/scenario/fields.ts).
import { describe, expect, it } from 'vitest';
import { REQUEST_FIELDS, SETTINGS_FIELDS, sliderProps } from '$lib/scenario/fields';

describe('sliderProps', () => {
	it('a logarithmic count with no unit: Requests per month', () => {
		expect(sliderProps(REQUEST_FIELDS[0])).toStrictEqual({
			label: 'Requests per month',
			min: 1,
			max: 100_000_000,
			inputMax: 1_000_000_000_000,
			step: 1,
			log: true,
			integer: true,
			unit: '',
			description: 'API requests this workload sends in a month.'
		});
	});

	it('a linear percentage: not logarithmic, in %', () => {
		const props = sliderProps(SETTINGS_FIELDS.inputTrimPercent);
		expect([props.min, props.max, props.inputMax, props.step, props.log, props.integer, props.unit]).toEqual([0, 100, 100, 1, false, false, '%']);
	});
});
