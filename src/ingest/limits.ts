/**
 * The limits that keep one input from exhausting memory or time: past each, the input (or record, or
 * article) is skipped with a message that names the limit. See docs/security.md.
 */

/** Largest file read whole (.txt .md .html .json .rss .atom .xml); JSON Lines are streamed instead. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Largest line of a JSON Lines file (one record); a longer line is skipped without being held in memory. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** Longest article text, in UTF-16 units (about 80,000 words). */
export const MAX_TEXT_CHARS = 500_000;

/** Longest sentence the coder is given: its work grows faster than the sentence (corpus sentences stay under 300). */
export const MAX_SENTENCE_CHARS = 5_000;

/** Longest run of letters and dots without a space or other character (no word of prose comes near it). */
export const MAX_WORD_CHARS = 256;

/** Longest title, outlet, URL or id kept: a longer one is cut (a 4 MiB title would fill every list of articles). */
export const MAX_META_CHARS = 1_000;

/** Deepest nesting of HTML elements read: extraction time grows with the cube of the depth (real pages stay under 60). */
export const MAX_HTML_DEPTH = 200;

/** A byte count for messages: "512 bytes", "3.2 KiB", "200.0 MiB". */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}
