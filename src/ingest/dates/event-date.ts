/** The date of a coded event: the date expression of its evidence nearest its trigger, else the article's date. */
import type { Modality, Span } from '../../core/types.js';
import type { DatePrecision } from '../../store/store.js';
import { resolveTemporal } from './resolve.js';
import type { DateMention } from './temporal.js';

/** An event's date, its precision, and the expression it came from (none when the article date was used). */
export interface EventDate {
  date: string;
  precision: DatePrecision;
  text?: string;
}

/** Where to look for an event's date. */
export interface EventDateQuery {
  /** The text the mentions were found in (to tell clauses apart). */
  text: string;
  /** The evidence span (original offsets into the text the mentions were found in). */
  evidence: Span;
  /** Offset of the trigger, when known: the nearest expression to it wins. */
  triggerAt?: number;
  /** The act's modality: a future act's bare weekday points forward; an asserted or negated act cannot postdate its report. */
  modality?: Modality;
}

/** Punctuation that closes a clause: "Russia, which intervened in 2015, signed on Monday" has three. */
const CLAUSE_BREAK = /[,;:()\u2013\u2014،؛]/u;

/**
 * Date an event: among the date expressions inside its evidence that do not open a span ("since 2015"),
 * the one in the trigger's clause, else the one nearest the trigger (or the first when the trigger is
 * unknown), resolved against the article date; a date after the article date is passed over for an
 * asserted or negated act ("signed a memorandum, the committees start next week"). The article date
 * itself when none fits; undefined when there is neither.
 */
export function eventDate(mentions: readonly DateMention[], anchor: string | undefined, q: EventDateQuery): EventDate | undefined {
  const at = q.triggerAt;
  // A date inside a quotation the trigger stands outside of belongs to the words quoted ("دعا إسرائيل إلى «الانسحاب
  // من الأراضي التي توغلت فيها بعد كانون الأول/ديسمبر 2024»"), not to the act.
  const quoteOfTrigger = at === undefined ? undefined : quotationAt(q.text, at);
  const quotedElsewhere = (m: DateMention): boolean => {
    if (at === undefined) return false;
    const quote = quotationAt(q.text, m.start);
    return quote !== undefined && quote !== quoteOfTrigger;
  };
  const inside = mentions.filter((m) => m.role === 'point' && m.start >= q.evidence.start && m.end <= q.evidence.end && !quotedElsewhere(m));
  const rank = (m: DateMention): number => (at === undefined ? 0 : distance(m, at) + (sameClause(q.text, m, at) ? 0 : q.text.length));
  const ordered = at === undefined ? inside : [...inside].sort((a, b) => rank(a) - rank(b));
  const pastBound = anchor !== undefined && (q.modality === 'asserted' || q.modality === 'negated');
  for (const m of ordered) {
    const r = resolveTemporal(m.temporal, anchor, { future: q.modality === 'future' });
    if (r && !(pastBound && r.date > (anchor as string))) return { date: r.date, precision: r.precision, text: m.text };
  }
  return anchor ? { date: anchor, precision: 'day' } : undefined;
}

/** Opening and closing quotation marks by UTF-16 unit: « “ „ open, » ” close; a straight " alternates. */
const OPENING_QUOTES = new Set([0x00ab, 0x201c, 0x201e]);
const CLOSING_QUOTES = new Set([0x00bb, 0x201d]);
const STRAIGHT_QUOTE = 0x22;

/** Units that end the sentence a quotation is bounded to: . ! ? ؟ and the line feed. */
const SENTENCE_ENDS = new Set([0x2e, 0x21, 0x3f, 0x061f, 0x0a]);

/**
 * The offset of the quotation mark that opens the quotation a position is in, if any: « » and “ ” pair up, a
 * straight " alternates. Bounded to the sentence around the position (a quotation does not run past . ! ? or a
 * line break without closing). Read unit by unit (every mark is one UTF-16 unit): it runs for each event and
 * each of its date mentions.
 */
function quotationAt(text: string, pos: number): number | undefined {
  let open: number | undefined;
  let start = pos;
  while (start > 0 && !SENTENCE_ENDS.has(text.charCodeAt(start - 1))) start--;
  for (let k = start; k < pos; k++) {
    const c = text.charCodeAt(k);
    if (OPENING_QUOTES.has(c)) open = k;
    else if (CLOSING_QUOTES.has(c)) open = undefined;
    else if (c === STRAIGHT_QUOTE) open = open === undefined ? k : undefined;
  }
  return open;
}

function sameClause(text: string, m: DateMention, at: number): boolean {
  return !CLAUSE_BREAK.test(at < m.start ? text.slice(at, m.start) : text.slice(m.end, at));
}

function distance(m: DateMention, at: number): number {
  if (at < m.start) return m.start - at;
  if (at >= m.end) return at - m.end + 1;
  return 0;
}
