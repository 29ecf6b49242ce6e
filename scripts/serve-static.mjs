#!/usr/bin/env node
/**
 * A tiny zero-dependency static file server for the built site (build/), used by the
 * Playwright webServer and handy for a quick local look at what adapter-static wrote.
 *
 *   node scripts/serve-static.mjs [--dir build] [--port 4173] [--host 127.0.0.1]
 *                                 [--headers headers.json] [--quiet]
 *
 * Environment fallbacks: SERVE_DIR, PORT, HOST, SERVE_HEADERS.
 *
 * URL resolution mirrors adapter-static's output (trailingSlash 'never'):
 *   /            -> index.html
 *   /embed       -> embed.html (or embed/index.html)
 *   /favicon.svg -> favicon.svg
 *   /embed/      -> 308 redirect to /embed (SvelteKit's asset paths are relative, so
 *                   serving the page under a second URL would break them)
 * Anything else gets 404.html with status 404 when the build has one.
 *
 * --headers points at a JSON object mapping path patterns to header objects, applied
 * in file order (later entries override earlier ones). A pattern is an exact path
 * ("/embed") or a prefix ending in "*" ("/_app/*", "/*"):
 *   { "/*": { "X-Content-Type-Options": "nosniff" },
 *     "/embed": { "Content-Security-Policy": "frame-ancestors *" } }
 */
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.ico': 'image/x-icon',
	'.woff': 'font/woff',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml; charset=utf-8',
	'.wasm': 'application/wasm'
};

const USAGE = 'usage: node scripts/serve-static.mjs [--dir build] [--port 4173] [--host 127.0.0.1] [--headers file.json] [--quiet]';

const args = parseCommandLine();

const dir = args.dir ?? process.env.SERVE_DIR ?? 'build';
const port = Number(args.port ?? process.env.PORT ?? 4173);
const host = args.host ?? process.env.HOST ?? '127.0.0.1';
const headersFile = args.headers ?? process.env.SERVE_HEADERS;

if (!Number.isInteger(port) || port < 0 || port > 65535) {
	fail(`--port must be an integer 0..65535, got ${JSON.stringify(args.port ?? process.env.PORT)}`);
}
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
	fail(`${dir}/ does not exist or is not a directory: run \`npm run build\` first (or pass --dir)`);
}
/** The served directory, symlinks resolved: every file served must live inside it. */
const root = realpathSync(resolve(dir));
const headerRules = headersFile ? loadHeaderRules(headersFile) : [];
const notFoundPage = join(root, '404.html');

const server = createServer((req, res) => {
	const started = Date.now();
	// 'close', not 'finish': a client that has all Content-Length bytes may hang up first.
	res.on('close', () => {
		if (!args.quiet) console.log(`${res.statusCode} ${req.method} ${req.url} ${Date.now() - started}ms`);
	});

	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('Method not allowed\n');
		return;
	}

	const url = new URL(req.url ?? '/', 'http://localhost');
	/** @type {string} */
	let pathname;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		return sendText(res, 400, 'Bad request: malformed percent-encoding\n');
	}
	// URL parsing already collapsed "/../" segments; anything still carrying "..", a NUL
	// or a backslash is an attempt to step outside the root (e.g. "%2e%2e%2f").
	if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').includes('..')) {
		return sendText(res, 400, 'Bad request: path traversal\n');
	}
	if (pathname.length > 1 && pathname.endsWith('/')) {
		res.writeHead(308, { Location: pathname.replace(/\/+$/, '') + url.search });
		res.end();
		return;
	}

	const file = resolveFile(pathname);
	if (file) return sendFile(req, res, file, 200, pathname);
	if (existsSync(notFoundPage)) return sendFile(req, res, notFoundPage, 404, pathname);
	return sendText(res, 404, `Not found: ${pathname}\n`);
});

server.listen(port, host, () => {
	const address = server.address();
	const actualPort = typeof address === 'object' && address ? address.port : port;
	console.log(`Serving ${root} on http://${host}:${actualPort}`);
});
server.on('error', (err) => fail(`cannot listen on ${host}:${port}: ${err.message}`));

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.on(signal, () => {
		server.close(() => process.exit(0));
		server.closeAllConnections();
	});
}

/**
 * The file a URL path maps to, or null. Candidates, in order: the path itself,
 * path + ".html", path + "/index.html". Every candidate must resolve (symlinks
 * included) to a regular file inside the root.
 * @param {string} pathname decoded, starts with "/"
 * @returns {string | null}
 */
function resolveFile(pathname) {
	const base = resolve(root, '.' + pathname);
	const candidates = pathname === '/' ? [join(root, 'index.html')] : [base, base + '.html', join(base, 'index.html')];
	for (const candidate of candidates) {
		try {
			const real = realpathSync(candidate);
			if (real !== root && !real.startsWith(root + sep)) continue;
			if (statSync(real).isFile()) return real;
		} catch {
			// does not exist: try the next candidate
		}
	}
	return null;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file absolute path of a regular file inside the root
 * @param {number} status
 * @param {string} pathname the request path, for the header rules
 */
function sendFile(req, res, file, status, pathname) {
	const { size } = statSync(file);
	/** @type {Record<string, string | number>} */
	const headers = {
		'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
		'Content-Length': size,
		'X-Content-Type-Options': 'nosniff',
		'Cache-Control': pathname.startsWith('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
	};
	for (const rule of headerRules) {
		if (rule.matches(pathname)) Object.assign(headers, rule.headers);
	}
	res.writeHead(status, headers);
	if (req.method === 'HEAD') {
		res.end();
		return;
	}
	const stream = createReadStream(file);
	stream.on('error', () => res.destroy());
	stream.pipe(res);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body
 */
function sendText(res, status, body) {
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
	res.end(body);
}

/**
 * Reads the --headers JSON file into matchers; exits with a message saying what to fix.
 * @param {string} path
 * @returns {{ matches: (pathname: string) => boolean, headers: Record<string, string> }[]}
 */
function loadHeaderRules(path) {
	/** @type {unknown} */
	let data;
	try {
		data = JSON.parse(readFileSync(path, 'utf8'));
	} catch (err) {
		return fail(`--headers ${path}: ${err instanceof Error ? err.message : String(err)}`);
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return fail(`--headers ${path}: expected an object like { "/*": { "X-Frame-Options": "DENY" } }`);
	}
	return Object.entries(data).map(([pattern, headers]) => {
		if (!pattern.startsWith('/')) fail(`--headers ${path}: pattern ${JSON.stringify(pattern)} must start with "/"`);
		if (
			typeof headers !== 'object' ||
			headers === null ||
			Array.isArray(headers) ||
			!Object.values(headers).every((v) => typeof v === 'string')
		) {
			fail(`--headers ${path}: ${JSON.stringify(pattern)} must map to an object of string header values`);
		}
		const prefix = pattern.endsWith('*') ? pattern.slice(0, -1) : null;
		return {
			matches: (pathname) => (prefix === null ? pathname === pattern : pathname.startsWith(prefix)),
			headers: /** @type {Record<string, string>} */ (headers)
		};
	});
}

function parseCommandLine() {
	try {
		return parseArgs({
			options: {
				dir: { type: 'string' },
				port: { type: 'string' },
				host: { type: 'string' },
				headers: { type: 'string' },
				quiet: { type: 'boolean', default: false }
			},
			strict: true
		}).values;
	} catch (err) {
		return fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
	}
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
	console.error(`serve-static: ${message}`);
	process.exit(1);
}
