import { describe, expect, it } from 'vitest';
import { addModel, normalizeMix, removeModel, setShare } from '$lib/scenario/mix';
import { decodeScenario } from '$lib/scenario/urlCodec';

const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

describe('setShare', () => {
	it.each([
		// [mix, id, value, locked, expected] — expected by hand: the rest shares the remainder in proportion.
		[{ a: 50, b: 30, c: 20 }, 'a', 80, [], { a: 80, b: 12, c: 8 }],
		[{ a: 5, b: 25, c: 70 }, 'b', 100, [], { a: 0, b: 100, c: 0 }],
		[{ a: 100, b: 0, c: 0 }, 'a', 40, [], { a: 40, b: 30, c: 30 }],
		[{ a: 50, b: 30, c: 20 }, 'a', 60, ['c'], { a: 60, b: 20, c: 20 }],
		[{ a: 50, b: 30, c: 20 }, 'a', 95, ['c'], { a: 80, b: 0, c: 20 }],
		[{ a: 50, b: 50 }, 'a', 70, ['b'], { a: 50, b: 50 }],
		// nothing free to absorb a move down either: the share stays
		[{ a: 50, b: 50 }, 'a', 30, ['b'], { a: 50, b: 50 }],
		// the moved model's own lock does not count against it
		[{ a: 50, b: 30, c: 20 }, 'a', 60, ['a', 'c'], { a: 60, b: 20, c: 20 }],
		[{ a: 50, b: 50 }, 'a', -10, [], { a: 0, b: 100 }],
		[{ a: 50, b: 50 }, 'a', 150, [], { a: 100, b: 0 }],
		[{ a: 1, b: 1, c: 98 }, 'c', 0, [], { a: 50, b: 50, c: 0 }],
		[{ a: 33.4, b: 33.3, c: 33.3 }, 'a', 0, [], { a: 0, b: 50, c: 50 }]
	] as const)('setShare(%j, %s, %d, locked %j) -> %j', (mix, id, value, locked, expected) => {
		const before = structuredClone(mix);
		const next = setShare({ ...mix }, id, value, new Set(locked));
		expect(next).toEqual(expected);
		expect(sum(next)).toBeCloseTo(100, 9);
		expect(mix).toEqual(before);
	});

	it('splits a remainder that does not divide evenly into tenths that still sum to 100', () => {
		const next = setShare({ a: 0, b: 1, c: 1, d: 1 }, 'a', 0);
		expect(next).toEqual({ a: 0, b: 33.4, c: 33.3, d: 33.3 });
		expect(sum(next)).toBeCloseTo(100, 9);
	});

	it('ignores an unknown model id', () => {
		expect(setShare({ a: 60, b: 40 }, 'z', 10)).toEqual({ a: 60, b: 40 });
	});
});

describe('addModel / removeModel / normalizeMix', () => {
	it('adds a model at 0 %', () => {
		expect(addModel({ a: 100 }, 'b')).toEqual({ a: 100, b: 0 });
	});

	it('hands a removed share to the others in proportion', () => {
		expect(removeModel({ a: 20, b: 60, c: 20 }, 'a')).toEqual({ b: 75, c: 25 });
	});

	it('keeps locked shares when removing, unless everything is locked', () => {
		expect(removeModel({ a: 20, b: 60, c: 20 }, 'a', new Set(['b']))).toEqual({ b: 60, c: 40 });
		expect(removeModel({ a: 20, b: 60, c: 20 }, 'a', new Set(['b', 'c']))).toEqual({ b: 75, c: 25 });
	});

	it('never removes the last model', () => {
		expect(removeModel({ a: 100 }, 'a')).toEqual({ a: 100 });
	});

	it('normalizes any non-negative mix to 100', () => {
		expect(normalizeMix({ a: 1, b: 3 })).toEqual({ a: 25, b: 75 });
		expect(normalizeMix({ a: 0, b: 0 })).toEqual({ a: 50, b: 50 });
		expect(normalizeMix({ a: 50, b: 60, c: 10 })).toEqual({ a: 41.7, b: 50, c: 8.3 });
	});
});

// Rounding each share to tenths on its own can miss 100: six equal shares of 16.666...% round to
// 16.7 each, 100.2 in all, which the schema refuses (a shared link would then open the default
// scenario). Largest remainders hand out exactly 1,000 tenths.
const tenths = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + Math.round(b * 10), 0);

describe('apportioning in tenths by largest remainders', () => {
	it('splits six equal weights 16.7, 16.7, 16.7, 16.7, 16.6, 16.6 (earlier models first on a tie), not 6 x 16.7 = 100.2', () => {
		const next = normalizeMix({ a: 1, b: 1, c: 1, d: 1, e: 1, f: 1 });
		expect(next).toStrictEqual({ a: 16.7, b: 16.7, c: 16.7, d: 16.7, e: 16.6, f: 16.6 });
		expect(tenths(next)).toBe(1000);
	});

	it('hands the leftover tenths to the largest remainders, not to the first models', () => {
		// Weights 1..6 of 21: exact tenths 47.62, 95.24, 142.86, 190.48, 238.10, 285.71; floors sum to
		// 997, the 3 left go to the remainders .86 (c), .71 (f) and .62 (a).
		expect(normalizeMix({ a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 })).toStrictEqual({ a: 4.8, b: 9.5, c: 14.3, d: 19, e: 23.8, f: 28.6 });
		// Weights 7, 1, 1, 1, 1, 1 of 12: 583.33 and 5 x 83.33; floors 998, the 2 left go to the two
		// largest remainders, all .33: the earliest two (a, b).
		expect(normalizeMix({ a: 7, b: 1, c: 1, d: 1, e: 1, f: 1 })).toStrictEqual({ a: 58.4, b: 8.4, c: 8.3, d: 8.3, e: 8.3, f: 8.3 });
	});

	it('treats negative weights as 0 and scales a tiny mix up', () => {
		expect(normalizeMix({ a: -5, b: 0.001, c: 0.002 })).toStrictEqual({ a: 0, b: 33.3, c: 66.7 });
	});

	it('rescales six shares when one moves, still in whole tenths summing to 100', () => {
		// 900 tenths over weights 167, 167, 167, 166, 166 (of 833): 180.43 x 3 and 179.35 x 2; floors
		// sum to 898, the 2 left go to the largest remainders (.43: b and c, the earliest).
		const six = { a: 16.7, b: 16.7, c: 16.7, d: 16.7, e: 16.6, f: 16.6 };
		expect(setShare(six, 'a', 10)).toStrictEqual({ a: 10, b: 18.1, c: 18.1, d: 18, e: 17.9, f: 17.9 });
		expect(tenths(setShare(six, 'a', 10))).toBe(1000);
		// Removing a hands its 167 tenths over in proportion: 33.48 x 3 and 33.28 x 2; floors sum to
		// 165, the 2 left go to b and c.
		const removed = removeModel(six, 'a');
		expect(removed).toStrictEqual({ b: 20.1, c: 20.1, d: 20, e: 19.9, f: 19.9 });
		expect(tenths(removed)).toBe(1000);
	});

	it('keeps a shared link with a six-way mix of equal weights instead of opening the default scenario', () => {
		const mix = 'opus-4-6:1,opus-4-5:1,sonnet-4-6:1,sonnet-4-5:1,haiku-4-5:1,opus-4-1:1';
		const { scenario, corrections } = decodeScenario(`v=1&mix=${mix}`);
		expect(scenario.mixPercent).toStrictEqual({
			'opus-4-6': 16.7,
			'opus-4-5': 16.7,
			'sonnet-4-6': 16.7,
			'sonnet-4-5': 16.7,
			'haiku-4-5': 16.6,
			'opus-4-1': 16.6
		});
		expect(corrections).toEqual(['Model mix shares add up to 6, not 100; scaled them to 100']);
	});
});

describe('inputs are never mutated', () => {
	it('addModel, removeModel and normalizeMix return new objects', () => {
		const mix = { a: 20, b: 80 };
		expect(addModel(mix, 'a')).not.toBe(mix);
		expect(addModel(mix, 'a')).toStrictEqual(mix);
		expect(removeModel(mix, 'z')).toStrictEqual(mix);
		expect(removeModel(mix, 'z')).not.toBe(mix);
		normalizeMix(mix);
		removeModel(mix, 'a');
		expect(mix).toStrictEqual({ a: 20, b: 80 });
	});
});
