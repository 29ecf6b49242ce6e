/** Text made safe inside a double-quoted HTML attribute (markup this project writes as a string). */
export function escapeAttribute(s: string): string {
	return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
