// The Admin API's usage report (`/v1/organizations/usage_report/messages`) and cost report
// (`/v1/organizations/cost_report`): pages of `{ data: [{ starting_at, ending_at, results }],
// has_more, next_page }` (docs/pricing-model.md §8). One or more pages per file: a single
// page, an array of pages, or one page per line.
import { fail, isObject, joinPath, newReading, readCount, readString, readTime, type Reading } from './fields';
import type { FileContext } from './fileContext';
import { NO_MODEL, type RecordTraits } from './types';
import { emptyTokens, readGeo, readServiceTier, readSpeed } from './usageObject';
import type { ValueParser } from './valueParser';

/** Cost types the calculator does not price: their dollars are left out of the comparison and noted. */
const UNPRICED_COST_TYPES = new Set(['code_execution', 'session_usage']);

/** A decimal string (or number) of cents, e.g. "123.45". */
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

interface Bucket {
	path: string;
	start: number | null;
	end: number | null;
	results: Record<string, unknown>[];
}

/** The buckets of one page; a problem is reported for what cannot be read. */
function buckets(ctx: FileContext, page: unknown, line: number, path: string): Bucket[] {
	const reading = newReading();
	if (!isObject(page) || !Array.isArray(page.data)) {
		const field = joinPath(path, 'data');
		fail(reading, field, `${field} is missing: not a page of an Admin API report`, `missing ${field}`);
		ctx.skip(line, reading.problem!);
		return [];
	}
	const out: Bucket[] = [];
	page.data.forEach((bucket, i) => {
		const at = `${joinPath(path, 'data')}[${i}]`;
		if (!isObject(bucket) || !Array.isArray(bucket.results)) {
			const r = newReading();
			fail(r, `${at}.results`, `${at}.results is missing`, 'missing data[].results');
			ctx.skip(line, r.problem!);
			return;
		}
		const results: Record<string, unknown>[] = [];
		bucket.results.forEach((result, j) => {
			if (isObject(result)) results.push(result);
			else {
				const r = newReading();
				fail(r, `${at}.results[${j}]`, `${at}.results[${j}] is not an object`, 'not an object');
				ctx.skip(line, r.problem!);
			}
		});
		out.push({ path: at, start: readTime(bucket.starting_at), end: readTime(bucket.ending_at), results });
	});
	return out;
}

function traitsOf(result: Record<string, unknown>, remarks: string[]): RecordTraits {
	return {
		model: readString(result, 'model') ?? NO_MODEL,
		serviceTier: readServiceTier(result.service_tier, remarks),
		speed: readSpeed(result.speed),
		inferenceGeo: readGeo(result.inference_geo)
	};
}

/**
 * Reads usage report pages: each result is a row of many requests (the report gives no
 * request count), with its bucket's start and end and its `context_window`.
 */
export function createUsageReportParser(ctx: FileContext): ValueParser {
	return {
		value(page, line, path) {
			for (const bucket of buckets(ctx, page, line, path)) {
				bucket.results.forEach((result, j) => {
					const at = `${bucket.path}.results[${j}]`;
					const reading: Reading = newReading();
					const tokens = emptyTokens();
					tokens.uncachedInput = readCount(reading, result, 'uncached_input_tokens', at, true);
					tokens.output = readCount(reading, result, 'output_tokens', at, true);
					tokens.cacheRead = readCount(reading, result, 'cache_read_input_tokens', at);
					if (isObject(result.cache_creation)) {
						tokens.cacheWrite5m = readCount(reading, result.cache_creation, 'ephemeral_5m_input_tokens', `${at}.cache_creation`);
						tokens.cacheWrite1h = readCount(reading, result.cache_creation, 'ephemeral_1h_input_tokens', `${at}.cache_creation`);
					}
					// Some exports flatten the creation total; without the split it counts as 5-minute writes.
					const total = readCount(reading, result, 'cache_creation_input_tokens', at);
					const unsplit = total - tokens.cacheWrite5m - tokens.cacheWrite1h;
					if (unsplit > 0) {
						tokens.cacheWrite5m += unsplit;
						tokens.creationWithoutSplit = unsplit;
					}
					if (isObject(result.server_tool_use)) {
						tokens.webSearches = readCount(reading, result.server_tool_use, 'web_search_requests', `${at}.server_tool_use`);
					}
					if (reading.problem) return ctx.skip(line, reading.problem);
					const remarks: string[] = [];
					const traits = traitsOf(result, remarks);
					if (result.service_tier == null) remarks.push('Some rows give no service_tier (the report was not grouped by it): they are priced as standard.');
					if (result.model == null) remarks.push(`Some rows give no model (the report was not grouped by it): map "${NO_MODEL}" to a model to price them.`);
					for (const remark of remarks) ctx.note(remark);
					ctx.collector.rows(traits, tokens, {
						requests: null,
						start: bucket.start,
						end: bucket.end,
						contextWindow: readString(result, 'context_window')
					});
					ctx.read();
				});
			}
		},
		end() {
			if (ctx.report.recordsRead > 0) {
				ctx.note('The usage report gives no request counts: averages per request need a request count from elsewhere.');
			}
		}
	};
}

/**
 * Reads cost report pages: each result is an actual cost, `amount` in cents as a decimal
 * string ("123.45" is $1.2345), attributed to its model and service tier. Code execution and
 * session costs are not priced by the calculator: they are noted and left out.
 */
export function createCostReportParser(ctx: FileContext): ValueParser {
	let unpricedCents = 0;
	return {
		value(page, line, path) {
			for (const bucket of buckets(ctx, page, line, path)) {
				bucket.results.forEach((result, j) => {
					const at = `${bucket.path}.results[${j}]`;
					const reading = newReading();
					const amount = result.amount;
					const text = typeof amount === 'number' && Number.isFinite(amount) ? String(amount) : typeof amount === 'string' ? amount.trim() : null;
					if (text === null || !DECIMAL.test(text)) {
						const message =
							amount === undefined || amount === null ? `${at}.amount is missing` : `${at}.amount is ${JSON.stringify(amount)}, not a decimal number of cents`;
						fail(reading, `${at}.amount`, message, amount == null ? 'missing amount' : 'amount not a number');
						return ctx.skip(line, reading.problem!);
					}
					const currency = readString(result, 'currency');
					if (currency !== null && currency.toUpperCase() !== 'USD') {
						fail(reading, `${at}.currency`, `${at}.currency is ${currency}: only US dollars are compared`, 'currency not USD');
						return ctx.skip(line, reading.problem!);
					}
					const cents = Number(text);
					const costType = readString(result, 'cost_type');
					if (costType !== null && UNPRICED_COST_TYPES.has(costType)) {
						unpricedCents += cents;
						return ctx.ignore(`${costType} costs (not priced by the calculator)`);
					}
					const remarks: string[] = [];
					const traits = traitsOf(result, remarks);
					for (const remark of remarks) ctx.note(remark);
					ctx.collector.cost(traits, cents / 100, bucket.start, bucket.end);
					ctx.read();
				});
			}
		},
		end() {
			if (unpricedCents !== 0) {
				ctx.note(`$${(unpricedCents / 100).toFixed(2)} of code execution and session costs are left out of the comparison: the calculator does not price them.`);
			}
		}
	};
}
