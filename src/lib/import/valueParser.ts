// The interface the JSON readers share: parsed values in, records into the collector.

/** Takes one parsed JSON value at a time. `path` locates it in its document (`[3]`, or '' for a whole line). */
export interface ValueParser {
	value(value: unknown, line: number, path: string): void;
	/** Called once when the file ends (for notes that sum up the file). */
	end?(): void;
}
