import { NO_PERCENT, formatMoney, formatSavingPercent } from '../format';

/** What the table reads of a row: a version-1 StackRow or a version-2 PlanRow. */
export interface TableRow {
	/** The lever the row adds, or null for the first row (the baseline, or Today). */
	key: string | null;
	monthlyCost: number;
	stepSaving: number;
	stepSavingPercent: number;
	cumulativeSaving: number;
	cumulativeSavingPercent: number;
}

/** Whether a saving reads as a saving, an added cost or neither (float noise counts as neither). */
export type SavingSign = 'positive' | 'negative' | 'zero';

/** Savings closer to zero than this are float noise: neither a saving nor a cost. */
const EPSILON = 1e-9;

/** The sign of a saving: 'positive' above 1e-9, 'negative' below -1e-9, 'zero' in between. */
export function savingSign(n: number): SavingSign {
	return n < -EPSILON ? 'negative' : n > EPSILON ? 'positive' : 'zero';
}

/** One row of the stacked savings table, every cell formatted. */
export interface SavingsTableRow<R extends TableRow = TableRow> {
	row: R;
	cost: string;
	/** The saving against the row above and its percentage of that row ("n/a" when it rounds to $0.00); '—' on the baseline. */
	step: string;
	stepPercent: string;
	cumulative: string;
	/** The percentage of the baseline ("n/a" when the baseline rounds to $0.00). */
	cumulativePercent: string;
	stepSign: SavingSign;
	cumulativeSign: SavingSign;
}

/**
 * The cells of the stacked savings table. A percentage is of the row it is measured against
 * (the row above for a step, the baseline for the cumulative saving) and shows "n/a" when
 * that row rounds to $0.00; `noPercent` says whether any does, so the table can explain it.
 * Example: a $0.001 baseline that caching raises to $80 shows "n/a", not "-7,999,900 %".
 */
export function savingsTableRows<R extends TableRow>(rows: readonly R[]): { rows: SavingsTableRow<R>[]; noPercent: boolean } {
	const baseline = rows[0]?.monthlyCost ?? 0;
	const out = rows.map((row, i): SavingsTableRow<R> => {
		const previous = rows[i - 1]?.monthlyCost ?? 0;
		const isBaseline = row.key === null;
		return {
			row,
			cost: formatMoney(row.monthlyCost),
			step: isBaseline ? '—' : formatMoney(row.stepSaving),
			stepPercent: isBaseline ? '—' : formatSavingPercent(row.stepSavingPercent, previous),
			cumulative: isBaseline ? '—' : formatMoney(row.cumulativeSaving),
			cumulativePercent: isBaseline ? '—' : formatSavingPercent(row.cumulativeSavingPercent, baseline),
			stepSign: savingSign(row.stepSaving),
			cumulativeSign: savingSign(row.cumulativeSaving)
		};
	});
	return { rows: out, noPercent: out.some((r) => r.stepPercent === NO_PERCENT || r.cumulativePercent === NO_PERCENT) };
}
