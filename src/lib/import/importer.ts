// The parsing core the worker, the tests and the benchmark share: files fed as text chunks,
// each detected from its first chunk and cut into lines, JSON values or CSV rows for its
// format's reader, all into one summary. Never throws: whatever goes wrong is reported
// in the file's report. Pure: no I/O (the caller reads the files).
import { createBatchResultsParser } from './batchResults';
import { createClaudeCodeParser } from './claudeCode';
import { createCollector, type Collector } from './collector';
import { createCostReportParser, createUsageReportParser } from './adminReports';
import type { CsvMappingInput } from './csvColumns';
import { createCsvParser } from './csvUsage';
import { detectFormat, type Detection } from './detect';
import { createFileContext, newFileReport, type FileContext } from './fileContext';
import { createJsonValueReader } from './jsonValues';
import { createLineSplitter } from './lineSplitter';
import { createMessagesParser } from './messages';
import type { FileReport, ImportFormat, ImportSummary } from './types';
import type { ValueParser } from './valueParser';

/** Characters gathered before the format is decided: the size of a browser stream's first chunk. */
export const DETECT_CHARS = 64 * 1024;
/** JSON whose first chunk tells nothing (a first value longer than it) is gathered up to this many times DETECT_CHARS. */
const DETECT_MORE = 16;

export interface ImportOptions {
	/** The user's CSV column mapping (header text -> field), applied to every CSV file. */
	csvMapping?: CsvMappingInput;
	/** Characters gathered before detecting the format (DETECT_CHARS; smaller in tests). */
	detectChars?: number;
}

/** One file being read. */
export interface FileImport {
	/** Feeds the next chunk of the file's text. */
	push(chunk: string): void;
	/** Ends the file. */
	end(): void;
	/** Stops reading the file with a reason (it could not be read): what was read is kept. */
	abort(reason: string): void;
	readonly report: FileReport;
}

export interface Importer {
	/** Starts reading a file; its chunks go to the returned FileImport. */
	file(name: string): FileImport;
	/** The summary of every file started (a file not ended is ended first). */
	finish(): ImportSummary;
}

const VALUE_PARSERS: Record<Exclude<ImportFormat, 'csv'>, (ctx: FileContext) => ValueParser> = {
	messages: createMessagesParser,
	'batch-results': createBatchResultsParser,
	'claude-code': createClaudeCodeParser,
	'usage-report': createUsageReportParser,
	'cost-report': createCostReportParser
};

/** Feeds text into the reader of a detected format. */
interface Pipeline {
	push(chunk: string): void;
	end(): void;
}

/** An error's words, at most 160 characters (a JSON error quotes the text it failed on). */
function message(error: unknown): string {
	const words = error instanceof Error ? error.message : String(error);
	return words.length > 160 ? `${words.slice(0, 160)}…` : words;
}

function jsonPipeline(ctx: FileContext, detection: Extract<Detection, { ok: true }>): Pipeline {
	const parser = VALUE_PARSERS[detection.format as Exclude<ImportFormat, 'csv'>](ctx);
	const deliver = (value: unknown, line: number, path: string) => {
		if (Array.isArray(value)) value.forEach((v, i) => parser.value(v, line, `${path}[${i}]`));
		else parser.value(value, line, path);
	};
	const parse = (text: string, line: number, path: string) => {
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			ctx.skip(line, { field: path, message: `${path ? `${path} on line ${line}` : `Line ${line}`} is not valid JSON (${message(error)})`, reason: 'not valid JSON' });
			return;
		}
		deliver(value, line, path);
	};
	const finish = () => parser.end?.();
	if (detection.mode === 'lines') {
		const splitter = createLineSplitter(
			(line, n) => {
				if (line.trim() !== '') parse(line, n, '');
			},
			(n) => ctx.skip(n, { field: '', message: `Line ${n} is too long to read: it was skipped`, reason: 'line too long' })
		);
		return {
			push: (chunk) => splitter.push(chunk),
			end() {
				splitter.end();
				finish();
			}
		};
	}
	const reader = createJsonValueReader({
		value: (text, line, index) => parse(text, line, index === null ? '' : `[${index}]`),
		problem: (line, words) => ctx.skip(line, { field: '', message: `Line ${line}: ${words}`, reason: 'not JSON' })
	});
	return {
		push: (chunk) => reader.push(chunk),
		end() {
			reader.end();
			finish();
		}
	};
}

/**
 * A new import. Every file shares one collector, so the summary groups usage across files.
 * Example: const imp = createImporter(); const f = imp.file('log.jsonl'); f.push(text);
 * f.end(); imp.finish().groups.
 */
export function createImporter(options: ImportOptions = {}): Importer {
	const collector: Collector = createCollector();
	const detectChars = options.detectChars ?? DETECT_CHARS;
	const files: { report: FileReport; end: () => void }[] = [];

	const file = (name: string): FileImport => {
		const report = newFileReport(name, null);
		const ctx = createFileContext(report, collector);
		let head = '';
		let pipeline: Pipeline | null = null;
		let stopped = false;
		let ended = false;

		/** Runs a step of the reader; an unexpected error stops this file and is reported. */
		const guard = (step: () => void) => {
			if (stopped) return;
			try {
				step();
			} catch (error) {
				stopped = true;
				ctx.skip(null, { field: '', message: `Reading stopped: ${message(error)}`, reason: 'unexpected error' });
			}
		};
		let detectAt = detectChars;
		const start = (wholeFile: boolean) => {
			const detection = detectFormat(head, wholeFile);
			if (!detection.ok && detection.needMore && detectAt < detectChars * DETECT_MORE) {
				detectAt *= 2;
				return;
			}
			if (!detection.ok) {
				stopped = true;
				ctx.skip(null, { field: '', message: detection.message, reason: 'format not recognised' });
				return;
			}
			report.format = detection.format;
			pipeline =
				detection.format === 'csv'
					? createCsvParser(ctx, detection.delimiter, options.csvMapping)
					: jsonPipeline(ctx, detection);
			const first = head;
			head = '';
			pipeline.push(first);
		};

		const handle: FileImport = {
			report,
			push(chunk) {
				if (ended) return;
				report.chars += chunk.length;
				guard(() => {
					if (pipeline) return pipeline.push(chunk);
					head += chunk;
					if (head.length >= detectAt) start(false);
				});
			},
			end() {
				if (ended) return;
				ended = true;
				guard(() => {
					if (!pipeline) start(true);
					pipeline?.end();
				});
			},
			abort(reason) {
				if (ended) return;
				ended = true;
				stopped = true;
				ctx.skip(null, { field: '', message: `Reading stopped: ${reason}`, reason: 'file not readable' });
			}
		};
		files.push({ report, end: () => handle.end() });
		return handle;
	};

	return {
		file,
		finish() {
			for (const f of files) f.end();
			return collector.finish(files.map((f) => f.report));
		}
	};
}

/**
 * Imports whole texts (or texts already cut into chunks): for tests and small inputs.
 * Example: importTexts([{ name: 'a.jsonl', text: '{"usage":{"input_tokens":1,"output_tokens":2}}' }]).
 */
export function importTexts(files: readonly { name: string; text: string | readonly string[] }[], options: ImportOptions = {}): ImportSummary {
	const importer = createImporter(options);
	for (const f of files) {
		const handle = importer.file(f.name);
		for (const chunk of typeof f.text === 'string' ? [f.text] : f.text) handle.push(chunk);
		handle.end();
	}
	return importer.finish();
}

/**
 * Imports files given as byte chunks, decoding UTF-8 across chunk boundaries (a character
 * cut between two chunks is decoded whole): what the worker does with TextDecoderStream.
 */
export function importByteChunks(files: readonly { name: string; chunks: Iterable<Uint8Array> }[], options: ImportOptions = {}): ImportSummary {
	const importer = createImporter(options);
	for (const f of files) {
		const handle = importer.file(f.name);
		const decoder = new TextDecoder('utf-8');
		for (const bytes of f.chunks) {
			const text = decoder.decode(bytes, { stream: true });
			if (text) handle.push(text);
		}
		const rest = decoder.decode();
		if (rest) handle.push(rest);
		handle.end();
	}
	return importer.finish();
}
