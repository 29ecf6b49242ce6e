#!/usr/bin/env node
/**
 * A small zero-dependency static file server for the built site (build/), used by the
 * Playwright webServer, the Lighthouse and latency scripts, and handy for a quick local look
 * at what adapter-static wrote.
 *
 *   node scripts/serve-static.mjs [--dir build] [--port 4173] [--host 127.0.0.1]
 *                                 [--headers static-headers.json] [--quiet]
 *
 * --port 0 lets the system pick a free port; the first line printed says which
 * ("Serving <dir> on http://127.0.0.1:<port>").
 *
 * URL resolution mirrors adapter-static's output (trailingSlash 'never'):
 *   /            -> index.html
 *   /embed       -> embed.html (or embed/index.html)
 *   /favicon.svg -> favicon.svg
 *   /embed/      -> 308 redirect to /embed (SvelteKit's asset paths are relative, so
 *                   serving the page under a second URL would break them)
 * Anything else gets 404.html with status 404 when the build has one, with the headers
 * of /404.html (as nginx's `error_page 404 /404.html` does).
 *
 * --headers names the header rules (format and rules: scripts/headers.mjs); every response
 * with a file gets the headers of its request path.
 *
 * A request never crashes the process: a malformed path gets 400, a path with a trailing
 * slash a redirect to the same origin (the Location is built from the percent-encoded path,
 * with exactly one leading slash), and an unexpected error a 500.
 * tests/unit/serve-static.test.ts throws malformed and random paths at it.
 */
import { createReadStream, existsSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { headersFor, loadHeaderRules } from './headers.mjs';

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

/** Host configuration files written into build/ (scripts/host-configs.mjs): hosts never serve them. */
const HOST_FILES = new Set(['/_headers', '/_redirects']);

const USAGE =
	'usage: node scripts/serve-static.mjs [--dir build] [--port 4173] [--host 127.0.0.1] [--headers static-headers.json] [--quiet]';

const args = parseCommandLine();

const dir = args.dir ?? 'build';
const port = Number(args.port ?? 4173);
const host = args.host ?? '127.0.0.1';

if (!/^\d+$/.test(args.port ?? '4173') || port > 65535) {
	fail(`--port must be an integer 0..65535, got ${JSON.stringify(args.port)}`);
}
if (!existsSync(dir) || !statSync(dir).isDirectory()) {
	fail(`${dir}/ does not exist or is not a directory: run \`npm run build\` first (or pass --dir)`);
}
/** The served directory, symlinks resolved: every file served must live inside it. */
const root = realpathSync(resolve(dir));
const headerRules = args.headers ? loadRules(args.headers) : [];
const notFoundPage = join(root, '404.html');

const server = createServer((req, res) => {
	const started = Date.now();
	// 'close', not 'finish': a client that has all Content-Length bytes may hang up first.
	res.on('close', () => {
		if (!args.quiet) console.log(`${res.statusCode} ${req.method} ${JSON.stringify(req.url)} ${Date.now() - started}ms`);
	});
	try {
		handle(req, res);
	} catch (err) {
		// A bug or a file that vanished mid-request: answer, log, keep serving.
		console.error(`serve-static: ${req.method} ${JSON.stringify(req.url)}: ${err instanceof Error ? err.stack : String(err)}`);
		if (!res.headersSent) sendText(res, 500, 'Internal server error\n');
		else res.destroy();
	}
});
// Requests Node cannot parse (bad request line, bad header): 400, then close.
server.on('clientError', (_err, socket) => {
	if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
	else socket.destroy();
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
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
function handle(req, res) {
	if (req.method !== 'GET' && req.method !== 'HEAD') {
		res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
		res.end('Method not allowed\n');
		return;
	}

	const target = req.url ?? '/';
	// Origin-form only ("/path?query"): an absolute or authority form ("//host/x", "/\host/x",
	// which URL parsing reads as a host) is not a path here.
	if (!target.startsWith('/') || target.startsWith('//') || target.includes('\\')) {
		return sendText(res, 400, 'Bad request: not a path\n');
	}
	/** @type {URL} */
	let url;
	try {
		url = new URL(target, 'http://localhost');
	} catch {
		return sendText(res, 400, 'Bad request: malformed address\n');
	}
	/** @type {string} */
	let pathname;
	try {
		pathname = decodeURIComponent(url.pathname);
	} catch {
		return sendText(res, 400, 'Bad request: malformed percent-encoding\n');
	}
	// No file name has a control character, and none may reach a header or a log line.
	if (/[\x00-\x1f\x7f]/.test(pathname)) return sendText(res, 400, 'Bad request: control character in path\n');
	// URL parsing already collapsed "/../" segments; anything still carrying ".." or a
	// backslash is an attempt to step outside the root (e.g. "%2e%2e%2f").
	if (pathname.includes('\\') || pathname.split('/').includes('..')) {
		return sendText(res, 400, 'Bad request: path traversal\n');
	}
	if (pathname.length > 1 && pathname.endsWith('/')) {
		res.writeHead(308, { Location: sameOriginLocation(url.pathname, url.search), 'Content-Length': 0 });
		res.end();
		return;
	}

	const file = HOST_FILES.has(pathname) ? null : resolveFile(pathname);
	if (file) return sendFile(req, res, file, 200, pathname);
	if (existsSync(notFoundPage)) return sendFile(req, res, notFoundPage, 404, '/404.html');
	return sendText(res, 404, 'Not found\n');
}

/**
 * The redirect target for a path with trailing slashes: the same path without them, still
 * percent-encoded (so only ASCII reaches the header), with exactly one leading slash (so it
 * is a path on this origin, never "//host", which a browser reads as another origin).
 * @param {string} encodedPath url.pathname: percent-encoded, starts with "/"
 * @param {string} search url.search: percent-encoded, "" or "?…"
 * @returns {string}
 */
function sameOriginLocation(encodedPath, search) {
	const path = '/' + encodedPath.replace(/^[/\\]+/, '').replace(/\/+$/, '');
	return path + search;
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
			// does not exist, or the name is too long: try the next candidate
		}
	}
	return null;
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} file absolute path of a regular file inside the root
 * @param {number} status
 * @param {string} pathname the path whose header rules apply
 */
function sendFile(req, res, file, status, pathname) {
	const { size } = statSync(file);
	res.writeHead(status, {
		...headersFor(headerRules, pathname),
		'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
		'Content-Length': size
	});
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
	res.writeHead(status, {
		'Content-Type': 'text/plain; charset=utf-8',
		'Content-Length': Buffer.byteLength(body),
		'X-Content-Type-Options': 'nosniff'
	});
	res.end(body);
}

/**
 * @param {string} path
 * @returns {import('./headers.mjs').HeaderRule[]}
 */
function loadRules(path) {
	try {
		return loadHeaderRules(path);
	} catch (err) {
		return fail(`--headers ${err instanceof Error ? err.message : String(err)}`);
	}
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
