// The mapping step: known column names matched ignoring case and punctuation, the rest
// listed as unmapped, and the user's mapping on top.
import { describe, expect, it } from 'vitest';
import { normalizeColumnName, proposeCsvMapping } from '$lib/import/csvColumns';

describe('normalizeColumnName', () => {
	it.each([
		['Cache_Creation.Ephemeral_5m_Input_Tokens', 'cache creation ephemeral 5m input tokens'],
		['Cost (USD)', 'cost usd'],
		['  usage_date_utc ', 'usage date utc'],
		['Web-Search  Requests', 'web search requests']
	])('%s -> %s', (name, normal) => expect(normalizeColumnName(name)).toBe(normal));
});

describe('proposeCsvMapping', () => {
	it("maps the Console export's columns and leaves unknown ones unmapped", () => {
		const header = [
			'usage_date_utc',
			'model_version',
			'api_key',
			'workspace',
			'context_window',
			'usage_input_tokens_no_cache',
			'usage_input_tokens_cache_write_5m',
			'usage_input_tokens_cache_write_1h',
			'usage_input_tokens_cache_read',
			'usage_output_tokens',
			'web_search_count',
			'Notes'
		];
		expect(proposeCsvMapping(header)).toEqual({
			columns: ['start', 'model', null, null, 'contextWindow', 'uncachedInput', 'cacheWrite5m', 'cacheWrite1h', 'cacheRead', 'output', 'webSearches', null],
			unmapped: ['Notes'],
			notes: []
		});
	});

	it('matches the API field names and friendly names alike, in any case', () => {
		const header = ['Model', 'INPUT TOKENS', 'cache_creation_input_tokens', 'Cache Read', 'Output Tokens', 'Requests', 'Service Tier', 'Speed', 'Cost (USD)'];
		expect(proposeCsvMapping(header).columns).toEqual([
			'model',
			'uncachedInput',
			'cacheCreation',
			'cacheRead',
			'output',
			'requests',
			'serviceTier',
			'speed',
			'costUsd'
		]);
	});

	it('reads a bare "amount" as cents and says so; a second column for the same field is not read', () => {
		expect(proposeCsvMapping(['amount', 'model', 'Model Name'])).toEqual({
			columns: ['costCents', 'model', null],
			unmapped: [],
			notes: [
				'Column "amount" is read as cents, as in the cost report API: map it to Cost in US dollars if it is in dollars.',
				'Column "Model Name" is also Model: only the first such column is read.'
			]
		});
	});

	it("takes the user's mapping over the proposal, including `ignore`", () => {
		const header = ['When', 'Which model', 'Tokens in', 'Tokens out', 'Spent', 'amount'];
		const given = { When: 'start', 'Which model': 'model', 'Tokens in': 'uncachedInput', 'Tokens out': 'output', Spent: 'costUsd', amount: 'ignore' } as const;
		expect(proposeCsvMapping(header)).toEqual({
			columns: [null, null, null, null, null, 'costCents'],
			unmapped: ['When', 'Which model', 'Tokens in', 'Tokens out', 'Spent'],
			notes: ['Column "amount" is read as cents, as in the cost report API: map it to Cost in US dollars if it is in dollars.']
		});
		expect(proposeCsvMapping(header, given)).toEqual({
			columns: ['start', 'model', 'uncachedInput', 'output', 'costUsd', null],
			unmapped: [],
			notes: []
		});
	});

	it('does not change the header it is given', () => {
		const header = Object.freeze(['Model', 'Input']);
		expect(proposeCsvMapping(header).columns).toEqual(['model', 'uncachedInput']);
	});
});
