// Message Batches results, JSON Lines of `{ custom_id, result: { type, message } }`
// (docs/pricing-model.md §8). Only succeeded requests are billed, at the batch tier.
import { fail, isObject, newReading, readString } from './fields';
import type { FileContext } from './fileContext';
import { NO_MODEL } from './types';
import { readGeo, readUsage } from './usageObject';
import type { ValueParser } from './valueParser';

const NOT_BILLED = new Set(['errored', 'canceled', 'expired']);

/**
 * Reads batch results: a `succeeded` result is one request at the batch tier (whatever its
 * usage says); `errored`, `canceled` and `expired` results are counted by type, as ignored.
 */
export function createBatchResultsParser(ctx: FileContext): ValueParser {
	return {
		value(value, line, path) {
			const reading = newReading();
			const at = (field: string) => (path ? `${path}.${field}` : field);
			if (!isObject(value)) fail(reading, path, `${path || 'the line'} is not a JSON object`, 'not an object');
			else if (!isObject(value.result)) fail(reading, at('result'), `${at('result')} is missing`, `missing ${at('result')}`);
			if (reading.problem || !isObject(value) || !isObject(value.result)) return ctx.skip(line, reading.problem!);
			const result = value.result;
			const type = readString(result, 'type');
			if (type !== null && NOT_BILLED.has(type)) return ctx.ignore(`${type} batch results (not billed)`);
			if (type !== 'succeeded') {
				fail(reading, at('result.type'), `${at('result.type')} is ${JSON.stringify(type)}: expected succeeded, errored, canceled or expired`, 'unknown result.type');
				return ctx.skip(line, reading.problem!);
			}
			const message = result.message;
			if (!isObject(message)) {
				fail(reading, at('result.message'), `${at('result.message')} is missing`, `missing ${at('result.message')}`);
				return ctx.skip(line, reading.problem!);
			}
			const usage = readUsage(reading, message.usage, at('result.message.usage'));
			if (!usage || reading.problem) return ctx.skip(line, reading.problem!);
			ctx.collector.request(
				{ model: readString(message, 'model') ?? NO_MODEL, serviceTier: 'batch', speed: 'standard', inferenceGeo: usage.inferenceGeo ?? readGeo(message.inference_geo) },
				usage.tokens
			);
			ctx.read();
		}
	};
}
