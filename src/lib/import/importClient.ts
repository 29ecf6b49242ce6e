// The page's side of the import worker: start an import, follow its progress, cancel it.
// Promise-based; an import never rejects (its outcome says done, cancelled or failed).
import type { ImportOptions } from './importer';
import type { FromWorker, ImportOutcome, ImportProgress, ToWorker } from './workerProtocol';

/** What the client needs of a Worker (a fake one in tests). */
export interface WorkerLike {
	postMessage(message: ToWorker): void;
	onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
	terminate(): void;
}

export interface ImportClient {
	/** Imports the files; a run already going is cancelled (its promise resolves as cancelled). */
	start(files: readonly File[], options?: ImportOptions): Promise<ImportOutcome>;
	/** Calls `listener` with each progress report; returns a function that stops it. */
	onProgress(listener: (progress: ImportProgress) => void): () => void;
	/** Cancels the run going, if any. */
	cancel(): void;
	/** Cancels any run and ends the worker. */
	dispose(): void;
}

/** The import worker, as a module worker bundled by Vite. */
export function createImportWorker(): WorkerLike {
	return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/**
 * A client for the import worker, created on the first start.
 * Example: const client = createImportClient(); client.onProgress((p) => (shown = p));
 *   const outcome = await client.start([...input.files]);
 *   if (outcome.status === 'done') summary = outcome.summary;
 */
export function createImportClient(makeWorker: () => WorkerLike = createImportWorker): ImportClient {
	let worker: WorkerLike | null = null;
	let runs = 0;
	let pending: { run: number; resolve: (outcome: ImportOutcome) => void } | null = null;
	const listeners = new Set<(progress: ImportProgress) => void>();

	const settle = (outcome: ImportOutcome) => {
		const p = pending;
		pending = null;
		p?.resolve(outcome);
	};

	const ensureWorker = (): WorkerLike => {
		if (worker) return worker;
		const w = makeWorker();
		w.onmessage = (event) => {
			const message = event.data;
			if (!pending || message.run !== pending.run) return; // a run already settled
			if (message.type === 'progress') {
				const { type: _type, run: _run, ...progress } = message;
				for (const listener of listeners) listener(progress);
			} else if (message.type === 'done') settle({ status: 'done', summary: message.summary });
			else if (message.type === 'cancelled') settle({ status: 'cancelled' });
			else settle({ status: 'failed', message: message.message });
		};
		w.onerror = (event) => {
			event.preventDefault?.();
			worker = null;
			w.terminate();
			settle({ status: 'failed', message: event.message || 'The import worker stopped unexpectedly.' });
		};
		worker = w;
		return w;
	};

	const cancel = () => {
		if (!pending) return;
		worker?.postMessage({ type: 'cancel', run: pending.run });
		settle({ status: 'cancelled' });
	};

	return {
		start(files, options = {}) {
			cancel();
			let w: WorkerLike;
			try {
				w = ensureWorker();
			} catch (error) {
				return Promise.resolve({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
			}
			runs += 1;
			const run = runs;
			return new Promise<ImportOutcome>((resolve) => {
				pending = { run, resolve };
				w.postMessage({ type: 'start', run, files: [...files], options });
			});
		},
		onProgress(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		cancel,
		dispose() {
			cancel();
			worker?.terminate();
			worker = null;
			listeners.clear();
		}
	};
}
