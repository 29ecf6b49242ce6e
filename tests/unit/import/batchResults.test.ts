// Message Batches results (tests/fixtures/import/batch-results.jsonl): succeeded results at
// the batch tier, the others counted by type, bad lines named.
import { describe, expect, it } from 'vitest';
import { group, importFixtures } from './helpers';

describe('Message Batches results', () => {
	const summary = importFixtures(['batch-results.jsonl']);
	const file = summary.files[0]!;

	it('reads the two succeeded results at the batch tier, whatever their usage says', () => {
		expect(file.format).toBe('batch-results');
		expect(file.recordsRead).toBe(2);
		expect(group(summary, 'haiku-4-5|batch|standard|').tokens.uncachedInput).toBe(2000);
		const sonnet = group(summary, 'sonnet-4-6|batch|standard|');
		expect(sonnet.tokens.cacheRead).toBe(4000);
		expect(sonnet.serviceTier).toBe('batch');
		expect(summary.groups.every((g) => g.serviceTier === 'batch')).toBe(true);
	});

	it('counts the results that were not billed by type', () => {
		expect(file.ignored).toEqual({ 'errored batch results (not billed)': 2, 'canceled batch results (not billed)': 1, 'expired batch results (not billed)': 1 });
	});

	it('skips a succeeded result without usage and an unknown result type, naming line and field', () => {
		expect(file.skippedByReason).toEqual({ 'missing result.message.usage': 1, 'unknown result.type': 1 });
		expect(file.issues.map((i) => [i.line, i.field])).toEqual([
			[7, 'result.message.usage'],
			[8, 'result.type']
		]);
	});
});
