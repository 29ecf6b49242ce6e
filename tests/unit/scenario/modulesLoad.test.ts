// The scenario and engine modules load, and their tables are whole. Imported inside the tests
// (not at the top of the file), so a module that throws while loading fails a test here
// instead of leaving its test files unloaded (which a mutation run would not count).
import { describe, expect, it } from 'vitest';

describe('modules load with whole tables', () => {
	it('urlCodec: every URL field has a key, a field and its four functions', async () => {
		const { URL_FIELDS, FORMAT_VERSION } = await import('$lib/scenario/urlCodec');
		expect(FORMAT_VERSION).toBe(3);
		expect(URL_FIELDS.map((f) => f.key)).toEqual(['sheet', 'req', 'in', 'pre', 'out', 'base', 'mix', 'hit', 'ttl', 'batch', 'trimin', 'trimout', 'us', 'adj', 'tok', 'ws']);
		for (const f of URL_FIELDS) {
			expect([typeof f.isDefault, typeof f.write, typeof f.read, typeof f.field]).toEqual(['function', 'function', 'function', 'string']);
		}
	});

	it('fields: every number field of a workload is a whole row', async () => {
		const { REQUEST_FIELDS, CONVERSATION_FIELDS, TRAFFIC_FIELDS } = await import('$lib/scenario/fields');
		const keys = (rows: readonly { key: string }[]) => rows.map((f) => f.key);
		expect(keys(REQUEST_FIELDS)).toEqual(['requestsPerMonth', 'inputTokens', 'cachedPrefixTokens', 'outputTokens', 'webSearchesPerRequest']);
		expect(keys(CONVERSATION_FIELDS)).toEqual([
			'conversationsPerMonth',
			'turnsPerConversation',
			'systemTokens',
			'inputTokensPerTurn',
			'outputTokensPerTurn',
			'secondsBetweenTurns',
			'webSearchesPerTurn'
		]);
		for (const f of [...REQUEST_FIELDS, ...CONVERSATION_FIELDS, ...TRAFFIC_FIELDS]) {
			expect(typeof f.label, f.key).toBe('string');
			expect(f.min, f.key).toBeLessThanOrEqual(f.default);
			expect(f.default, f.key).toBeLessThanOrEqual(f.max);
			expect(f.slider.min, f.key).toBeLessThan(f.slider.max);
		}
	});
});
