// The arithmetic of NumberSlider, out of the component so it is tested in Node: where the
// thumb sits for a value, the value a thumb position means, and how a typed value is tidied.

/** A slider's range and kind. A logarithmic slider's thumb runs 0..LOG_STEPS. */
export interface SliderScale {
	min: number;
	max: number;
	log?: boolean;
	integer?: boolean;
}

/** Thumb positions of a logarithmic slider. */
export const LOG_STEPS = 1000;

/** A value rounded the way the field keeps it: whole, or to two decimals. Example: tidy(2.345, false) -> 2.35. */
export function tidy(value: number, integer = false): number {
	return integer ? Math.round(value) : Math.round(value * 100) / 100;
}

/** A value held to min..hi. */
export function clamp(value: number, min: number, hi: number): number {
	return Math.min(hi, Math.max(min, value));
}

/** log10 of the bottom of a logarithmic slider (at least 1, so 0 fits) and the span to its top. */
function logRange({ min, max }: SliderScale): { bottom: number; span: number } {
	const bottom = Math.log10(Math.max(1, min));
	return { bottom, span: Math.log10(max) - bottom };
}

/**
 * Where the thumb sits for a value (clamped to the slider's range): the value itself, or on a
 * logarithmic slider round((log10 v - log10 min) / (log10 max - log10 min) x 1000).
 * Example: 1,000 on a 1..1,000,000 log slider -> 500.
 */
export function sliderPosition(value: number, scale: SliderScale): number {
	const v = clamp(value, scale.min, scale.max);
	if (!scale.log) return v;
	const { bottom, span } = logRange(scale);
	return Math.round(((Math.log10(Math.max(1, v)) - bottom) / span) * LOG_STEPS);
}

/**
 * The value a thumb position means, tidied: the position itself, or on a logarithmic slider
 * 10^(log10 min + position / 1000 x span).
 * Example: position 500 on a 1..1,000,000 log slider of whole numbers -> 1,000.
 */
export function valueAtPosition(position: number, scale: SliderScale): number {
	if (!scale.log) return tidy(position, scale.integer);
	const { bottom, span } = logRange(scale);
	return tidy(10 ** (bottom + (position / LOG_STEPS) * span), scale.integer);
}

/**
 * A typed value, tidied and held to min..inputMax, or undefined while the field is empty or
 * half typed (the value then stays as it was). Example: 12.345 in 0..10 -> 10.
 */
export function typedValue(typed: number, min: number, inputMax: number, integer = false): number | undefined {
	return Number.isFinite(typed) ? tidy(clamp(typed, min, inputMax), integer) : undefined;
}
