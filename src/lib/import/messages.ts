// Messages API responses, or their bare `usage` objects: one object, an array or JSON Lines
// (docs/pricing-model.md §8). One record per response, priced on its own.
import { fail, isObject, newReading, readString } from './fields';
import type { FileContext } from './fileContext';
import { NO_MODEL, type RecordTraits } from './types';
import { readGeo, readSpeed, readUsage } from './usageObject';
import type { ValueParser } from './valueParser';

/** Stream events and other objects that are not a response. */
const EVENT_TYPES = new Set(['message_start', 'message_delta', 'message_stop', 'content_block_start', 'content_block_delta', 'content_block_stop', 'ping']);

/**
 * Reads Messages API responses (`{ id, model, usage, ... }`) or bare `usage` objects
 * (`{ input_tokens, output_tokens, ... }`, whose model is NO_MODEL until mapped). Error
 * responses (`type: "error"`) are not billed and are counted as ignored.
 */
export function createMessagesParser(ctx: FileContext): ValueParser {
	return {
		value(value, line, path) {
			const reading = newReading();
			if (!isObject(value)) {
				fail(reading, path, `${path || 'the line'} is not a JSON object`, 'not an object');
				ctx.skip(line, reading.problem!);
				return;
			}
			if (value.type === 'error') return ctx.ignore('error responses (not billed)');
			if (typeof value.type === 'string' && EVENT_TYPES.has(value.type)) {
				fail(reading, `${path}type`, `"${value.type}" is a streaming event, not a whole response: save the final message instead`, 'streaming event');
				ctx.skip(line, reading.problem!);
				return;
			}
			const bare = !('usage' in value) && ('input_tokens' in value || 'output_tokens' in value);
			const usagePath = bare ? path : path ? `${path}.usage` : 'usage';
			const usage = readUsage(reading, bare ? value : value.usage, usagePath);
			if (!usage || reading.problem) {
				ctx.skip(line, reading.problem!);
				return;
			}
			for (const remark of usage.remarks) ctx.note(remark);
			const traits: RecordTraits = {
				model: (bare ? null : readString(value, 'model')) ?? NO_MODEL,
				serviceTier: usage.serviceTier,
				speed: usage.speed === 'fast' ? 'fast' : readSpeed(value.speed),
				inferenceGeo: usage.inferenceGeo ?? readGeo(value.inference_geo)
			};
			ctx.collector.request(traits, usage.tokens);
			ctx.read();
		}
	};
}
