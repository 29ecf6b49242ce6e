// The headline's arithmetic, out of the component so it is tested in Node.

/** Months in a year: the yearly saving is twelve months at the monthly rate. */
export const MONTHS_PER_YEAR = 12;

/**
 * The saving over a year at a monthly saving: monthly x 12 (negative when the plan costs more).
 * Example: yearlySaving(4250 - 559.0875) -> 44,290.95 dollars ("$44,291").
 */
export function yearlySaving(monthlySaving: number): number {
	return monthlySaving * MONTHS_PER_YEAR;
}
