import { describe, expect, it } from 'vitest';
import { addModel, normalizeMix, removeModel, setShare } from '$lib/scenario/mix';

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
