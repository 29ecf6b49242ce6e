// The CSV mapping remembered for the session (rememberedMapping.ts): reading is total.
import { describe, expect, it } from 'vitest';
import { MAX_REMEMBERED_COLUMNS, readRememberedMapping, rememberMapping } from '$lib/import/rememberedMapping';

describe('readRememberedMapping', () => {
	it.each([
		[null, {}],
		[undefined, {}],
		['', {}],
		['not json', {}],
		['[1,2]', {}],
		['"text"', {}],
		['null', {}],
		['{"Tokens in":"uncachedInput","Spent":"costUsd"}', { 'Tokens in': 'uncachedInput', Spent: 'costUsd' }],
		['{"A":"nope","B":3,"C":"ignore"}', { C: 'ignore' }],
		[`{"${'x'.repeat(201)}":"model","short":"model"}`, { short: 'model' }]
	])('%s -> %j', (text, expected) => {
		expect(readRememberedMapping(text)).toEqual(expected);
	});

	it('a header called __proto__ is an own key, not a prototype', () => {
		const m = readRememberedMapping('{"__proto__":"model"}');
		expect(Object.keys(m)).toEqual(['__proto__']);
		expect(Object.getPrototypeOf(m)).toBe(Object.prototype);
	});

	it(`keeps at most ${MAX_REMEMBERED_COLUMNS} columns`, () => {
		const many = Object.fromEntries(Array.from({ length: MAX_REMEMBERED_COLUMNS + 5 }, (_, i) => [`c${i}`, 'model']));
		expect(Object.keys(readRememberedMapping(JSON.stringify(many)))).toHaveLength(MAX_REMEMBERED_COLUMNS);
	});
});

describe('rememberMapping', () => {
	it('adds the new choices and replaces old ones for the same header; the inputs are not changed', () => {
		const old = { A: 'model', B: 'output' } as const;
		const chosen = { B: 'uncachedInput', C: 'ignore' } as const;
		expect(rememberMapping(old, chosen)).toEqual({ A: 'model', B: 'uncachedInput', C: 'ignore' });
		expect(old).toEqual({ A: 'model', B: 'output' });
		expect(chosen).toEqual({ B: 'uncachedInput', C: 'ignore' });
	});

	it('round-trips through JSON', () => {
		const m = rememberMapping({}, { 'Tokens out': 'output' });
		expect(readRememberedMapping(JSON.stringify(m))).toEqual(m);
	});

	it(`keeps the newest ${MAX_REMEMBERED_COLUMNS} columns`, () => {
		const old = Object.fromEntries(Array.from({ length: MAX_REMEMBERED_COLUMNS }, (_, i) => [`c${i}`, 'model' as const]));
		const merged = rememberMapping(old, { fresh: 'output' });
		expect(Object.keys(merged)).toHaveLength(MAX_REMEMBERED_COLUMNS);
		expect(merged.fresh).toBe('output');
		expect(Object.hasOwn(merged, 'c0')).toBe(false);
	});
});
