// What the price editor accepts, and how an accepted value becomes a price override.
// Pure: no Svelte, no DOM, no zod.
import { applyOverride } from '../engine/prices';
import { LIMITS } from '../scenario/limits';
import { sheetValue, type PriceFieldKey } from '../scenario/priceFields';
import type { PriceOverride } from '../scenario/types';
import { MAX_CONTEXT_WINDOW, MAX_FACTOR } from './fields';
import type { ModelPrice } from './schema';

/** What a typed value is checked as. */
export type InputRule =
	/** $ per million tokens, 0 to LIMITS.dollarsPerMTok. */
	| { kind: 'price' }
	/** A minimum cacheable prefix: whole tokens, at most the model's context window. */
	| { kind: 'tokens'; modelName: string; contextWindow: number }
	/** A context window: whole tokens, at least the model's minimum cacheable prefix. */
	| { kind: 'contextWindow'; minCacheTokens: number }
	/** A price factor such as fast mode's 2: above 0, at most MAX_FACTOR; empty means none. */
	| { kind: 'factor' };

export type InputCheck = { ok: true; value: number | null } | { ok: false; message: string };

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** A plain decimal, optionally signed, with an exponent: what String(n) writes. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** Thousands written with commas: 1,024 or 10,000.5. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * The number a person typed, or null when it is not one. Accepts a leading `$`, spaces
 * around it, and commas between thousands ("1,024"); nothing else ("4 dollars", "1,5", "0x10").
 * Examples: "$4.50" -> 4.5, "1,024" -> 1024, "-1" -> -1, "abc" -> null, "" -> null.
 */
export function readTypedNumber(text: string): number | null {
	let t = text.trim();
	if (t.startsWith('$')) t = t.slice(1).trim();
	else if (/^[+-]\$/.test(t)) t = t[0] + t.slice(2).trim();
	if (GROUPED.test(t)) t = t.replace(/,/g, '');
	if (!DECIMAL.test(t)) return null;
	const n = Number(t);
	return Number.isFinite(n) ? n + 0 : null;
}

/**
 * Checks one typed value against its rule. A refusal says what is wrong in plain words;
 * the caller keeps the last valid value. Total: never throws.
 * Examples: checkInput('-1', { kind: 'price' }) -> "A price cannot be negative.";
 * checkInput('2000000', { kind: 'tokens', modelName: 'Opus 4.5', contextWindow: 200000 })
 * -> "Above Opus 4.5's context window of 200,000 tokens."
 */
export function checkInput(text: string, rule: InputRule): InputCheck {
	const blank = text.trim() === '';
	if (blank && rule.kind === 'factor') return { ok: true, value: null };
	if (blank) return { ok: false, message: rule.kind === 'price' ? 'Enter a price in dollars per million tokens.' : 'Enter a number of tokens.' };
	const n = readTypedNumber(text);
	if (n === null) return { ok: false, message: `${shortQuote(text)} is not a number.` };

	switch (rule.kind) {
		case 'price':
			if (n < 0) return { ok: false, message: 'A price cannot be negative.' };
			if (n > LIMITS.dollarsPerMTok)
				return { ok: false, message: `Above ${money.format(LIMITS.dollarsPerMTok)} per million tokens, more than any model costs: check for extra zeros.` };
			return { ok: true, value: n };
		case 'tokens':
			if (n < 0) return { ok: false, message: 'A number of tokens cannot be negative.' };
			if (!Number.isInteger(n)) return { ok: false, message: 'Enter a whole number of tokens.' };
			if (n > rule.contextWindow)
				return { ok: false, message: `Above ${rule.modelName}'s context window of ${count.format(rule.contextWindow)} tokens.` };
			if (n > LIMITS.tokens) return { ok: false, message: `Above ${count.format(LIMITS.tokens)} tokens, the most the calculator takes.` };
			return { ok: true, value: n };
		case 'contextWindow':
			if (n <= 0) return { ok: false, message: 'A context window must be at least 1 token.' };
			if (!Number.isInteger(n)) return { ok: false, message: 'Enter a whole number of tokens.' };
			if (n > MAX_CONTEXT_WINDOW) return { ok: false, message: `Above ${count.format(MAX_CONTEXT_WINDOW)} tokens, the most a price sheet takes.` };
			if (n < rule.minCacheTokens)
				return { ok: false, message: `Below the model's minimum cacheable prefix of ${count.format(rule.minCacheTokens)} tokens; lower that first.` };
			return { ok: true, value: n };
		case 'factor':
			if (n <= 0) return { ok: false, message: 'A factor must be above 0 (leave the field empty for none).' };
			if (n > MAX_FACTOR) return { ok: false, message: `Above ${MAX_FACTOR}, the largest factor a price sheet takes.` };
			return { ok: true, value: n };
	}
}

/** Up to 24 characters of what was typed, quoted, with invisible characters shown as \u escapes. */
function shortQuote(text: string): string {
	const chars = Array.from(text.trim());
	const head = chars.slice(0, 24).join('') + (chars.length > 24 ? '…' : '');
	return `“${head.replace(/[\p{C}\p{Zl}\p{Zp}]/gu, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)}”`;
}

/** A value as the editor shows it: at most 12 significant digits, so 0.1 + 0.2 reads 0.3. */
export function showValue(n: number): string {
	return String(Number(n.toPrecision(12)));
}

/**
 * What the engine uses for one field of a model with its override (if any): an overridden
 * value, or the sheet's, or, for a cache rate left alone while the input rate is
 * overridden, the sheet's rate scaled with the input (engine/prices.ts applyOverride).
 * Undefined for a band field of a model without a band.
 * Example: Opus 4.6 ($5 in, $6.25 write) with { inputPerMTok: 4 } writes at $5.
 */
export function effectiveValue(model: ModelPrice, override: PriceOverride | undefined, key: PriceFieldKey): number | undefined {
	return sheetValue(override ? applyOverride(model, override) : model, key);
}

/** True when the field is not overridden itself but follows an overridden input rate. */
export function followsInput(model: ModelPrice, override: PriceOverride | undefined, key: PriceFieldKey): boolean {
	if (!override || override[key] !== undefined) return false;
	if (key === 'cacheWrite5mPerMTok' || key === 'cacheWrite1hPerMTok' || key === 'cacheReadPerMTok') {
		return override.inputPerMTok !== undefined && model.inputPerMTok > 0;
	}
	if (key === 'bandCacheWrite5mPerMTok' || key === 'bandCacheWrite1hPerMTok' || key === 'bandCacheReadPerMTok') {
		return override.bandInputPerMTok !== undefined && (model.bands?.[0]?.inputPerMTok ?? 0) > 0;
	}
	return false;
}

/**
 * The overrides with one field of one model set. A value equal to what the field would be
 * without its own override is no override (the key is dropped, and the model once it has
 * none left), so links stay short. The input is not mutated.
 * Example: setOverride({}, opus55, 'inputPerMTok', 3) -> { 'opus-5-5': { inputPerMTok: 3 } }.
 */
export function setOverride(
	prices: Readonly<Record<string, PriceOverride>>,
	model: ModelPrice,
	key: PriceFieldKey,
	value: number
): Record<string, PriceOverride> {
	const rest: PriceOverride = { ...prices[model.id] };
	delete rest[key];
	const without = effectiveValue(model, Object.keys(rest).length ? rest : undefined, key);
	return withOverride(prices, model.id, without === value ? rest : { ...rest, [key]: value });
}

/** The overrides with one field of one model back to the sheet (or to following the input). */
export function resetOverride(prices: Readonly<Record<string, PriceOverride>>, modelId: string, key: PriceFieldKey): Record<string, PriceOverride> {
	if (!prices[modelId] || prices[modelId][key] === undefined) return { ...prices };
	const rest: PriceOverride = { ...prices[modelId] };
	delete rest[key];
	return withOverride(prices, modelId, rest);
}

function withOverride(prices: Readonly<Record<string, PriceOverride>>, id: string, override: PriceOverride): Record<string, PriceOverride> {
	const next = { ...prices };
	if (Object.keys(override).length) next[id] = override;
	else delete next[id];
	return next;
}
