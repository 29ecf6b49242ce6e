// Download PNG: a chart as an image that stands on its own, with its title above and its
// caption (the key figure) wrapped below, drawn on an offscreen canvas. The layout is pure
// (tested with a fake text measure); drawing and saving need a browser. Loaded on first use.
import { fileName } from './csv';

/** The width of a text in CSS pixels, in the font it will be drawn in. */
export type Measure = (text: string) => number;

/**
 * Lines of at most `maxWidth`, broken between words (a word wider than a line is broken
 * between characters). Whitespace runs count as one space; an empty text has no lines.
 * Example: wrapText('a bb ccc', 4, (t) => t.length) = ['a bb', 'ccc'].
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const candidate = line ? `${line} ${word}` : word;
		if (measure(candidate) <= maxWidth) {
			line = candidate;
			continue;
		}
		if (line) lines.push(line);
		line = '';
		// A word wider than the line: as many characters as fit, then the rest.
		let rest = word;
		while (measure(rest) > maxWidth && rest.length > 1) {
			let cut = rest.length - 1;
			while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
			lines.push(rest.slice(0, cut));
			rest = rest.slice(cut);
		}
		line = rest;
	}
	if (line) lines.push(line);
	return lines;
}

export interface TextLine {
	text: string;
	/** The baseline's top-left corner ("top" baseline), CSS pixels. */
	x: number;
	y: number;
}

export interface ChartImageLayout {
	width: number;
	height: number;
	title: TextLine[];
	chart: { x: number; y: number; width: number; height: number };
	caption: TextLine[];
}

export interface ChartImageText {
	title: string;
	caption: string;
	measureTitle: Measure;
	measureCaption: Measure;
}

/** Sizes of the image around the chart, CSS pixels. */
export const IMAGE_STYLE = { padding: 24, titleSize: 18, titleLine: 24, captionSize: 14, captionLine: 20, gap: 12 } as const;

/**
 * Where everything goes: the title's lines from the top, the chart at its on-screen size
 * below, the caption's lines under it, `padding` all round; text wraps to the chart's width.
 *   height = 2 x padding + title lines x titleLine + gap + chart + gap + caption lines x captionLine
 * Example: a 600 x 300 chart, a one-line title and a two-line caption: 648 x 436.
 */
export function layoutChartImage(chartWidth: number, chartHeight: number, text: ChartImageText, style = IMAGE_STYLE): ChartImageLayout {
	const { padding, titleLine, captionLine, gap } = style;
	const title = wrapText(text.title, chartWidth, text.measureTitle).map((t, i) => ({ text: t, x: padding, y: padding + i * titleLine }));
	const chartY = padding + title.length * titleLine + (title.length ? gap : 0);
	const captionY = chartY + chartHeight + gap;
	const caption = wrapText(text.caption, chartWidth, text.measureCaption).map((t, i) => ({ text: t, x: padding, y: captionY + i * captionLine }));
	return {
		width: Math.ceil(chartWidth + 2 * padding),
		height: Math.ceil(captionY + caption.length * captionLine + padding - (caption.length ? 0 : gap)),
		title,
		chart: { x: padding, y: chartY, width: chartWidth, height: chartHeight },
		caption
	};
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The colours of the image: the page's background and text where the chart is (so a dark chart stays legible). */
export interface ImageColors {
	background: string;
	text: string;
	muted: string;
}

function opaque(color: string, fallback: string): string {
	return !color || color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color) ? fallback : color;
}

/** The colours around `canvas` on the page: the document's background, the figure's text and caption. */
export function colorsAround(canvas: HTMLCanvasElement): ImageColors {
	const figure = canvas.closest('figure') ?? canvas;
	const caption = figure.querySelector('.chart-caption') ?? figure;
	const background = opaque(getComputedStyle(document.documentElement).backgroundColor, opaque(getComputedStyle(document.body).backgroundColor, '#ffffff'));
	return { background, text: getComputedStyle(figure).color || '#1a1f2b', muted: getComputedStyle(caption).color || '#4d5666' };
}

/**
 * The chart on `canvas` with its title and caption, as a PNG. The image has the chart's pixel
 * density (a chart drawn at 2x stays sharp) and the page's colours.
 */
export async function chartPng(canvas: HTMLCanvasElement, title: string, caption: string, colors: ImageColors = colorsAround(canvas)): Promise<Blob> {
	const cssWidth = canvas.clientWidth || canvas.width;
	const cssHeight = canvas.clientHeight || canvas.height;
	const scale = cssWidth ? Math.max(1, canvas.width / cssWidth) : 1;
	const out = document.createElement('canvas');
	const ctx = out.getContext('2d');
	if (!ctx) throw new Error('This browser cannot draw the image (no 2D canvas).');
	const font = (size: number, bold = false) => `${bold ? '600 ' : ''}${size}px ${FONT}`;
	const measure = (f: string): Measure => (t) => {
		ctx.font = f;
		return ctx.measureText(t).width;
	};
	const s = IMAGE_STYLE;
	const layout = layoutChartImage(cssWidth, cssHeight, { title, caption, measureTitle: measure(font(s.titleSize, true)), measureCaption: measure(font(s.captionSize)) });
	out.width = Math.ceil(layout.width * scale);
	out.height = Math.ceil(layout.height * scale);
	ctx.scale(scale, scale);
	ctx.fillStyle = colors.background;
	ctx.fillRect(0, 0, layout.width, layout.height);
	ctx.textBaseline = 'top';
	ctx.fillStyle = colors.text;
	ctx.font = font(s.titleSize, true);
	for (const line of layout.title) ctx.fillText(line.text, line.x, line.y);
	ctx.drawImage(canvas, layout.chart.x, layout.chart.y, layout.chart.width, layout.chart.height);
	ctx.fillStyle = colors.muted;
	ctx.font = font(s.captionSize);
	for (const line of layout.caption) ctx.fillText(line.text, line.x, line.y);
	return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be made.'))), 'image/png'));
}

/** Saves a blob under `name` through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
	const href = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = href;
	a.download = name;
	a.click();
	// Revoked on the next task: some browsers start the download after click() returns.
	setTimeout(() => URL.revokeObjectURL(href), 0);
}

/** Download PNG: the chart with its title and caption, named after the title. */
export async function downloadChartPng(canvas: HTMLCanvasElement, title: string, caption: string): Promise<void> {
	saveBlob(await chartPng(canvas, title, caption), fileName(title, 'png'));
}
