// Messages API responses (tests/fixtures/import/messages.jsonl and messages-array.json):
// token counts per group, the 5m/1h split, tiers, speed and geography, bare usage objects,
// and bad lines named by line and field. Expected figures are the fixture's numbers added by hand.
import { describe, expect, it } from 'vitest';
import { group, importFixtures } from './helpers';

describe('Messages API responses, JSON Lines', () => {
	const summary = importFixtures(['messages.jsonl']);
	const file = summary.files[0]!;

	it('reads 11 responses, skips 2 bad lines and ignores the error response', () => {
		expect(file.format).toBe('messages');
		expect(file.recordsRead).toBe(11);
		expect(file.skipped).toBe(2);
		expect(file.skippedByReason).toEqual({ 'not valid JSON': 1, 'missing usage.output_tokens': 1 });
		expect(file.ignored).toEqual({ 'error responses (not billed)': 1 });
		expect(summary.ledger.length).toBe(11);
	});

	it('names the file, line and field of each problem', () => {
		expect(file.issues.map(({ file, line, field }) => ({ file, line, field }))).toEqual([
			{ file: 'messages.jsonl', line: 10, field: null },
			{ file: 'messages.jsonl', line: 11, field: 'usage.output_tokens' }
		]);
		expect(file.issues[0]!.message).toMatch(/^Line 10 is not valid JSON/);
		expect(file.issues[1]!.message).toBe('usage.output_tokens is missing');
	});

	it('sums Sonnet 4.6 (lines 1, 2, 7, 13, 14): the 5m/1h split, a creation total without split, web searches', () => {
		const g = group(summary, 'sonnet-4-6|standard|standard|');
		expect(g.requests).toBe(5);
		// uncached 1,500 + 1,500 + 100 + 100 + 0; 5m writes 12,000 + 1,000 + 400 (no split); 1h 2,000.
		expect(g.tokens).toEqual({
			uncachedInput: 3200,
			cacheWrite5m: 13_400,
			cacheWrite1h: 2000,
			cacheRead: 12_000,
			output: 1610,
			webSearches: 3,
			creationWithoutSplit: 400
		});
		expect(g.apiNames).toEqual(['claude-sonnet-4-6-20260319', 'claude-sonnet-4-6']);
		// 12,000 / (12,000 + 15,400)
		expect(g.hitRatio).toBeCloseTo(12_000 / 27_400, 12);
		// input: 3,200 + 13,400 + 2,000 + 12,000 = 30,600 over 5 requests.
		expect(g.perRequest).toEqual({ input: 6120, uncachedInput: 640, cacheWrite: 3080, cacheRead: 2400, output: 322, webSearches: 0.6 });
	});

	it('keeps priority tier, fast speed and US-only geography apart', () => {
		expect(group(summary, 'opus-5-5|priority|standard|').requests).toBe(1);
		const fastUs = group(summary, 'opus-5-5|standard|fast|us');
		expect(fastUs.tokens.uncachedInput).toBe(1000);
		expect(fastUs.inferenceGeo).toBe('us');
	});

	it('maps Bedrock names to the same model, keeps unknown names as given and bare usage as (no model)', () => {
		expect(group(summary, 'haiku-5-5|standard|standard|').apiNames).toEqual(['anthropic.claude-haiku-5-5', 'us.anthropic.claude-haiku-5-5-v1:0']);
		expect(group(summary, 'gpt-4o|standard|standard|').tokens.output).toBe(10);
		expect(group(summary, '(no model)|standard|standard|').tokens.output).toBe(7);
		expect(summary.unrecognizedNames).toEqual(['gpt-4o']);
	});

	it('says the data has no dates, and that creation totals count as 5-minute writes', () => {
		expect(summary.days).toBeNull();
		expect(summary.notes).toEqual([
			'400 cache-write tokens came as a creation total without the 5-minute / 1-hour split: they are counted as 5-minute writes.',
			'The data carries no dates (or a single instant), so the time span it covers is unknown.'
		]);
	});
});

describe('Messages API responses, one pretty-printed array', () => {
	const summary = importFixtures(['messages-array.json']);
	const file = summary.files[0]!;

	it('reads each element, and names a bad one by its index and line', () => {
		expect(file.format).toBe('messages');
		expect(file.recordsRead).toBe(2);
		expect(file.issues).toEqual([
			{ file: 'messages-array.json', line: 8, field: '[1].usage.output_tokens', message: '[1].usage.output_tokens is "lots", not a whole number of 0 or more' }
		]);
		expect(group(summary, 'haiku-4-5|standard|standard|').tokens.uncachedInput).toBe(2000);
		expect(group(summary, 'haiku-4-5|batch|standard|').tokens.output).toBe(700);
	});
});
