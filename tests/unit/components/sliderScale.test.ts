// NumberSlider's arithmetic. Reference values by hand: on a 1..1,000,000 log slider each
// 1,000 thumb steps span 6 decades, so position 500 is 10^3.
import { describe, expect, it } from 'vitest';
import { LOG_STEPS, clamp, sliderPosition, tidy, typedValue, valueAtPosition } from '$lib/components/sliderScale';

const logScale = { min: 1, max: 1_000_000, log: true, integer: true };

describe('tidy and clamp', () => {
	it.each([
		[2.345, false, 2.35],
		[2.344, false, 2.34],
		[2.5, true, 3],
		[-0.004, false, -0],
		[17_549.6, true, 17_550]
	])('tidy(%s, integer %s) -> %s', (v, integer, expected) => {
		expect(tidy(v, integer)).toBe(expected);
	});

	it('holds a value to min..hi', () => {
		expect(clamp(5, 0, 10)).toBe(5);
		expect(clamp(-1, 0, 10)).toBe(0);
		expect(clamp(11, 0, 10)).toBe(10);
	});
});

describe('sliderPosition', () => {
	it('is the value on a linear slider, clamped to its range', () => {
		const scale = { min: 0, max: 100 };
		expect(sliderPosition(42, scale)).toBe(42);
		expect(sliderPosition(140, scale)).toBe(100);
		expect(sliderPosition(-3, scale)).toBe(0);
	});

	it('is 0..1,000 on a logarithmic slider', () => {
		expect(LOG_STEPS).toBe(1000);
		expect(sliderPosition(1, logScale)).toBe(0);
		expect(sliderPosition(1000, logScale)).toBe(500);
		expect(sliderPosition(1_000_000, logScale)).toBe(1000);
		expect(sliderPosition(10, logScale)).toBe(167); // 1/6 of 1,000, rounded
		// beyond the slider (the field goes further): the thumb stops at the end
		expect(sliderPosition(50_000_000, logScale)).toBe(1000);
		// 0 sits with 1 at the bottom
		expect(sliderPosition(0, { ...logScale, min: 0 })).toBe(0);
	});

	it('starts a logarithmic slider from its own minimum', () => {
		// 100..10,000: two decades, so 1,000 is half way
		expect(sliderPosition(1000, { min: 100, max: 10_000, log: true })).toBe(500);
	});
});

describe('valueAtPosition', () => {
	it('is the position on a linear slider, tidied', () => {
		expect(valueAtPosition(42.126, { min: 0, max: 100 })).toBe(42.13);
		expect(valueAtPosition(42.6, { min: 0, max: 100, integer: true })).toBe(43);
	});

	it('is 10^position on a logarithmic slider', () => {
		expect(valueAtPosition(0, logScale)).toBe(1);
		expect(valueAtPosition(500, logScale)).toBe(1000);
		expect(valueAtPosition(1000, logScale)).toBe(1_000_000);
		expect(valueAtPosition(167, logScale)).toBe(10); // 10^1.002 = 10.05, whole
		expect(valueAtPosition(500, { min: 100, max: 10_000, log: true })).toBe(1000);
		expect(valueAtPosition(250, { min: 1, max: 10_000, log: true })).toBe(10);
	});

	it('comes back within half a thumb step (10^0.003, 0.7 %) of a value on a log slider', () => {
		for (const v of [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]) {
			const back = valueAtPosition(sliderPosition(v, logScale), logScale);
			expect(Math.abs(back / v - 1)).toBeLessThanOrEqual(10 ** 0.003 - 1 + 1e-9);
		}
		// 10,000 is at 666.67: the thumb stops at 667, 10^4.002 = 10,046
		expect(valueAtPosition(sliderPosition(10_000, logScale), logScale)).toBe(10_046);
	});
});

describe('typedValue', () => {
	it('tidies a typed value and holds it to min..inputMax', () => {
		expect(typedValue(12.345, 0, 100)).toBe(12.35);
		expect(typedValue(12.5, 0, 100, true)).toBe(13);
		expect(typedValue(250, 0, 100)).toBe(100);
		expect(typedValue(-5, 0, 100)).toBe(0);
	});

	it('is undefined while the field is empty or half typed', () => {
		expect(typedValue(Number.NaN, 0, 100)).toBeUndefined();
		expect(typedValue(Infinity, 0, 100)).toBeUndefined();
	});
});
