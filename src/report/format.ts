/** Numbers, dates and counted nouns as an English or Arabic analyst note writes them. */
import type { NameLang } from '../analytics/actors.js';

/** Left-to-right isolate: keeps "+2.5" whole inside right-to-left text. */
const LRI = '\u2066';
const PDI = '\u2069';

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const AR_MONTHS = ['كانون الثاني/يناير', 'شباط/فبراير', 'آذار/مارس', 'نيسان/أبريل', 'أيار/مايو', 'حزيران/يونيو', 'تموز/يوليو',
  'آب/أغسطس', 'أيلول/سبتمبر', 'تشرين الأول/أكتوبر', 'تشرين الثاني/نوفمبر', 'كانون الأول/ديسمبر'];

/** A date (YYYY-MM-DD, or YYYY-MM) as "14 July 2026" / "14 تموز/يوليو 2026". */
export function formatDate(date: string, lang: NameLang): string {
  const [y, m, d] = [date.slice(0, 4), Number(date.slice(5, 7)), date.length >= 10 ? Number(date.slice(8, 10)) : undefined];
  const month = (lang === 'ar' ? AR_MONTHS : EN_MONTHS)[m - 1] ?? date;
  return d === undefined ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/** A signed intensity with one decimal: "+2.5", "−1.0" (isolated left-to-right in Arabic). */
export function formatSigned(x: number, lang: NameLang): string {
  const r = Math.round(x * 10) / 10;
  const s = `${r > 0 ? '+' : r < 0 ? '−' : ''}${Math.abs(r).toFixed(1)}`;
  return lang === 'ar' ? `${LRI}${s}${PDI}` : s;
}

/** Text kept left-to-right inside Arabic (a range of offsets, a signed number). */
export function ltr(s: string, lang: NameLang): string {
  return lang === 'ar' ? `${LRI}${s}${PDI}` : s;
}

/** A share in [0, 1] as a whole percentage: "75%". */
export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** An English noun counted: "1 event", "3 events". */
export function enCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The forms of an Arabic noun that counting needs. */
export interface ArNoun {
  /** Singular, as after 100 ("مقال"). */
  sg: string;
  /** Singular with accusative tanween, as after 11–99 ("مقالاً"). */
  acc: string;
  /** Dual, nominative and oblique ("مقالان", "مقالين"). */
  du: [string, string];
  /** Plural, as after 3–10 ("مقالات"). */
  pl: string;
  feminine?: boolean;
}

/**
 * An Arabic noun counted with digits, in the nominative ('nom', e.g. after "ما مجموعه") or the genitive
 * ('gen', after a preposition): 1 حدث واحد, 2 حدثان/حدثين, 3–10 أحداث, 11–99 حدثاً, 100 حدث.
 */
export function arCount(n: number, noun: ArNoun, kase: 'nom' | 'gen' = 'nom'): string {
  if (n === 1) return `${noun.sg} ${noun.feminine ? 'واحدة' : 'واحد'}`;
  if (n === 2) return kase === 'nom' ? noun.du[0] : noun.du[1];
  const r = n % 100;
  if (r >= 3 && r <= 10) return `${n} ${noun.pl}`;
  if (r >= 11) return `${n} ${noun.acc}`;
  return `${n} ${noun.sg}`;
}

/** Arabic nouns the brief counts. */
export const AR_NOUNS = {
  event: { sg: 'حدث', acc: 'حدثاً', du: ['حدثان', 'حدثين'], pl: 'أحداث' },
  fact: { sg: 'واقعة', acc: 'واقعةً', du: ['واقعتان', 'واقعتين'], pl: 'وقائع', feminine: true },
  month: { sg: 'شهر', acc: 'شهراً', du: ['شهران', 'شهرين'], pl: 'أشهر' },
  week: { sg: 'أسبوع', acc: 'أسبوعاً', du: ['أسبوعان', 'أسبوعين'], pl: 'أسابيع' },
  article: { sg: 'مقال', acc: 'مقالاً', du: ['مقالان', 'مقالين'], pl: 'مقالات' },
  mention: { sg: 'إشارة', acc: 'إشارةً', du: ['إشارتان', 'إشارتين'], pl: 'إشارات', feminine: true },
  outlet: { sg: 'وسيلة إعلامية', acc: 'وسيلةً إعلامية', du: ['وسيلتان إعلاميتان', 'وسيلتين إعلاميتين'], pl: 'وسائل إعلامية', feminine: true },
  actor: { sg: 'طرف', acc: 'طرفاً', du: ['طرفان', 'طرفين'], pl: 'أطراف' },
  link: { sg: 'علاقة', acc: 'علاقةً', du: ['علاقتان', 'علاقتين'], pl: 'علاقات', feminine: true },
  triad: { sg: 'مثلث', acc: 'مثلثاً', du: ['مثلثان', 'مثلثين'], pl: 'مثلثات' },
} satisfies Record<string, ArNoun>;

/** A list joined as prose: "a, b and c" / "أ وب وج". */
export function joinList(items: readonly string[], lang: NameLang): string {
  if (items.length <= 1) return items[0] ?? '';
  if (lang === 'ar') return items.join('، و');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
