// What a reader of one file reports through: records read, skipped (with the line, field
// and reason), ignored, duplicates and notes. Pure bookkeeping.
import type { Collector } from './collector';
import type { Problem } from './fields';
import { MAX_ISSUES_PER_FILE, type FileReport, type ImportFormat } from './types';

export interface FileContext {
	readonly name: string;
	readonly collector: Collector;
	readonly report: FileReport;
	/** A record was read into the collector. */
	read(): void;
	/** A record could not be read: counted by reason, and kept as an issue while there is room. */
	skip(line: number | null, problem: Problem): void;
	/** A line or value with nothing to read (counted by reason, not an error). */
	ignore(reason: string): void;
	/** A line that repeats a response already read. */
	duplicate(): void;
	/** A note for the whole file, kept once however often it is made. */
	note(text: string): void;
}

export function newFileReport(name: string, format: ImportFormat | null): FileReport {
	return { name, format, chars: 0, recordsRead: 0, skipped: 0, skippedByReason: {}, ignored: {}, duplicates: 0, issues: [], notes: [] };
}

/** The bookkeeping of one file, writing into `report`. */
export function createFileContext(report: FileReport, collector: Collector): FileContext {
	const notes = new Set<string>();
	return {
		name: report.name,
		collector,
		report,
		read() {
			report.recordsRead += 1;
		},
		skip(line, problem) {
			report.skipped += 1;
			// Counted without the record's place: `[3].usage.output_tokens` and `[7]...` are one reason.
			const reason = problem.reason.replace(/\S*\]\./g, '');
			report.skippedByReason[reason] = (report.skippedByReason[reason] ?? 0) + 1;
			if (report.issues.length < MAX_ISSUES_PER_FILE) {
				report.issues.push({ file: report.name, line, field: problem.field || null, message: problem.message });
			}
		},
		ignore(reason) {
			report.ignored[reason] = (report.ignored[reason] ?? 0) + 1;
		},
		duplicate() {
			report.duplicates += 1;
		},
		note(text) {
			if (notes.has(text)) return;
			notes.add(text);
			report.notes.push(text);
		}
	};
}
