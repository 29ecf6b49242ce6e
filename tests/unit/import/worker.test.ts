// The worker's reading loop (workerRun.ts) with real File objects and Web streams, and the
// page's client (importClient.ts) against a fake worker.
import { describe, expect, it } from 'vitest';
import { createImportClient, type WorkerLike } from '$lib/import/importClient';
import { importTexts } from '$lib/import/importer';
import { runImport } from '$lib/import/workerRun';
import type { FromWorker, ImportProgress, ToWorker } from '$lib/import/workerProtocol';
import type { ImportSummary } from '$lib/import/types';
import { fixture } from './helpers';

/** A File whose stream delivers the bytes in the given pieces (File.stream() picks its own sizes). */
function chunkedFile(name: string, pieces: Uint8Array[]): File {
	const size = pieces.reduce((s, p) => s + p.byteLength, 0);
	return {
		name,
		size,
		stream: () =>
			new ReadableStream<Uint8Array>({
				start(controller) {
					for (const p of pieces) controller.enqueue(p);
					controller.close();
				}
			})
	} as unknown as File;
}

describe('runImport', () => {
	it('reads File objects into the same summary as the text importer, with progress per file', async () => {
		const names = ['messages.jsonl', 'cost-report.json'];
		const files = names.map((n) => new File([fixture(n)], n));
		const progress: ImportProgress[] = [];
		const summary = await runImport(files, {}, { progress: (p) => progress.push(p), cancelled: () => false });
		expect(summary).toEqual(importTexts(names.map((name) => ({ name, text: fixture(name) }))));
		const last = progress.filter((p) => p.fileIndex === 0).at(-1)!;
		expect(last).toEqual({ file: 'messages.jsonl', fileIndex: 0, fileCount: 2, bytesRead: files[0]!.size, bytesTotal: files[0]!.size, records: 11 });
		expect(progress.at(-1)).toMatchObject({ file: 'cost-report.json', fileIndex: 1, records: 15 });
	});

	it('decodes characters cut between stream chunks (through TextDecoderStream)', async () => {
		const bytes = new TextEncoder().encode(JSON.stringify({ model: 'modèle-🎉', usage: { input_tokens: 1, output_tokens: 1 } }));
		const pieces = Array.from(bytes, (b) => Uint8Array.of(b));
		const summary = await runImport([chunkedFile('a.jsonl', pieces)], {}, { progress: () => {}, cancelled: () => false });
		expect(summary?.unrecognizedNames).toEqual(['modèle-🎉']);
	});

	it('reports progress at most every 100 ms', async () => {
		const line = `${JSON.stringify({ model: 'claude-haiku-4-5', usage: { input_tokens: 1, output_tokens: 1 } })}\n`;
		const pieces = Array.from({ length: 50 }, () => new TextEncoder().encode(line));
		let clock = 0;
		const progress: ImportProgress[] = [];
		await runImport([chunkedFile('a.jsonl', pieces)], {}, { progress: (p) => progress.push(p), cancelled: () => false, now: () => (clock += 30) });
		// Every reading of the clock advances it 30 ms: the 4th chunk after a report is 120 ms on,
		// so chunks 4, 8, ..., 48 report (12), plus the report before the first chunk and after the last.
		expect(progress.length).toBe(14);
		expect(progress.at(-1)!.records).toBe(50);
	});

	it('returns null once cancelled', async () => {
		let chunks = 0;
		const summary = await runImport([chunkedFile('a.jsonl', [new TextEncoder().encode('{"input_tokens":1,'), new TextEncoder().encode('"output_tokens":1}\n')])], {}, {
			progress: () => {},
			cancelled: () => chunks++ > 1
		});
		expect(summary).toBeNull();
	});

	it('reports a file that cannot be read and reads the others', async () => {
		const broken = {
			name: 'gone.jsonl',
			size: 10,
			stream: () =>
				new ReadableStream<Uint8Array>({
					pull(controller) {
						controller.error(new Error('The file could not be read'));
					}
				})
		} as unknown as File;
		const ok = new File([fixture('batch-results.jsonl')], 'batch-results.jsonl');
		const summary = (await runImport([broken, ok], {}, { progress: () => {}, cancelled: () => false }))!;
		expect(summary.files[0]!.issues).toEqual([{ file: 'gone.jsonl', line: null, field: null, message: 'Reading stopped: The file could not be read' }]);
		expect(summary.files[1]!.recordsRead).toBe(2);
	});
});

/** A fake worker: records what it is sent; `reply` plays the worker's answers. */
function fakeWorker() {
	const sent: ToWorker[] = [];
	let terminated = 0;
	const worker: WorkerLike = {
		onmessage: null,
		onerror: null,
		postMessage: (m) => sent.push(m),
		terminate: () => {
			terminated += 1;
		}
	};
	const reply = (m: FromWorker) => worker.onmessage?.({ data: m } as MessageEvent<FromWorker>);
	return { worker, sent, reply, terminated: () => terminated };
}

const SUMMARY = importTexts([{ name: 'a.jsonl', text: fixture('batch-results.jsonl') }]);

describe('createImportClient', () => {
	it('starts the worker once, passes progress on and resolves with the summary', async () => {
		const fake = fakeWorker();
		let made = 0;
		const client = createImportClient(() => {
			made += 1;
			return fake.worker;
		});
		const seen: ImportProgress[] = [];
		client.onProgress((p) => seen.push(p));
		const file = new File(['x'], 'a.jsonl');
		const outcome = client.start([file], { detectChars: 10 });
		expect(fake.sent).toEqual([{ type: 'start', run: 1, files: [file], options: { detectChars: 10 } }]);
		fake.reply({ type: 'progress', run: 1, file: 'a.jsonl', fileIndex: 0, fileCount: 1, bytesRead: 1, bytesTotal: 1, records: 0 });
		fake.reply({ type: 'done', run: 1, summary: SUMMARY as ImportSummary });
		expect(await outcome).toEqual({ status: 'done', summary: SUMMARY });
		expect(seen).toEqual([{ file: 'a.jsonl', fileIndex: 0, fileCount: 1, bytesRead: 1, bytesTotal: 1, records: 0 }]);
		void client.start([file]);
		expect(made).toBe(1);
	});

	it('cancels: the run resolves as cancelled, the worker is told, late messages are ignored', async () => {
		const fake = fakeWorker();
		const client = createImportClient(() => fake.worker);
		const seen: ImportProgress[] = [];
		client.onProgress((p) => seen.push(p));
		const outcome = client.start([]);
		client.cancel();
		expect(await outcome).toEqual({ status: 'cancelled' });
		expect(fake.sent.at(-1)).toEqual({ type: 'cancel', run: 1 });
		fake.reply({ type: 'progress', run: 1, file: 'a', fileIndex: 0, fileCount: 1, bytesRead: 0, bytesTotal: 1, records: 0 });
		expect(seen).toEqual([]);
	});

	it('a second start cancels the first', async () => {
		const fake = fakeWorker();
		const client = createImportClient(() => fake.worker);
		const first = client.start([]);
		const second = client.start([]);
		expect(await first).toEqual({ status: 'cancelled' });
		fake.reply({ type: 'done', run: 2, summary: SUMMARY });
		expect(await second).toEqual({ status: 'done', summary: SUMMARY });
		expect(fake.sent.map((m) => [m.type, m.run])).toEqual([
			['start', 1],
			['cancel', 1],
			['start', 2]
		]);
	});

	it('never rejects: a failure or a crashed worker resolves as failed, and a new worker is made next time', async () => {
		const fakes = [fakeWorker(), fakeWorker()];
		let made = 0;
		const client = createImportClient(() => fakes[made++]!.worker);
		const failed = client.start([]);
		fakes[0]!.reply({ type: 'failed', run: 1, message: 'out of memory' });
		expect(await failed).toEqual({ status: 'failed', message: 'out of memory' });
		const crashed = client.start([]);
		fakes[0]!.worker.onerror?.({ message: 'Uncaught SyntaxError', preventDefault: () => {} } as ErrorEvent);
		expect(await crashed).toEqual({ status: 'failed', message: 'Uncaught SyntaxError' });
		expect(fakes[0]!.terminated()).toBe(1);
		void client.start([]);
		expect(made).toBe(2);
		const noWorker = createImportClient(() => {
			throw new Error('Workers are not supported');
		});
		expect(await noWorker.start([])).toEqual({ status: 'failed', message: 'Workers are not supported' });
	});
});
