// The import worker: a module Web Worker that reads the files it is sent (workerRun.ts) and
// posts progress and the final summary. Create it with
//   new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })
// or use importClient.ts, which does.
import type { ImportSummary } from './types';
import { runImport } from './workerRun';
import type { FromWorker, ToWorker } from './workerProtocol';

/** The part of a dedicated worker's global scope used here (the DOM lib has no worker types). */
interface WorkerScope {
	onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
	postMessage(message: FromWorker, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

interface Run {
	id: number;
	cancelled: boolean;
	reader: ReadableStreamDefaultReader<string> | null;
}

let current: Run | null = null;

function cancel(run: Run): void {
	run.cancelled = true;
	run.reader?.cancel().catch(() => {});
}

/** The ledger's buffers, moved to the page rather than copied. */
function transferables(summary: ImportSummary): Transferable[] {
	const l = summary.ledger;
	return [l.group, l.uncachedInput, l.cacheWrite5m, l.cacheWrite1h, l.cacheRead, l.output, l.webSearches, l.actualUsd].map((a) => a.buffer as ArrayBuffer);
}

async function start(message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
	if (current) cancel(current);
	const run: Run = { id: message.run, cancelled: false, reader: null };
	current = run;
	try {
		const summary = await runImport(message.files, message.options, {
			progress: (p) => scope.postMessage({ type: 'progress', run: run.id, ...p }),
			cancelled: () => run.cancelled,
			reading: (reader) => {
				run.reader = reader;
			}
		});
		if (summary) scope.postMessage({ type: 'done', run: run.id, summary }, transferables(summary));
		else scope.postMessage({ type: 'cancelled', run: run.id });
	} catch (error) {
		scope.postMessage({ type: 'failed', run: run.id, message: error instanceof Error ? error.message : String(error) });
	} finally {
		if (current === run) current = null;
	}
}

scope.onmessage = (event) => {
	const message = event.data;
	if (message.type === 'start') void start(message);
	else if (message.type === 'cancel' && current && current.id === message.run) cancel(current);
};
