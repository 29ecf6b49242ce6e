import type { ModelPrice, Tokenizer } from '../pricing/schema';

/**
 * How many tokens a model counts for text measured as one token on `countedOn`: Claude 4.7
 * and later (`2026`) count about 30 % more than Claude 4.6 and earlier (`legacy`).
 *   same generation or adjustment off: 1;  legacy -> 2026: ratio;  2026 -> legacy: 1 / ratio
 * Example: 13,500 tokens measured on Sonnet 4.6 are 13,500 x 1.3 = 17,550 on Sonnet 5.5.
 */
export function tokenizerScale(model: Pick<ModelPrice, 'tokenizer'>, countedOn: Tokenizer, ratio: number, adjust = true): number {
	if (!adjust || model.tokenizer === countedOn) return 1;
	return model.tokenizer === '2026' ? ratio : 1 / ratio;
}
