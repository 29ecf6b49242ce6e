// Importing real usage (docs/usage-import.md, docs/pricing-model.md §8): the pure layer.
// The worker (worker.ts) and its client (importClient.ts) are imported on their own.
export { sheetModelId, isRecognizedModelName } from './modelNames';
export { detectFormat, classifyValue, csvDelimiter, type Detection, type ReadMode } from './detect';
export { createImporter, importTexts, importByteChunks, DETECT_CHARS, type Importer, type FileImport, type ImportOptions } from './importer';
export { CSV_FIELDS, CSV_COLUMNS, normalizeColumnName, proposeCsvMapping, type CsvField, type CsvMapping, type CsvMappingInput } from './csvColumns';
export { createCsvTokenizer, type CsvTokenizer } from './csvTokenizer';
export { readCsvNumber, readCsvDate } from './csvUsage';
export {
	priceUsage,
	resolveModel,
	groupRateFactor,
	bandForRows,
	contextWindowBounds,
	type PriceUsageOptions,
	type UsagePricing,
	type PricedGroup,
	type ModelComparison,
	type UnknownModel
} from './priceUsage';
export {
	toWorkloads,
	mixFromWeights,
	DAYS_PER_MONTH,
	type ImportedWorkload,
	type ImportedSettings,
	type ImportedPlan,
	type ToWorkloadsOptions,
	type WorkloadsFromUsage
} from './toWorkloads';
export * from './types';
export type { ImportOutcome, ImportProgress } from './workerProtocol';
