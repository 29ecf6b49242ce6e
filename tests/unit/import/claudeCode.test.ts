// Claude Code session logs (tests/fixtures/import/claude-code.jsonl): one response written
// on several lines is counted once (by requestId, or message.id without one), with its
// final output count; user turns, summaries and synthetic messages are not usage.
import { describe, expect, it } from 'vitest';
import { group, importFixtures } from './helpers';

describe('Claude Code session logs', () => {
	const summary = importFixtures(['claude-code.jsonl']);
	const file = summary.files[0]!;

	it('counts 3 responses and 2 duplicate lines', () => {
		expect(file.format).toBe('claude-code');
		expect(file.recordsRead).toBe(3);
		expect(file.duplicates).toBe(2);
		expect(summary.duplicates).toBe(2);
		expect(summary.ledger.length).toBe(3);
	});

	it('keeps the final output count of a streamed response (150, not the first line’s 1)', () => {
		const g = group(summary, 'sonnet-4-5|standard|standard|');
		expect(g.requests).toBe(2);
		// msg_A: 4 uncached, 2,000 1h writes, 10,000 reads, 150 out; msg_B: 10, 500 written without split, 12,000, 300.
		expect(g.tokens).toEqual({
			uncachedInput: 14,
			cacheWrite5m: 500,
			cacheWrite1h: 2000,
			cacheRead: 22_000,
			output: 450,
			webSearches: 0,
			creationWithoutSplit: 500
		});
		expect(g.actualUsd).toBe(0.0123);
		expect(g.costRecords).toBe(1);
	});

	it('ignores lines without usage and synthetic messages, and skips the cut line', () => {
		expect(file.ignored).toEqual({ 'lines without usage (user turns, tool results, summaries)': 3, 'synthetic messages (no API call)': 1 });
		expect(file.skippedByReason).toEqual({ 'not valid JSON': 1 });
		expect(file.issues[0]!.line).toBe(9);
	});

	it('takes the span from the responses’ timestamps', () => {
		expect(summary.start).toBe('2026-11-10T10:00:05.000Z');
		expect(summary.end).toBe('2026-11-10T12:00:00.000Z');
		expect(summary.days).toBeCloseTo((2 * 3600 - 5) / 86_400, 12);
		expect(group(summary, 'haiku-4-5|standard|standard|').requests).toBe(1);
	});
});
