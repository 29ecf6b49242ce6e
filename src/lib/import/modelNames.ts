// API model names to price-sheet ids (docs/pricing-model.md §8). Pure.

/** Families whose older names put the version first (`claude-3-5-haiku`). */
const FAMILIES = 'opus|sonnet|haiku|fable|mythos|instant';

const REGION_PREFIX = /^(?:us|eu|apac|global|jp|au|ca|us-gov)\./;
const VENDOR_PREFIX = /^anthropic[./]/;
/** Vertex AI puts the date after an `@`: `claude-opus-4-1@20250805`. */
const VERTEX_DATE = /@\d{8}$/;
/** Bedrock ends with a model version: `-v1:0`, `-v2:0`, `-v1`. */
const BEDROCK_VERSION = /-v\d+(?::\d+)?$/;
/** Claude Code appends a context note: `claude-sonnet-4-5[1m]`. */
const BRACKET_SUFFIX = /\[[^\]]*\]$/;
const DATE_SUFFIX = /-\d{8}$/;
const VERSION_FIRST = new RegExp(`^(\\d+)(?:-(\\d+))?-(${FAMILIES})$`);
const FAMILY_FIRST = /^([a-z]+)-(\d+)(?:-(\d+))?$/;
const KNOWN_FAMILY_FIRST = new RegExp(`^(?:${FAMILIES})-\\d+(?:-\\d+)?(?:-\\d{8})?$`);

/**
 * The sheet id of an API model name: drop the region and vendor prefixes (Bedrock), the
 * Vertex `@date`, the Bedrock `-v1:0`, `claude-`, the date and `-latest`; put the family
 * first (`3-5-haiku` -> `haiku-3-5`); drop a minor version of 0 (`opus-4-0` is Opus 4).
 * Display names read the same way (`Claude Sonnet 4.6`). A name that follows none of these
 * patterns is returned as given (trimmed): it is unknown, and listed as such.
 * Examples: claude-sonnet-4-6-20260319 -> sonnet-4-6; claude-3-5-haiku-20241022 -> haiku-3-5;
 * us.anthropic.claude-haiku-5-5-v1:0 -> haiku-5-5; claude-opus-4-1@20250805 -> opus-4-1;
 * gpt-4o -> gpt-4o.
 */
export function sheetModelId(apiName: string): string {
	return readModelName(apiName).id;
}

/** True when sheetModelId recognised the name as a Claude model name (rather than returning it as given). */
export function isRecognizedModelName(apiName: string): boolean {
	return readModelName(apiName).recognized;
}

function readModelName(apiName: string): { id: string; recognized: boolean } {
	const given = apiName.trim();
	const unknown = { id: given, recognized: false };
	let name = given.toLowerCase();
	name = name.replace(REGION_PREFIX, '').replace(VENDOR_PREFIX, '');
	name = name.replace(VERTEX_DATE, '').replace(BRACKET_SUFFIX, '').replace(BEDROCK_VERSION, '');
	name = name.replace(/[\s._]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
	// Without `claude-`, only a known family counts (`sonnet-4-6` is already an id; `gpt-4o` is not Claude).
	if (!name.startsWith('claude-') && !KNOWN_FAMILY_FIRST.test(name)) return unknown;
	name = name.replace(/^claude-/, '').replace(DATE_SUFFIX, '').replace(/-latest$/, '');
	const versionFirst = VERSION_FIRST.exec(name);
	if (versionFirst) {
		const [, major, minor, family] = versionFirst;
		name = minor === undefined ? `${family}-${major}` : `${family}-${major}-${minor}`;
	}
	const familyFirst = FAMILY_FIRST.exec(name);
	if (!familyFirst) return unknown;
	const [, family, major, minor] = familyFirst;
	return { id: minor === undefined || minor === '0' ? `${family}-${major}` : `${family}-${major}-${minor}`, recognized: true };
}
