// Messages between the page (importClient.ts) and the import worker (worker.ts). Plain data
// only: everything here crosses postMessage by structured clone.
import type { ImportOptions } from './importer';
import type { ImportSummary } from './types';

/** How often the worker reports progress at most, in ms. */
export const PROGRESS_INTERVAL_MS = 100;

export type ToWorker =
	| { type: 'start'; run: number; files: File[]; options: ImportOptions }
	| { type: 'cancel'; run: number };

export interface ImportProgress {
	/** The file being read, and its place in the list. */
	file: string;
	fileIndex: number;
	fileCount: number;
	bytesRead: number;
	bytesTotal: number;
	/** Records read from this file so far. */
	records: number;
}

export type FromWorker =
	| ({ type: 'progress'; run: number } & ImportProgress)
	| { type: 'done'; run: number; summary: ImportSummary }
	| { type: 'cancelled'; run: number }
	| { type: 'failed'; run: number; message: string };

/** What an import ends with: it never rejects. */
export type ImportOutcome =
	| { status: 'done'; summary: ImportSummary }
	| { status: 'cancelled' }
	| { status: 'failed'; message: string };
