// Hand-made data shared by the import dialog's tests (and mirrored in tests/e2e/import.spec.ts).

/**
 * Two Sonnet 4.6 responses: the first writes a 2,000-token prefix (5 minutes), the second
 * reads it. On anthropic-2026-11 ($3 in, $3.75 write, $0.30 read, $15 out per MTok):
 * (1,000 x 3 + 2,000 x 3.75 + 500 x 15) / 1e6 = $0.018 and
 * (1,000 x 3 + 2,000 x 0.3 + 500 x 15) / 1e6 = $0.0111, $0.0291 in all; hit ratio 50 %.
 */
export const TWO_RESPONSES = [
	'{"id":"msg_a","type":"message","model":"claude-sonnet-4-6","usage":{"input_tokens":1000,"output_tokens":500,"cache_creation_input_tokens":2000,"cache_read_input_tokens":0,"cache_creation":{"ephemeral_5m_input_tokens":2000,"ephemeral_1h_input_tokens":0}}}',
	'{"id":"msg_b","type":"message","model":"claude-sonnet-4-6","usage":{"input_tokens":1000,"output_tokens":500,"cache_creation_input_tokens":0,"cache_read_input_tokens":2000}}'
].join('\n');
