// What the calculator adds after its first paint (Planner imports this dynamically): the
// forecast section, the report's title and assumptions (printed, or shown in a report view),
// and the tables' Download CSV / Copy table buttons.
export { default as ForecastSection } from './ForecastSection.svelte';
export { default as ReportAssumptions } from './ReportAssumptions.svelte';
export { default as ReportTitle } from './ReportTitle.svelte';
export { default as TableActions } from './TableActions.svelte';
