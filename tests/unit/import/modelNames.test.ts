// API model names to sheet ids (docs/pricing-model.md §8): the names of the spec and the
// other spellings vendors and tools use, each expected id typed from the rule.
import { describe, expect, it } from 'vitest';
import { isRecognizedModelName, sheetModelId } from '$lib/import/modelNames';

describe('sheetModelId', () => {
	it.each([
		['claude-sonnet-4-6', 'sonnet-4-6'],
		['claude-sonnet-4-6-20260319', 'sonnet-4-6'],
		['claude-3-5-haiku-20241022', 'haiku-3-5'],
		['anthropic.claude-haiku-5-5', 'haiku-5-5'],
		['us.anthropic.claude-haiku-5-5-v1:0', 'haiku-5-5'],
		['eu.anthropic.claude-sonnet-4-5-20250929-v1:0', 'sonnet-4-5'],
		['anthropic.claude-3-5-sonnet-20241022-v2:0', 'sonnet-3-5'],
		['claude-opus-4-1@20250805', 'opus-4-1'],
		['claude-opus-4-20250514', 'opus-4'],
		['claude-opus-4-0', 'opus-4'],
		['claude-3-haiku-20240307', 'haiku-3'],
		['claude-3-7-sonnet-latest', 'sonnet-3-7'],
		['claude-sonnet-4-5[1m]', 'sonnet-4-5'],
		['Claude Sonnet 4.6', 'sonnet-4-6'],
		['Claude 3.5 Haiku', 'haiku-3-5'],
		['  CLAUDE-OPUS-5-5  ', 'opus-5-5'],
		['sonnet-4-6', 'sonnet-4-6'],
		['haiku-5-5-20261007', 'haiku-5-5']
	])('%s -> %s', (name, id) => {
		expect(sheetModelId(name)).toBe(id);
		expect(isRecognizedModelName(name)).toBe(true);
	});

	it.each(['gpt-4o', 'my-finetune', '<synthetic>', 'mistral-large-2', ''])('keeps %j as given and marks it unrecognised', (name) => {
		expect(sheetModelId(name)).toBe(name.trim());
		expect(isRecognizedModelName(name)).toBe(false);
	});
});
