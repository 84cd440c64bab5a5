/** Checking and reading the query options: dates, languages, actor codes, event types, domains, modalities, limits. */
import { isIsoDate, ymd } from '../core/calendar.js';
import { MizanError } from '../core/errors.js';
import { DOMAINS, EVENT_TYPES, MODALITIES, type Domain, type EventType, type Lang, type Modality } from '../core/types.js';

/** The first (`edge` 'start') or last day of a date given as YYYY, YYYY-MM or YYYY-MM-DD. */
export function dateOption(value: string | undefined, name: string, edge: 'start' | 'end'): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(value.trim());
  const bad = (): never => {
    throw new MizanError('MIZAN_E_USAGE', `${name} takes a date as YYYY, YYYY-MM or YYYY-MM-DD, not "${value}"`);
  };
  if (!m) return bad();
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? undefined : Number(m[2]), m[3] === undefined ? undefined : Number(m[3])];
  if (d !== undefined) {
    const date = ymd(y, mo as number, d);
    return date && isIsoDate(date) ? date : bad();
  }
  if (mo !== undefined) {
    if (mo < 1 || mo > 12) return bad();
    if (edge === 'start') return ymd(y, mo, 1) as string;
    for (let day = 31; day >= 28; day--) {
      const date = ymd(y, mo, day);
      if (date) return date;
    }
    return bad();
  }
  return (edge === 'start' ? ymd(y, 1, 1) : ymd(y, 12, 31)) as string;
}

/** A language option: ar, en or ru. */
export function langOption(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  if (!['ar', 'en', 'ru'].includes(value)) throw new MizanError('MIZAN_E_USAGE', `--lang must be ar, en or ru, not "${value}"`);
  return value as Lang;
}

/** An actor code (SYR, UN, ISIL...), upper-cased. */
export function actorOption(value: string, name: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9]{1,9}$/u.test(code)) throw new MizanError('MIZAN_E_USAGE', `${name} takes an actor code such as SYR or UN, not "${value}"`);
  return code;
}

/** A dyad written A-B (A:B and A,B also accepted). */
export function dyadOption(value: string | undefined): [string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(/[-:,]/u);
  if (parts.length !== 2) throw new MizanError('MIZAN_E_USAGE', `--dyad takes two actor codes as A-B (e.g. SYR-RUS), not "${value}"`);
  return [actorOption(parts[0] as string, '--dyad'), actorOption(parts[1] as string, '--dyad')];
}

/** One value of a closed list (event type, domain, modality), matched without regard to case. */
export function choiceOption<T extends string>(value: string | undefined, name: string, choices: readonly T[], upper = false): T | undefined {
  if (value === undefined) return undefined;
  const v = upper ? value.toUpperCase() : value.toLowerCase();
  if (!(choices as readonly string[]).includes(v)) throw new MizanError('MIZAN_E_USAGE', `${name} must be one of ${choices.join(', ')}; not "${value}"`);
  return v as T;
}

/** An event type option. */
export const typeOption = (v: string | undefined): EventType | undefined => choiceOption(v, '--type', EVENT_TYPES, true);
/** A domain option. */
export const domainOption = (v: string | undefined): Domain | undefined => choiceOption(v, '--domain', DOMAINS);
/** A modality option. */
export const modalityOption = (v: string | undefined): Modality | undefined => choiceOption(v, '--modality', MODALITIES);

/** A non-negative whole number option. */
export function countOption(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/u.test(value.trim())) throw new MizanError('MIZAN_E_USAGE', `${name} takes a whole number, not "${value}"`);
  return Number(value);
}
