/**
 * Query parameters shared by the routes, as zod schemas: they read the strings of a query string and
 * reject bad values with a message that the error handler prefixes with the parameter's name.
 */
import { z } from 'zod';
import { isIsoDate, ymd } from '../core/calendar.js';
import { DOMAINS, EVENT_TYPES, MODALITIES } from '../core/types.js';

/** A date given as YYYY, YYYY-MM or YYYY-MM-DD, read as its first (`start`) or last (`end`) day. */
export function dateParam(edge: 'start' | 'end'): z.ZodType<string, string> {
  return z.string().transform((value, ctx) => {
    const date = readDate(value, edge);
    if (date) return date;
    ctx.addIssue({ code: 'custom', message: `takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"` });
    return z.NEVER;
  }).describe(`a date: YYYY, YYYY-MM or YYYY-MM-DD (a year or month counts from its ${edge === 'start' ? 'first' : 'last'} day)`);
}

/** The first or last day of YYYY, YYYY-MM or YYYY-MM-DD; undefined when it is not such a date. */
export function readDate(value: string, edge: 'start' | 'end'): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(value.trim());
  if (!m) return undefined;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const date = ymd(y, Number(m[2]), Number(m[3]));
    return date && isIsoDate(date) ? date : undefined;
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return undefined;
    if (edge === 'start') return ymd(y, mo, 1);
    for (let day = 31; day >= 28; day--) {
      const date = ymd(y, mo, day);
      if (date) return date;
    }
    return undefined;
  }
  return edge === 'start' ? ymd(y, 1, 1) : ymd(y, 12, 31);
}

const ACTOR = /^[A-Z][A-Z0-9]{1,9}$/u;

/** An actor code (SYR, UN, ISIL…), read without regard to case. */
export const actorParam = z.string().transform((value, ctx) => {
  const code = value.trim().toUpperCase();
  if (ACTOR.test(code)) return code;
  ctx.addIssue({ code: 'custom', message: `takes an actor code such as SYR or UN, not "${value}"` });
  return z.NEVER;
}).describe('an actor code such as SYR or UN');

/** A dyad written A-B (A:B and A,B also read). */
export const dyadParam = z.string().transform((value, ctx): [string, string] => {
  const parts = value.split(/[-:,]/u).map((p) => p.trim().toUpperCase());
  if (parts.length === 2 && parts.every((p) => ACTOR.test(p))) return [parts[0] as string, parts[1] as string];
  ctx.addIssue({ code: 'custom', message: `takes two actor codes as A-B (e.g. SYR-RUS), not "${value}"` });
  return z.NEVER;
}).describe('two actor codes as A-B, e.g. SYR-RUS');

/** A yes/no flag: true, false, 1 or 0 (an empty value, as in `?distinct`, is true). */
export const flagParam = z.enum(['true', 'false', '1', '0', '']).transform((v) => v === 'true' || v === '1' || v === '')
  .describe('true or false');

/** A whole number in [min, max], with a default. */
export function countParam(min: number, max: number, fallback: number): z.ZodType<number, string | undefined> {
  return z.string().optional().transform((value, ctx) => {
    if (value === undefined) return fallback;
    if (!/^\d{1,9}$/u.test(value.trim())) {
      ctx.addIssue({ code: 'custom', message: `takes a whole number, not "${value}"` });
      return z.NEVER;
    }
    const n = Number(value);
    if (n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}, not ${n}` });
      return z.NEVER;
    }
    return n;
  }).describe(`a whole number from ${min} to ${max} (default ${fallback})`);
}

/** One value of a closed list, matched without regard to case. */
function choiceParam<T extends string>(choices: readonly T[], upper: boolean): z.ZodType<T, string> {
  return z.string().transform((value, ctx) => {
    const v = (upper ? value.toUpperCase() : value.toLowerCase()).trim();
    if ((choices as readonly string[]).includes(v)) return v as T;
    ctx.addIssue({ code: 'custom', message: `must be one of ${choices.join(', ')}; not "${value}"` });
    return z.NEVER;
  }).describe(`one of ${choices.join(', ')}`);
}

/** A PLOVER event type. */
export const typeParam = choiceParam(EVENT_TYPES, true);
/** A domain. */
export const domainParam = choiceParam(DOMAINS, false);
/** A modality. */
export const modalityParam = choiceParam(MODALITIES, false);
/** A language of the store. */
export const langParam = choiceParam(['ar', 'en', 'ru'] as const, false);
/** A numeric id in a path. */
export const idParam = z.string().regex(/^[1-9]\d{0,14}$/u, 'takes a positive whole number').transform(Number).describe('a positive whole number');
