// @vitest-environment jsdom
// One field of the price editor: refused text stays with a message tied to the field, an
// accepted value is passed on, Reset clears both.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import PriceField from '$lib/components/PriceField.svelte';

function setup(props: Record<string, unknown> = {}) {
	const onaccept = vi.fn();
	const onreset = vi.fn();
	render(PriceField, {
		props: { id: 'f', prefix: 'Opus 5.5', words: 'input price', value: 4, rule: { kind: 'price' }, onaccept, onreset, ...props }
	});
	const input = screen.getByRole('textbox', { name: 'Opus 5.5 input price' }) as HTMLInputElement;
	return { input, onaccept, onreset };
}

describe('PriceField', () => {
	it('is labelled "<model name> <field>" and shows the value the engine uses', () => {
		const { input } = setup();
		expect(input.value).toBe('4');
		expect(input.getAttribute('aria-invalid')).toBeNull();
	});

	it('refuses a negative price at the field, keeping the text, and passes nothing on', async () => {
		const { input, onaccept } = setup();
		await fireEvent.input(input, { target: { value: '-1' } });
		await fireEvent.change(input);
		expect(onaccept).not.toHaveBeenCalled();
		expect(input.value).toBe('-1');
		expect(input.getAttribute('aria-invalid')).toBe('true');
		const error = document.getElementById('f-error');
		expect(error?.textContent).toBe('A price cannot be negative. Still using $4.00.');
		expect(input.getAttribute('aria-describedby')?.split(' ')).toContain('f-error');
		// No Reset for a field that is not edited, until a value is refused.
		expect(screen.getByRole('button', { name: 'Reset Opus 5.5 input price' })).toBeTruthy();
	});

	it('passes an accepted value on as it is typed', async () => {
		const { input, onaccept } = setup();
		await fireEvent.input(input, { target: { value: '$3.50' } });
		expect(onaccept).toHaveBeenCalledWith(3.5);
		expect(input.getAttribute('aria-invalid')).toBeNull();
	});

	it('marks an edited field in words, with the sheet value and a Reset button that clears a refused value', async () => {
		const { input, onreset } = setup({ value: 3, edited: true, sheetValue: 4 });
		expect(screen.getByText('✎ Edited', { exact: false }).parentElement?.textContent).toContain('✎ Edited (sheet: $4.00)');
		await fireEvent.input(input, { target: { value: 'abc' } });
		expect(document.getElementById('f-error')?.textContent).toBe('“abc” is not a number. Still using $3.00.');
		await fireEvent.click(screen.getByRole('button', { name: 'Reset Opus 5.5 input price' }));
		expect(onreset).toHaveBeenCalledOnce();
		expect(input.value).toBe('3');
		expect(document.getElementById('f-error')?.textContent).toBe('');
		expect(document.activeElement).toBe(input);
	});
});
