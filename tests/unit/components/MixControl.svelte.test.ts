// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import MixControl from '$lib/components/MixControl.svelte';
import { getSheet } from '$lib/pricing/sheets';

const sheet = getSheet('anthropic-2026-03');

function setup(mix: Record<string, number> = { 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 }) {
	const props = $state({ mix, sheet });
	render(MixControl, { props });
	const field = (name: string) => screen.getByRole('spinbutton', { name }) as HTMLInputElement;
	const slider = (name: string) => screen.getByRole('slider', { name }) as HTMLInputElement;
	return { props, field, slider };
}

describe('MixControl', () => {
	it('labels every share "<model name> share", as slider and number field', () => {
		const { field, slider } = setup();
		for (const name of ['Opus 4.6 share', 'Sonnet 4.6 share', 'Haiku 4.5 share']) {
			expect(field(name)).toBeTruthy();
			expect(slider(name)).toBeTruthy();
		}
	});

	it('rescales the other shares in proportion when one moves', async () => {
		const { props, field } = setup({ 'opus-4-6': 50, 'sonnet-4-6': 30, 'haiku-4-5': 20 });
		await fireEvent.input(field('Opus 4.6 share'), { target: { value: '80' } });
		expect(props.mix).toEqual({ 'opus-4-6': 80, 'sonnet-4-6': 12, 'haiku-4-5': 8 });
		expect(field('Sonnet 4.6 share').value).toBe('12');
		expect(field('Haiku 4.5 share').value).toBe('8');
	});

	it('keeps a locked share put and disables its inputs', async () => {
		const { props, field, slider } = setup({ 'opus-4-6': 50, 'sonnet-4-6': 30, 'haiku-4-5': 20 });
		await fireEvent.click(screen.getByRole('button', { name: 'Lock Haiku 4.5 share' }));
		expect(screen.getByRole('button', { name: 'Lock Haiku 4.5 share' }).getAttribute('aria-pressed')).toBe('true');
		expect(slider('Haiku 4.5 share').disabled).toBe(true);
		await fireEvent.input(slider('Opus 4.6 share'), { target: { value: '95' } });
		// Haiku holds 20, so Opus can take at most 80.
		expect(props.mix).toEqual({ 'opus-4-6': 80, 'sonnet-4-6': 0, 'haiku-4-5': 20 });
	});

	it('adds a model from the sheet at 0 % and removes one, handing its share on', async () => {
		const { props } = setup({ 'opus-4-6': 20, 'sonnet-4-6': 80 });
		await fireEvent.change(screen.getByRole('combobox', { name: 'Add model to mix' }), { target: { value: 'haiku-3-5' } });
		// Choosing in the list (arrow keys included) adds nothing; the Add button does.
		expect(props.mix).toEqual({ 'opus-4-6': 20, 'sonnet-4-6': 80 });
		await fireEvent.click(screen.getByRole('button', { name: 'Add' }));
		expect(props.mix).toEqual({ 'opus-4-6': 20, 'sonnet-4-6': 80, 'haiku-3-5': 0 });
		expect(screen.getByRole('spinbutton', { name: 'Haiku 3.5 share' })).toBeTruthy();
		await fireEvent.click(screen.getByRole('button', { name: 'Remove Opus 4.6 from mix' }));
		expect(props.mix).toEqual({ 'sonnet-4-6': 100, 'haiku-3-5': 0 });
	});

	it('shows the weighted price of the mix', () => {
		setup({ 'opus-4-6': 5, 'sonnet-4-6': 25, 'haiku-4-5': 70 });
		// 0.05 x 5 + 0.25 x 3 + 0.7 x 1 = 1.70; 0.05 x 25 + 0.25 x 15 + 0.7 x 5 = 8.50.
		expect(screen.getByText(/Mix average/).textContent).toMatch(/\$1\.70 input and \$8\.50 output/);
	});
});
