/**
 * scripts/serve-static.mjs as a process: it starts on a free loopback port over a small
 * site, is sent malformed paths (named ones and 100 random ones from a fixed seed) over raw
 * sockets, and must answer each with 400, 404 or a redirect to a path on its own origin,
 * and still be running and serving at the end.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface RawResponse {
	status: number;
	headers: [name: string, value: string][];
	body: string;
}

let site = '';
let server: ChildProcess;
let port = 0;
let stderr = '';

beforeAll(async () => {
	site = mkdtempSync(join(tmpdir(), 'serve-static-'));
	const files: Record<string, string> = {
		'index.html': '<!doctype html><title>home</title>',
		'embed.html': '<!doctype html><title>embed</title>',
		'404.html': '<!doctype html><title>not found</title>',
		'embed.js': '/* host script */',
		'_headers': '/*\n  X-Not-Served: 1\n',
		'_app/immutable/entry.js': 'export {};',
		'_app/version.json': '{"version":"1"}'
	};
	for (const [path, content] of Object.entries(files)) {
		mkdirSync(join(site, path, '..'), { recursive: true });
		writeFileSync(join(site, path), content);
	}
	server = spawn(
		process.execPath,
		['scripts/serve-static.mjs', '--dir', site, '--port', '0', '--host', '127.0.0.1', '--headers', 'static-headers.json', '--quiet'],
		{ stdio: ['ignore', 'pipe', 'pipe'] }
	);
	server.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
	port = await new Promise<number>((resolve, reject) => {
		let out = '';
		const timer = setTimeout(() => reject(new Error(`serve-static did not start: ${out} ${stderr}`)), 10_000);
		server.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
			out += chunk;
			const match = /on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		});
		server.once('exit', (code) => reject(new Error(`serve-static exited with ${code}: ${stderr}`)));
	});
});

afterAll(() => {
	server?.kill();
	if (site) rmSync(site, { recursive: true, force: true });
});

/** Sends one request exactly as given (no client-side checks or escaping) and reads the answer. */
function raw(target: string | Buffer, { method = 'GET', headers = '' } = {}): Promise<RawResponse> {
	return new Promise((resolve, reject) => {
		const socket = connect(port, '127.0.0.1');
		const chunks: Buffer[] = [];
		socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to ${JSON.stringify(String(target))}`)));
		socket.on('data', (chunk) => chunks.push(chunk));
		socket.on('error', reject);
		socket.on('close', () => {
			const text = Buffer.concat(chunks).toString('latin1');
			const [head = '', ...rest] = text.split('\r\n\r\n');
			const [statusLine = '', ...lines] = head.split('\r\n');
			const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? NaN);
			if (!Number.isInteger(status)) return reject(new Error(`no status line for ${JSON.stringify(String(target))}: ${JSON.stringify(text)}`));
			const parsed = lines.map((line): [string, string] => {
				const colon = line.indexOf(':');
				return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
			});
			resolve({ status, headers: parsed, body: rest.join('\r\n\r\n') });
		});
		socket.write(
			Buffer.concat([
				Buffer.from(`${method} `),
				typeof target === 'string' ? Buffer.from(target, 'latin1') : target,
				Buffer.from(` HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${headers}\r\n`)
			])
		);
	});
}

const header = (r: RawResponse, name: string) => r.headers.find(([n]) => n === name)?.[1];

/** The site's pages and files by the paths that name them (clean URLs included). */
const SERVED = new Set(['/', '/index', '/index.html', '/embed', '/embed.html', '/404', '/404.html', '/embed.js', '/_app/immutable/entry.js', '/_app/version.json']);

/**
 * The properties every answer must have, whatever was asked: 400, 404 or a redirect to a path
 * on the same origin, or 200 only when the path itself (before any "?" or "#", dot segments
 * resolved) names a file of the site, e.g. "/?a=%0d%0a" or "/x/../embed".
 */
function expectSafeAnswer(r: RawResponse, target: string) {
	const where = `answer to ${JSON.stringify(target)}`;
	expect([400, 404, 301, 302, 303, 307, 308, 200], where).toContain(r.status);
	if (r.status === 200) {
		const path = target.split(/[?#]/)[0] ?? '';
		expect(SERVED.has(new URL(path, 'http://x').pathname), `${where}: 200 for a path naming a file`).toBe(true);
	}
	// A header made from the path could carry a second header: there must be none such.
	expect(r.headers.map(([n]) => n), where).not.toContain('set-cookie');
	if (r.status >= 300 && r.status < 400) {
		const location = header(r, 'location') ?? '';
		expect(location, `${where}: a path with one leading slash`).toMatch(/^\/(?![/\\])/);
		expect(location, `${where}: ASCII only`).toMatch(/^[\x21-\x7e]*$/);
		const origin = `http://127.0.0.1:${port}`;
		expect(new URL(location, `${origin}/somewhere/`).origin, `${where}: same origin`).toBe(origin);
	}
}

/** A small seeded generator (mulberry32): the same 100 paths on every run. */
function seeded(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const PIECES = [
	'%', '%0', '%zz', '%00', '%0d%0a', '%0D%0ASet-Cookie:%20a=b', '%E2%80%A8', '%E2%80%A9', '%C0%AF', '%FF', '%2F', '%2f',
	'%5C', '%2e', '%2e%2e', '..', '.', '/', '//', '///', '\\', ';', '@', ':', '?', '?a=%0d%0a', '#', '%23', '%3F', 'evil.example',
	'embed', 'index.html', '_app', '_headers', '%20', '+', '~', '\u00e9', '\u2028', '\x7f', '\t', ' '
];

/** A malformed path: 1..8 hostile pieces after a slash, sometimes with raw bytes or a trailing slash. */
function randomPath(random: () => number): Buffer {
	const parts: Buffer[] = [Buffer.from('/')];
	const count = 1 + Math.floor(random() * 8);
	for (let i = 0; i < count; i++) {
		const roll = random();
		if (roll < 0.1) parts.push(Buffer.from([Math.floor(random() * 256)]));
		else if (roll < 0.2) parts.push(Buffer.from(String.fromCharCode(0x21 + Math.floor(random() * 94)), 'latin1'));
		else parts.push(Buffer.from(PIECES[Math.floor(random() * PIECES.length)] ?? '%', 'utf8'));
	}
	if (random() < 0.5) parts.push(Buffer.from('/'));
	return Buffer.concat(parts);
}

describe('serve-static: malformed paths', () => {
	it.each([
		'/%E2%80%A8/',
		'/%0d%0aSet-Cookie:%20a=b/',
		'/%2Fevil.example/',
		'/%2F%2Fevil.example/',
		'//evil.example/',
		'/.//evil.example/',
		'/%2e//evil.example/',
		'/\\evil.example/',
		'/%5Cevil.example/',
		'/%ZZ',
		'/%',
		'/%00',
		'/..%2f..%2fetc/passwd',
		'/%2e%2e/%2e%2e/etc/passwd',
		'/embed/?a=%0d%0aSet-Cookie:%20a=b',
		`/${'a'.repeat(5000)}/`,
		'*',
		'http://evil.example/'
	].map((target) => [target.length > 60 ? `${target.slice(0, 12)}… (${target.length} characters)` : target, target]))(
		'%s: 400, 404 or a same-origin redirect',
		async (_, target) => {
			const r = await raw(target);
			expectSafeAnswer(r, target);
			expect(r.status, target).not.toBe(200);
		}
	);

	it('redirects trailing slashes to the same path, still percent-encoded', async () => {
		expect(header(await raw('/%2Fevil.example/'), 'location')).toBe('/%2Fevil.example');
		expect(header(await raw('/%E2%80%A8/'), 'location')).toBe('/%E2%80%A8');
		expect(header(await raw('/.//evil.example/'), 'location')).toBe('/evil.example');
		expect(header(await raw('/embed/?show=table'), 'location')).toBe('/embed?show=table');
		expect((await raw('/%0d%0aSet-Cookie:%20a=b/')).status).toBe(400);
	});

	it('answers 100 random malformed paths (seed 20261129) and stays up', async () => {
		const random = seeded(20261129);
		const statuses: Record<number, number> = {};
		for (let i = 0; i < 100; i++) {
			const target = randomPath(random);
			const r = await raw(target);
			expectSafeAnswer(r, target.toString('latin1'));
			statuses[r.status] = (statuses[r.status] ?? 0) + 1;
		}
		// On Node 20 this seed gives 72 rejected (400), 11 redirected (308), 9 not found (404) and 8
		// "/" with a hostile query or fragment (200); Node's own parser rejects some raw bytes
		// before the server sees them, so the exact split may move with Node versions.
		for (const status of [400, 404, 308]) expect(statuses[status] ?? 0, `${status} answers: ${JSON.stringify(statuses)}`).toBeGreaterThan(0);
		expect(server.exitCode, 'the server is still running').toBeNull();
		expect((await raw('/')).status).toBe(200);
		expect(stderr, 'nothing was logged as an error').toBe('');
	});

	it('ignores Range (a reversed range crashes some servers) and refuses other methods', async () => {
		expect((await raw('/embed.js', { headers: 'Range: bytes=5-2\r\n' })).status).toBe(200);
		expect((await raw('/embed.js', { headers: 'Range: bytes=0-18446744073709551615\r\n' })).status).toBe(200);
		expect((await raw('/', { method: 'POST' })).status).toBe(405);
		expect((await raw('/', { method: 'HEAD' })).status).toBe(200);
		expect(server.exitCode).toBeNull();
	});
});

describe('serve-static: files and headers', () => {
	it('serves pages by clean URL with the headers of static-headers.json', async () => {
		const home = await raw('/');
		expect(home.status).toBe(200);
		expect(home.body).toContain('<title>home</title>');
		expect(header(home, 'content-security-policy')).toBe("frame-ancestors 'none'");
		expect(header(home, 'x-frame-options')).toBe('DENY');

		const embed = await raw('/embed');
		expect(embed.body).toContain('<title>embed</title>');
		expect(header(embed, 'content-security-policy')).toBe('frame-ancestors *');
		expect(header(embed, 'x-frame-options')).toBeUndefined();
		expect(header(embed, 'x-content-type-options')).toBe('nosniff');
	});

	it('lets any origin load /_app/ (a sandboxed iframe has the origin "null"); immutable files cache for a year', async () => {
		const entry = await raw('/_app/immutable/entry.js');
		expect(entry.status).toBe(200);
		expect(header(entry, 'access-control-allow-origin')).toBe('*');
		expect(header(entry, 'cache-control')).toBe('public, max-age=31536000, immutable');
		expect(header(entry, 'content-type')).toBe('text/javascript; charset=utf-8');
		const version = await raw('/_app/version.json');
		expect(header(version, 'access-control-allow-origin')).toBe('*');
		expect(header(version, 'cache-control')).toBeUndefined();
	});

	it('answers unknown paths with 404.html and the headers of /404.html, never cached as immutable', async () => {
		for (const path of ['/no-such-page', '/_app/immutable/missing.js', '/_headers']) {
			const r = await raw(path);
			expect(r.status, path).toBe(404);
			expect(r.body, path).toContain('<title>not found</title>');
			expect(header(r, 'cache-control'), path).toBe('no-cache');
			expect(header(r, 'content-security-policy'), path).toBe("frame-ancestors 'none'");
		}
	});
});
