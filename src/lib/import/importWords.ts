// The import dialog's sentences (docs/usage-import.md "The import dialog"): sizes, progress,
// speed, and what a file gave. Plain text only; anything quoted from a file has its
// invisible and direction-changing characters written as visible escapes, so a file name
// or a model name cannot disguise a message. Pure.
import { formatCount } from '../format';
import { escapeInvisible } from '../validation/quoteSafely';
import { FORMAT_NAMES, type FileReport, type ImportIssue } from './types';
import type { ImportProgress } from './workerProtocol';

const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A size in bytes, 1 kB = 1,000 bytes (as docs/performance.md): "512 B", "12.3 kB", "52.4 MB", "1.2 GB".
 * Example: formatBytes(52_428_800) -> "52.4 MB".
 */
export function formatBytes(bytes: number): string {
	if (!(bytes >= 1000)) return `${formatCount(Math.max(0, bytes || 0))} B`;
	for (const [unit, size] of [['GB', 1e9], ['MB', 1e6], ['kB', 1e3]] as const) {
		if (bytes >= size * 0.9995 || unit === 'kB') return `${oneDecimal.format(bytes / size)} ${unit}`;
	}
	return `${bytes} B`;
}

/**
 * What a file in progress has given so far.
 * Example: { bytesRead: 1e6, bytesTotal: 4e6, records: 812 } -> "1.0 MB of 4.0 MB, 812 records".
 */
export function progressLine(p: Pick<ImportProgress, 'bytesRead' | 'bytesTotal' | 'records'>): string {
	return `${formatBytes(p.bytesRead)} of ${formatBytes(p.bytesTotal)}, ${formatCount(p.records)} record${p.records === 1 ? '' : 's'}`;
}

/**
 * How much was read and how fast: size / seconds, in MB/s (from 1 MB on: below, a rate says nothing).
 * Example: throughputLine(2, 52_428_800, 800) -> "2 files, 52.4 MB in 0.80 s (65.5 MB/s)".
 */
export function throughputLine(files: number, bytes: number, ms: number): string {
	const seconds = Math.max(ms, 1) / 1000;
	const rate = bytes >= 1e6 ? ` (${oneDecimal.format(bytes / 1e6 / seconds)} MB/s)` : '';
	return `${formatCount(files)} file${files === 1 ? '' : 's'}, ${formatBytes(bytes)} in ${seconds.toFixed(2)} s${rate}`;
}

/**
 * Counts per reason, most frequent first, as "reason: count".
 * Example: { 'not valid JSON': 1, 'missing usage.output_tokens': 2 } -> ['missing usage.output_tokens: 2', 'not valid JSON: 1'].
 */
export function reasonLines(byReason: Readonly<Record<string, number>>): string[] {
	return Object.entries(byReason)
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'en'))
		.map(([reason, n]) => `${escapeInvisible(reason)}: ${formatCount(n)}`);
}

/**
 * Where a problem is: "file, line 3, field usage.output_tokens" (line and field when known).
 * Example: { file: 'a.jsonl', line: 3, field: 'usage.output_tokens' } -> "a.jsonl, line 3, field usage.output_tokens".
 */
export function issuePlace(issue: ImportIssue): string {
	const parts = [escapeInvisible(issue.file)];
	if (issue.line !== null) parts.push(`line ${formatCount(issue.line)}`);
	if (issue.field) parts.push(`field ${escapeInvisible(issue.field)}`);
	return parts.join(', ');
}

/**
 * One file in a sentence: its format, records read and skipped, duplicates.
 * Example: "Messages API responses: 11 records read, 2 skipped, 1 duplicate".
 */
export function fileLine(report: FileReport): string {
	const format = report.format ? FORMAT_NAMES[report.format] : 'format not recognised';
	const parts = [`${formatCount(report.recordsRead)} record${report.recordsRead === 1 ? '' : 's'} read`];
	if (report.skipped) parts.push(`${formatCount(report.skipped)} skipped`);
	if (report.duplicates) parts.push(`${formatCount(report.duplicates)} duplicate${report.duplicates === 1 ? '' : 's'}`);
	return `${format}: ${parts.join(', ')}`;
}

/** Text from a file (a file name, a model name, a message quoting one), safe to show as text. */
export function shown(text: string): string {
	return escapeInvisible(text);
}
