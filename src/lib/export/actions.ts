// What the export buttons load on first use (one chunk, after the first paint): the table
// builders, CSV and tab-separated text, and saving or copying them.
import { fileName, toCsv, toTsv, type ExportTable } from './csv';
import { saveBlob } from './chartImage';

export { forecastTable, modelTable, savingsTable, workloadTable } from './tables';
export type { ExportTable } from './csv';

/** Download CSV: the table as a UTF-8 CSV file named after it. */
export function downloadCsv(table: ExportTable): void {
	saveBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName(table.name, 'csv'));
}

/** Copy table: tab-separated raw figures on the clipboard. Rejects when the browser refuses clipboard access. */
export async function copyTable(table: ExportTable): Promise<void> {
	await navigator.clipboard.writeText(toTsv(table));
}
