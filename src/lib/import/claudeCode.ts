// Claude Code session logs: JSON Lines whose assistant lines carry `message.model` and
// `message.usage`. Claude Code writes one line per content block of a response, each with
// the response's usage (output growing as the response streams), so each response is
// counted once: lines with a requestId or message.id seen before are merged into it.
import { fail, isObject, newReading, readString, readTime } from './fields';
import type { FileContext } from './fileContext';
import { NO_MODEL } from './types';
import { readUsage } from './usageObject';
import type { ValueParser } from './valueParser';

/** The model Claude Code writes for messages it made up itself (no API call). */
export const SYNTHETIC_MODEL = '<synthetic>';

/**
 * Reads a Claude Code log. Lines without `message.usage` (user turns, tool results,
 * summaries) and synthetic messages are ignored; a line whose requestId or message.id was
 * seen before counts as a duplicate, and the response keeps the larger of each count
 * (the last line of a streamed response has the final output count). `costUSD`, where
 * older versions wrote it, is the actual cost.
 */
export function createClaudeCodeParser(ctx: FileContext): ValueParser {
	return {
		value(value, line, path) {
			const reading = newReading();
			if (!isObject(value)) {
				fail(reading, path, `${path || 'the line'} is not a JSON object`, 'not an object');
				return ctx.skip(line, reading.problem!);
			}
			const message = value.message;
			if (!isObject(message) || !('usage' in message)) return ctx.ignore('lines without usage (user turns, tool results, summaries)');
			const model = readString(message, 'model') ?? NO_MODEL;
			if (model === SYNTHETIC_MODEL) return ctx.ignore('synthetic messages (no API call)');
			const usage = readUsage(reading, message.usage, path ? `${path}.message.usage` : 'message.usage');
			if (!usage || reading.problem) return ctx.skip(line, reading.problem!);
			const t = usage.tokens;
			if (t.uncachedInput + t.output + t.cacheRead + t.cacheWrite5m + t.cacheWrite1h + t.webSearches === 0) {
				return ctx.ignore('responses with no tokens (API errors)');
			}
			for (const remark of usage.remarks) ctx.note(remark);
			const ids: string[] = [];
			const requestId = readString(value, 'requestId');
			const messageId = readString(message, 'id');
			if (requestId) ids.push(`req:${requestId}`);
			if (messageId) ids.push(`msg:${messageId}`);
			const cost = value.costUSD;
			const outcome = ctx.collector.request({ model, serviceTier: usage.serviceTier, speed: usage.speed, inferenceGeo: usage.inferenceGeo }, t, {
				time: readTime(value.timestamp),
				actualUsd: typeof cost === 'number' && Number.isFinite(cost) && cost >= 0 ? cost : null,
				ids
			});
			if (outcome === 'duplicate') ctx.duplicate();
			else ctx.read();
		}
	};
}
