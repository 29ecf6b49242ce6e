/**
 * The response headers come from one file, static-headers.json. These tests check the rules
 * it may hold (scripts/headers.mjs), that the committed host files generated from it
 * (vercel.json, deploy/nginx.conf) are up to date, and that each host's file gives every
 * sample path exactly the headers the local server sends, read the way that host reads it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, loadHeaderRules, parseHeaderRules, type HeaderRule } from '../../../scripts/headers.mjs';
import { committedFiles, netlifyHeaders, nginxConf, vercelJson } from '../../../scripts/host-configs.mjs';

const rules = loadHeaderRules('static-headers.json');

/** Paths of the built site, and a few it does not have. */
const SAMPLE_PATHS = [
	'/',
	'/index.html',
	'/embed',
	'/embed.html',
	'/embed.js',
	'/404.html',
	'/favicon.svg',
	'/robots.txt',
	'/_app/version.json',
	'/_app/immutable/entry/start.abc123.js',
	'/_app/immutable/assets/0.def456.css',
	'/no-such-page',
	'/embedded',
	'/_application'
];

const lower = (headers: Record<string, string>) =>
	Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

describe('static-headers.json', () => {
	it('frames /embed for anyone and nothing else; sandboxed embeds can load /_app/', () => {
		expect(headersFor(rules, '/embed')['Content-Security-Policy']).toBe('frame-ancestors *');
		expect(headersFor(rules, '/embed')['X-Frame-Options']).toBeUndefined();
		for (const page of ['/', '/index.html', '/404.html']) {
			expect(headersFor(rules, page)['Content-Security-Policy'], page).toBe("frame-ancestors 'none'");
			expect(headersFor(rules, page)['X-Frame-Options'], page).toBe('DENY');
		}
		expect(headersFor(rules, '/_app/immutable/entry/start.js')['Access-Control-Allow-Origin']).toBe('*');
		expect(headersFor(rules, '/_app/immutable/entry/start.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
		for (const path of SAMPLE_PATHS) expect(headersFor(rules, path)['X-Content-Type-Options'], path).toBe('nosniff');
	});
});

describe('parseHeaderRules', () => {
	it('refuses a header set by two rules that can match one path (hosts merge those differently)', () => {
		expect(() =>
			parseHeaderRules({ '/*': { 'Content-Security-Policy': "frame-ancestors 'none'" }, '/embed': { 'content-security-policy': 'frame-ancestors *' } })
		).toThrow(/content-security-policy is set by both \/\* and \/embed/i);
		expect(() => parseHeaderRules({ '/_app/*': { A: '1' }, '/_app/immutable/*': { a: '2' } })).toThrow(/both/);
		// Disjoint rules may set the same header.
		expect(parseHeaderRules({ '/a': { A: '1' }, '/b/*': { A: '2' }, '/c/*': { A: '3' } })).toHaveLength(3);
	});

	it.each([
		['a relative pattern', { embed: {} }],
		['a "*" inside a segment', { '/_app/*.js': {} }],
		['a pattern with a placeholder', { '/:page': {} }],
		['a dot segment', { '/../x': {} }],
		['a header value with a line break', { '/': { 'X-A': 'a\r\nSet-Cookie: b' } }],
		['a header name with a space', { '/': { 'X A': 'a' } }],
		['a value that is not a string', { '/': { 'X-A': 1 } }],
		['an array', []]
	])('refuses %s', (_, data) => {
		expect(() => parseHeaderRules(data)).toThrow();
	});
});

describe('generated host files', () => {
	it('are up to date with static-headers.json (run `node scripts/host-configs.mjs` when this fails)', () => {
		for (const [path, content] of Object.entries(committedFiles(rules))) {
			expect(readFileSync(path, 'utf8'), `${path} is out of date`).toBe(content);
		}
	});

	it('_headers (Netlify, Cloudflare Pages): every matching block applies, repeated headers are joined', () => {
		const blocks = parseHeadersFile(netlifyHeaders(rules));
		for (const path of SAMPLE_PATHS) {
			const sent: Record<string, string> = {};
			for (const block of blocks.filter((b) => splatMatches(b.pattern, path))) {
				for (const [name, value] of block.headers) {
					const key = name.toLowerCase();
					// Cloudflare Pages joins a header set by two matching blocks with ", ".
					sent[key] = key in sent ? `${sent[key]}, ${value}` : value;
				}
			}
			expect(sent, path).toEqual(lower(headersFor(rules, path)));
		}
	});

	it('vercel.json: every matching source applies; clean URLs and no trailing slash', () => {
		const config = JSON.parse(vercelJson(rules)) as {
			cleanUrls: boolean;
			trailingSlash: boolean;
			outputDirectory: string;
			headers: { source: string; headers: { key: string; value: string }[] }[];
		};
		expect(config).toMatchObject({ cleanUrls: true, trailingSlash: false, outputDirectory: 'build' });
		for (const path of SAMPLE_PATHS) {
			const sent: Record<string, string> = {};
			for (const rule of config.headers.filter((h) => vercelSource(h.source).test(path))) {
				for (const { key, value } of rule.headers) {
					expect(sent[key.toLowerCase()], `${path}: ${key} set twice`).toBeUndefined();
					sent[key.toLowerCase()] = value;
				}
			}
			expect(sent, path).toEqual(lower(headersFor(rules, path)));
		}
	});

	it('nginx.conf: the location nginx picks for each path lists all of its headers', () => {
		const conf = nginxConf(rules);
		const locations = parseNginxLocations(conf);
		for (const path of SAMPLE_PATHS) {
			const location = pickNginxLocation(locations, path);
			expect(location.tryFiles, path).toBe('$uri $uri.html $uri/index.html =404');
			expect(lower(location.headers), path).toEqual(lower(headersFor(rules, path)));
		}
		// Unknown paths get the 404 page (its location has the headers of /404.html).
		expect(conf).toMatch(/^error_page 404 \/404\.html;$/m);
		expect(conf.split('{').length).toBe(conf.split('}').length);
	});

	it('nginx.conf: the trailing-slash redirect keeps the raw path and one leading slash', () => {
		const match = /if \(\$request_uri ~ "(.*)"\) \{\n\treturn 308 \/\$1\$2;/.exec(nginxConf(rules));
		expect(match).not.toBeNull();
		const pattern = new RegExp((match?.[1] ?? '').replace(/\\\?/g, '\\?'));
		const redirect = (uri: string) => {
			const m = pattern.exec(uri);
			return m ? `/${m[1]}${m[2] ?? ''}` : null;
		};
		expect(redirect('/embed/')).toBe('/embed');
		expect(redirect('/embed/?show=table')).toBe('/embed?show=table');
		expect(redirect('/%2Fevil.example/')).toBe('/%2Fevil.example');
		expect(redirect('//evil.example//')).toBe('/evil.example');
		expect(redirect('/embed')).toBeNull();
		expect(redirect('/')).toBeNull();
		expect(redirect('/?a=b/')).toBeNull();
	});

	it('refuse a header value nginx would expand', () => {
		const withDollar: HeaderRule[] = parseHeaderRules({ '/': { 'X-A': 'cost $5' } });
		expect(() => nginxConf(withDollar)).toThrow(/\$/);
	});
});

/** `_headers` blocks: a path line, then indented "Name: value" lines. */
function parseHeadersFile(text: string): { pattern: string; headers: [string, string][] }[] {
	const blocks: { pattern: string; headers: [string, string][] }[] = [];
	for (const line of text.split('\n')) {
		if (line.startsWith('#') || line.trim() === '') continue;
		if (line.startsWith('/')) {
			blocks.push({ pattern: line.trim(), headers: [] });
			continue;
		}
		const header = /^ {2}([^:\s]+): (.*)$/.exec(line);
		const block = blocks.at(-1);
		if (!header || !block) throw new Error(`_headers: unexpected line ${JSON.stringify(line)}`);
		block.headers.push([header[1] ?? '', header[2] ?? '']);
	}
	return blocks;
}

/** A `_headers` path: exact, or a trailing "*" splat matching anything. */
function splatMatches(pattern: string, path: string): boolean {
	return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** A Vercel source as generated here: literal text and "(.*)" groups, anchored. */
function vercelSource(source: string): RegExp {
	const literal = source.split('(.*)').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(`^${literal.join('.*')}$`);
}

interface NginxLocation {
	modifier: '=' | '^~' | '';
	path: string;
	headers: Record<string, string>;
	tryFiles: string;
}

function parseNginxLocations(conf: string): NginxLocation[] {
	return [...conf.matchAll(/^location (?:(=|\^~) )?(\S+) \{\n([\s\S]*?)\n\}/gm)].map((m) => {
		const body = m[3] ?? '';
		const headers: Record<string, string> = {};
		for (const h of body.matchAll(/^\tadd_header (\S+) "([^"]*)" always;$/gm)) headers[h[1] ?? ''] = h[2] ?? '';
		return {
			modifier: (m[1] ?? '') as NginxLocation['modifier'],
			path: m[2] ?? '',
			headers,
			tryFiles: /^\ttry_files (.*);$/m.exec(body)?.[1] ?? ''
		};
	});
}

/** nginx's choice: an exact match, else the longest prefix (no regex locations here). */
function pickNginxLocation(locations: NginxLocation[], path: string): NginxLocation {
	const exact = locations.find((l) => l.modifier === '=' && l.path === path);
	if (exact) return exact;
	const prefixes = locations.filter((l) => l.modifier !== '=' && path.startsWith(l.path)).sort((a, b) => b.path.length - a.path.length);
	const picked = prefixes[0];
	if (!picked) throw new Error(`nginx: no location for ${path}`);
	return picked;
}
