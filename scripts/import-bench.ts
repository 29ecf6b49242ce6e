// How fast the import core reads a large file, and how much memory it holds: writes a
// synthetic JSON Lines file of Messages API responses (50 MB by default) to a temporary
// folder, streams it through the same parsing core the worker uses (64 KB chunks, UTF-8
// decoded across chunk boundaries), then prices the result. Prints MB/s and peak memory;
// never fails on time (machines differ).
//   npm run bench:import            50 MB
//   npm run bench:import -- 200     200 MB (or IMPORT_BENCH_MB=200)
// tsx does not resolve SvelteKit's `$lib` alias, hence the relative imports.
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { createImporter } from '../src/lib/import/importer';
import { priceUsage } from '../src/lib/import/priceUsage';
import { getSheet } from '../src/lib/pricing/sheets';

const MB = 1024 * 1024;
const megabytes = Number(process.argv[2] ?? process.env.IMPORT_BENCH_MB ?? 50);
if (!(megabytes > 0)) {
	console.error(`Give the size in MB as a positive number (got ${process.argv[2] ?? process.env.IMPORT_BENCH_MB}).`);
	process.exit(2);
}

/** A small deterministic generator, so every run reads the same file. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const MODELS = ['claude-sonnet-4-6-20260319', 'claude-haiku-5-5', 'claude-opus-5-5', 'claude-sonnet-5-5', 'anthropic.claude-haiku-4-5-v1:0'];
const WORDS = ['the', 'cache', 'prompt', 'tokens', 'réponse', 'données', '日本語', 'request', 'batch', 'model', 'output', '—', 'invoice', 'ticket'];

function response(rand: () => number, i: number): string {
	const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
	const words = Array.from({ length: 30 + Math.floor(rand() * 200) }, () => pick(WORDS)).join(' ');
	const write = rand() < 0.2 ? Math.floor(rand() * 20_000) : 0;
	const oneHour = rand() < 0.3 ? write : 0;
	const usage: Record<string, unknown> = {
		input_tokens: 50 + Math.floor(rand() * 5000),
		output_tokens: 10 + Math.floor(rand() * 2000),
		cache_creation_input_tokens: write,
		cache_read_input_tokens: rand() < 0.7 ? Math.floor(rand() * 120_000) : 0,
		cache_creation: { ephemeral_5m_input_tokens: write - oneHour, ephemeral_1h_input_tokens: oneHour },
		service_tier: rand() < 0.15 ? 'batch' : 'standard'
	};
	if (rand() < 0.05) usage.server_tool_use = { web_search_requests: 1 + Math.floor(rand() * 3) };
	return JSON.stringify({
		id: `msg_${i.toString(36).padStart(10, '0')}`,
		type: 'message',
		role: 'assistant',
		model: pick(MODELS),
		content: [{ type: 'text', text: words }],
		stop_reason: 'end_turn',
		stop_sequence: null,
		usage
	});
}

async function writeFixture(path: string, bytes: number): Promise<number> {
	const out = createWriteStream(path);
	const rand = random(20261130);
	let written = 0;
	let lines = 0;
	while (written < bytes) {
		const block: string[] = [];
		let blockBytes = 0;
		while (blockBytes < MB && written + blockBytes < bytes) {
			const line = `${response(rand, lines)}\n`;
			block.push(line);
			blockBytes += Buffer.byteLength(line);
			lines += 1;
		}
		if (!out.write(block.join(''))) await once(out, 'drain');
		written += blockBytes;
	}
	out.end();
	await once(out, 'finish');
	return lines;
}

const dir = await mkdtemp(join(tmpdir(), 'import-bench-'));
try {
	const path = join(dir, 'messages.jsonl');
	const lines = await writeFixture(path, megabytes * MB);
	const size = (await stat(path)).size;
	global.gc?.();
	const baseline = process.memoryUsage();
	let peakRss = baseline.rss;
	let peakHeap = baseline.heapUsed;
	const sample = () => {
		const m = process.memoryUsage();
		if (m.rss > peakRss) peakRss = m.rss;
		if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
	};

	const started = performance.now();
	const importer = createImporter();
	const file = importer.file('messages.jsonl');
	const decoder = new TextDecoder('utf-8');
	let chunks = 0;
	for await (const bytes of createReadStream(path, { highWaterMark: 64 * 1024 })) {
		file.push(decoder.decode(bytes as Buffer, { stream: true }));
		if (++chunks % 16 === 0) sample();
	}
	file.push(decoder.decode());
	file.end();
	const summary = importer.finish();
	const parsed = performance.now();
	sample();
	const priced = priceUsage(summary, getSheet('anthropic-2026-11'));
	const done = performance.now();
	sample();

	const seconds = (parsed - started) / 1000;
	const mb = (n: number) => (n / MB).toFixed(1);
	console.log(`file            ${mb(size)} MB, ${lines.toLocaleString('en-US')} responses (${dir})`);
	console.log(`records read    ${summary.recordsRead.toLocaleString('en-US')}, skipped ${summary.skipped}, groups ${summary.groups.length}`);
	console.log(`parse           ${seconds.toFixed(2)} s, ${(size / MB / seconds).toFixed(1)} MB/s`);
	console.log(`price           ${(done - parsed).toFixed(1)} ms for ${summary.ledger.length.toLocaleString('en-US')} requests ($${priced.computedUsd.toFixed(2)})`);
	console.log(`memory          rss ${mb(baseline.rss)} MB before, peak ${mb(peakRss)} MB; heap used ${mb(baseline.heapUsed)} MB before, peak ${mb(peakHeap)} MB`);
} finally {
	await rm(dir, { recursive: true, force: true });
}
