/** Terminal rendering shared by the query commands: highlighted spans, shortened evidence, counts. */
import pc from './colors.js';
import type { Span } from '../core/types.js';

/** Mark spans of a text: bold yellow on a colour terminal, [brackets] otherwise. */
export function mark(text: string, spans: readonly Span[], color = pc.isColorSupported): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    if (s.start < at) continue;
    const word = text.slice(s.start, s.end);
    out += text.slice(at, s.start) + (color ? pc.bold(pc.yellow(word)) : `[${word}]`);
    at = s.end;
  }
  return out + text.slice(at);
}

/** A text cut to about `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = 200): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.lastIndexOf(' ', max);
  return `${flat.slice(0, cut > max / 2 ? cut : max)}…`;
}

/** "ar 25, en 17, ru 12" from counts by key, in the order given (others after, by name). */
export function counts(by: Record<string, number>, order: readonly string[] = []): string {
  const keys = [...order.filter((k) => k in by || order.length > 0), ...Object.keys(by).filter((k) => !order.includes(k)).sort()];
  return keys.map((k) => `${k} ${by[k] ?? 0}`).join(', ') || 'none';
}
