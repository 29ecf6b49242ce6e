// What the import worker does with a list of files, apart from the worker's own message
// wiring so it runs (and is tested) anywhere Web streams exist: each file is read with
// file.stream() through a byte counter and a TextDecoderStream (UTF-8 characters cut
// between chunks come out whole), fed to the importer, with progress at most every
// PROGRESS_INTERVAL_MS.
import { createImporter, type ImportOptions } from './importer';
import type { ImportSummary } from './types';
import { PROGRESS_INTERVAL_MS, type ImportProgress } from './workerProtocol';

export interface RunHooks {
	progress(progress: ImportProgress): void;
	/** True once the run is cancelled: reading stops at the next chunk. */
	cancelled(): boolean;
	/** The reader of the file being read, so a cancel can stop it at once. */
	reading?(reader: ReadableStreamDefaultReader<string> | null): void;
	/** The clock, in ms (performance.now by default). */
	now?(): number;
}

/** Lets queued messages (a cancel) in between chunks. */
const breathe = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads the files into one summary, or returns null when cancelled. A file that cannot be
 * read is reported in its own report; the others are still read.
 */
export async function runImport(files: readonly File[], options: ImportOptions, hooks: RunHooks): Promise<ImportSummary | null> {
	const now = hooks.now ?? (() => performance.now());
	const importer = createImporter(options);
	for (const [fileIndex, file] of files.entries()) {
		const handle = importer.file(file.name);
		let bytesRead = 0;
		const report = () =>
			hooks.progress({ file: file.name, fileIndex, fileCount: files.length, bytesRead, bytesTotal: file.size, records: handle.report.recordsRead });
		const counter = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
			transform(chunk, controller) {
				bytesRead += chunk.byteLength;
				controller.enqueue(chunk);
			}
		});
		report();
		let last = now();
		try {
			const reader = file.stream().pipeThrough(counter).pipeThrough(new TextDecoderStream()).getReader();
			hooks.reading?.(reader);
			for (;;) {
				const { done, value } = await reader.read();
				if (hooks.cancelled()) {
					await reader.cancel().catch(() => {});
					return null;
				}
				if (done) break;
				handle.push(value);
				if (now() - last >= PROGRESS_INTERVAL_MS) {
					last = now();
					report();
					await breathe();
					if (hooks.cancelled()) {
						await reader.cancel().catch(() => {});
						return null;
					}
				}
			}
			handle.end();
		} catch (error) {
			if (hooks.cancelled()) return null;
			handle.abort(error instanceof Error ? error.message : String(error));
		} finally {
			hooks.reading?.(null);
		}
		report();
	}
	return hooks.cancelled() ? null : importer.finish();
}
