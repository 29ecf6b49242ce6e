// @vitest-environment jsdom
// Share / Open file UI: a file name is quoted safely wherever it is shown.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ShareBar from '$lib/components/ShareBar.svelte';
import { exampleScenarioV2 } from '$lib/scenario/defaults';

function setup() {
	const onopen = vi.fn();
	render(ShareBar, { props: { scenario: exampleScenarioV2(), url: 'https://example.test/?v=1', onopen } });
	const input = screen.getByLabelText('Open scenario file') as HTMLInputElement;
	/** Picks `file` in the file input. */
	const pick = async (file: File) => {
		Object.defineProperty(input, 'files', { value: [file], configurable: true });
		await fireEvent.change(input);
	};
	return { onopen, pick };
}

/** A file of `bytes` bytes with this name. */
const fileOf = (name: string, bytes: number) => new File(['x'.repeat(bytes)], name, { type: 'application/json' });

describe('ShareBar, Open scenario…', () => {
	it('names a file too large to be a scenario, quoted, with its size', async () => {
		const { onopen, pick } = setup();
		await pick(fileOf('big.json', 1_500_000));
		expect(onopen).toHaveBeenCalledWith({ error: '"big.json" is 1500 KB; a scenario file is a few hundred bytes.' });
	});

	it('writes bidirectional and invisible characters in a file name as visible escapes', async () => {
		const { onopen, pick } = setup();
		// U+202E (right-to-left override) would show "scenario\u202Enosj.exe" as "scenarioexe.json".
		await pick(fileOf('scenario\u202Enosj.exe\u200B', 1_000_001));
		const { error } = onopen.mock.calls[0]?.[0] as { error: string };
		expect(error).toBe('"scenario\\u202enosj.exe\\u200b" is 1000 KB; a scenario file is a few hundred bytes.');
		expect(error).not.toMatch(/[\u202E\u200B]/);
	});

	it('reads a file of scenario size and passes on what it found, notices included', async () => {
		const { onopen, pick } = setup();
		const text = '{"version": 2, "name": "First", "name": "Second"}';
		// jsdom's File has no text(): give it the browser's.
		await pick(Object.assign(new File([text], 'mine.json'), { text: async () => text }));
		await vi.waitFor(() => expect(onopen).toHaveBeenCalledTimes(1));
		const result = onopen.mock.calls[0]?.[0] as { scenario: { name: string }; corrections: string[] };
		expect(result.scenario.name).toBe('First');
		expect(result.corrections[0]).toBe('"name": set 2 times in the file; used the first, "First"');
	});
});
