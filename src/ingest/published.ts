/** Publication dates as inputs write them (ISO 8601, RFC 822, "14 July 2026"), read into ISO form. */
import { ymd } from '../core/calendar.js';

/** A publication time: as ISO 8601 (a date, or a date-time with offset), and its date in the article's own zone. */
export interface Published {
  published: string;
  date: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const ZONES: Record<string, string> = { gmt: '+00:00', ut: '+00:00', utc: '+00:00', z: '+00:00', est: '-05:00', edt: '-04:00', cst: '-06:00', cdt: '-05:00', mst: '-07:00', mdt: '-06:00', pst: '-08:00', pdt: '-07:00' };

/** Read a publication date or time; the date is the one written, not shifted to UTC. */
export function parsePublished(s: string | undefined): Published | undefined {
  const v = s?.trim();
  if (!v) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/iu.exec(v);
  if (iso) {
    const date = ymd(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!date) return undefined;
    if (iso[4] === undefined) return { published: date, date };
    return { published: `${date}T${iso[4]}:${iso[5]}:${iso[6] ?? '00'}${zone(iso[7])}`, date };
  }
  // RFC 822 / 1123: "Thu, 06 Aug 2026 14:05:00 +0300"; also "6 August 2026" and "August 6, 2026".
  const rfc = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,3})?)?$/iu.exec(v);
  const us = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/iu.exec(v);
  const [day, mon, year] = rfc ? [rfc[1], rfc[2], rfc[3]] : us ? [us[2], us[1], us[3]] : [];
  if (day !== undefined && mon !== undefined && year !== undefined) {
    const month = MONTHS[mon.slice(0, 3).toLowerCase()];
    const date = month === undefined ? undefined : ymd(Number(year), month, Number(day));
    if (!date) return undefined;
    if (!rfc || rfc[4] === undefined) return { published: date, date };
    return { published: `${date}T${rfc[4].padStart(2, '0')}:${rfc[5]}:${rfc[6] ?? '00'}${zone(rfc[7])}`, date };
  }
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u.exec(v);
  if (slashed) {
    const date = ymd(Number(slashed[1]), Number(slashed[2]), Number(slashed[3]));
    return date ? { published: date, date } : undefined;
  }
  return undefined;
}

function zone(z: string | undefined): string {
  if (z === undefined) return '';
  const named = ZONES[z.toLowerCase()];
  if (named) return named;
  const m = /^([+-])(\d{2}):?(\d{2})$/u.exec(z);
  return m ? `${m[1]}${m[2]}:${m[3]}` : '';
}
