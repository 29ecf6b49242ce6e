// @vitest-environment jsdom
// The import dialog's parts in a DOM: what a file holds is shown as text, never as HTML; the
// CSV mapping step and Use as Today call back with what the user chose.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CsvMappingStep from '$lib/components/import/CsvMappingStep.svelte';
import FileReports from '$lib/components/import/FileReports.svelte';
import UsageResults from '$lib/components/import/UsageResults.svelte';
import UseAsToday from '$lib/components/import/UseAsToday.svelte';
import { importTexts } from '$lib/import/importer';
import { priceUsage } from '$lib/import/priceUsage';
import { usageTable } from '$lib/import/usageTable';
import { getSheet } from '$lib/pricing/sheets';
import { TWO_RESPONSES } from '../../import/pastedResponses';

const november = getSheet('anthropic-2026-11');
const HOSTILE = '<img src=x onerror="globalThis.__hit=1">';

function results(text: string, name = 'pasted') {
	const summary = importTexts([{ name, text }]);
	const pricing = priceUsage(summary, november);
	return { summary, pricing, table: usageTable(summary, pricing, november) };
}

describe('UsageResults', () => {
	it('shows the cost at the sheet, $0.0291, and the hit ratio, 50.0 %, of two responses', () => {
		const { summary, pricing, table } = results(TWO_RESPONSES);
		render(UsageResults, { props: { table, pricing, sheetName: november.name, notes: summary.notes } });
		const usage = screen.getByRole('table', { name: 'Imported usage' });
		const row = within(usage).getByRole('row', { name: /^Sonnet 4\.6/ });
		expect(row.textContent).toContain('$0.0291');
		expect(row.textContent).toContain('50.0 %');
		// No actual cost in Messages responses: no reconciliation table.
		expect(screen.queryByRole('table', { name: 'Computed against actual cost' })).toBeNull();
	});

	it('prints a model name that looks like HTML as text', () => {
		const { summary, pricing, table } = results(JSON.stringify({ model: HOSTILE, usage: { input_tokens: 1, output_tokens: 1 } }));
		const { container } = render(UsageResults, { props: { table, pricing, sheetName: november.name, notes: summary.notes } });
		expect(container.querySelector('img')).toBeNull();
		expect(screen.getByRole('table', { name: 'Imported usage' }).textContent).toContain(HOSTILE);
	});

	it('sets the computed cost against the actual cost, in dollars and percent', () => {
		// A CSV with a cost column: 2 requests of 2,000 in and 500 out on Sonnet 4.6 = $0.0135 each, billed $0.0150 each.
		const csv = ['requestId,model,input tokens,output tokens,cost usd', 'r1,claude-sonnet-4-6,2000,500,0.015', 'r2,claude-sonnet-4-6,2000,500,0.015'].join('\n');
		const { summary, pricing, table } = results(csv, 'costs.csv');
		render(UsageResults, { props: { table, pricing, sheetName: november.name, notes: summary.notes } });
		const rec = screen.getByRole('table', { name: 'Computed against actual cost' });
		const total = within(rec).getByRole('row', { name: /^Total/ });
		// computed $0.027, actual $0.030: -$0.003, -10.0 %
		expect(total.textContent?.replace(/\s+/g, ' ')).toContain('$0.027');
		expect(total.textContent).toContain('$0.03');
		expect(total.textContent).toContain('-$0.003');
		expect(total.textContent).toContain('-10.0 %');
	});
});

describe('FileReports', () => {
	it('names the file, line and field of each problem, as text', () => {
		const text = [JSON.stringify({ model: 'claude-haiku-4-5', usage: { input_tokens: 1, output_tokens: 1 } }), HOSTILE, '{"model":"claude-haiku-4-5","usage":{"input_tokens":1}}'].join('\n');
		const summary = importTexts([{ name: `${HOSTILE}.jsonl`, text }]);
		const { container } = render(FileReports, { props: { files: summary.files } });
		expect(container.querySelector('img')).toBeNull();
		expect(container.textContent).toContain('1 record read, 2 skipped');
		expect(container.textContent).toContain(`${HOSTILE}.jsonl, line 3, field usage.output_tokens`);
		expect(container.textContent).toContain('not valid JSON: 1');
	});
});

describe('CsvMappingStep', () => {
	it('offers a select per unrecognised column and calls back with the choices (not read = ignore)', async () => {
		const csv = ['When;Which model;Tokens in;Tokens out;Spent;Comment', '2026-11-01T10:00:00Z;claude-sonnet-4-6;2000;500;0.0135;first'].join('\n');
		const summary = importTexts([{ name: 'custom.csv', text: csv }]);
		const onapply = vi.fn();
		render(CsvMappingStep, { props: { files: summary.files, onapply } });
		for (const [name, field] of [
			['When', 'start'],
			['Which model', 'model'],
			['Tokens in', 'uncachedInput'],
			['Tokens out', 'output'],
			['Spent', 'costUsd']
		] as const) {
			await fireEvent.change(screen.getByRole('combobox', { name }), { target: { value: field } });
		}
		await fireEvent.click(screen.getByRole('button', { name: 'Import again with this mapping' }));
		expect(onapply).toHaveBeenCalledWith({ When: 'start', 'Which model': 'model', 'Tokens in': 'uncachedInput', 'Tokens out': 'output', Spent: 'costUsd', Comment: 'ignore' });
	});
});

describe('CsvMappingStep notes', () => {
	it('says, before importing again, that two columns chosen as one field are read from the first', async () => {
		const summary = importTexts([{ name: 'c.csv', text: 'Which model;Other model;input tokens;output tokens\nclaude-haiku-4-5;x;1;2' }]);
		render(CsvMappingStep, { props: { files: summary.files, onapply: vi.fn() } });
		await fireEvent.change(screen.getByRole('combobox', { name: 'Which model' }), { target: { value: 'model' } });
		await fireEvent.change(screen.getByRole('combobox', { name: 'Other model' }), { target: { value: 'model' } });
		expect(screen.getByText('Column "Other model" is also Model: only the first such column is read.')).toBeTruthy();
	});
});

describe('UseAsToday', () => {
	it('previews the workload and its notes, and hands over toWorkloads’ result', async () => {
		const { summary } = results(TWO_RESPONSES);
		const onuse = vi.fn();
		render(UseAsToday, { props: { summary, sheet: november, modelMap: {}, current: 1, onuse } });
		const preview = screen.getByRole('table', { name: 'The workloads Today would have' });
		const row = within(preview).getByRole('row', { name: /^Sonnet 4\.6/ });
		// 2 requests, (2,000 + 2,000 + 2,000) / 2 = 3,000 in, 2,000 prefix, 500 out.
		expect(row.textContent?.replace(/\s+/g, ' ')).toMatch(/2\s*3,000\s*2,000\s*500/);
		expect(screen.getByRole('list', { name: 'Notes on the workloads' }).textContent).toContain('no dates, so its 2 requests are taken as one month');
		await fireEvent.click(screen.getByRole('button', { name: 'Use as Today' }));
		expect(onuse).toHaveBeenCalledTimes(1);
		expect(onuse.mock.calls[0]?.[0].workloads[0]).toMatchObject({ name: 'Sonnet 4.6', requestsPerMonth: 2, inputTokens: 3000, cachedPrefixTokens: 2000, outputTokens: 500 });
	});

	it('per model and tier: one workload per tier', async () => {
		const line = (tier: string) => JSON.stringify({ model: 'claude-haiku-4-5', usage: { input_tokens: 10, output_tokens: 1, service_tier: tier } });
		const summary = importTexts([{ name: 'a.jsonl', text: [line('standard'), line('batch')].join('\n') }]);
		const onuse = vi.fn();
		render(UseAsToday, { props: { summary, sheet: november, modelMap: {}, current: 1, onuse } });
		await fireEvent.click(screen.getByRole('radio', { name: 'One workload per model and service tier' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Use as Today' }));
		expect(onuse.mock.calls[0]?.[0].workloads.map((w: { name: string }) => w.name)).toEqual(['Haiku 4.5 (standard)', 'Haiku 4.5 (batch)']);
	});
});
