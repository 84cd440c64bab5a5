/** Gold files: JSON Lines records in the contract's output format plus the input text. */
import { readFileSync } from 'node:fs';
import { DOMAINS, EVENT_TYPES, MODALITIES, type CodedRecord, type Lang } from '../core/types.js';
import { MizanError } from '../core/errors.js';

/** A gold record: the coded record and the text it codes. */
export interface GoldRecord extends CodedRecord {
  text: string;
}

/** Validate one parsed gold line; throws MIZAN_E_GOLD naming the place and the problem. */
export function validateGold(value: unknown, place: string): GoldRecord {
  const fail = (why: string): never => {
    throw new MizanError('MIZAN_E_GOLD', why, place);
  };
  if (typeof value !== 'object' || value === null) return fail('not a JSON object');
  const r = value as Record<string, unknown>;
  if (typeof r.id !== 'string' || !r.id) fail('"id" must be a non-empty string');
  if (typeof r.text !== 'string') fail('"text" must be a string');
  if (!Array.isArray(r.actors) || !r.actors.every((a) => typeof a === 'string')) fail('"actors" must be an array of codes');
  if (!Array.isArray(r.events)) fail('"events" must be an array');
  const text = r.text as string;
  (r.events as unknown[]).forEach((e, i) => {
    const ev = e as Record<string, unknown>;
    const at = `event ${i}`;
    if (typeof ev.source !== 'string' || typeof ev.target !== 'string') fail(`${at}: source and target must be codes`);
    if (!EVENT_TYPES.includes(ev.type as never)) fail(`${at}: unknown type ${JSON.stringify(ev.type)}`);
    if (!MODALITIES.includes(ev.modality as never)) fail(`${at}: unknown modality ${JSON.stringify(ev.modality)}`);
    if (!Array.isArray(ev.domains) || !ev.domains.every((d) => DOMAINS.includes(d as never))) fail(`${at}: domains must be from ${DOMAINS.join(', ')}`);
    const span = ev.evidence as { start?: unknown; end?: unknown } | undefined;
    if (!span || typeof span.start !== 'number' || typeof span.end !== 'number' || span.start < 0 || span.end > text.length || span.start > span.end) {
      fail(`${at}: evidence must be a span inside the text`);
    }
  });
  const lang = (typeof r.lang === 'string' ? r.lang : 'und') as Lang;
  return { ...(r as unknown as GoldRecord), lang };
}

/** Read a gold file (JSON Lines), validating every line. */
export function readGold(path: string): GoldRecord[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new MizanError('MIZAN_E_IO', `cannot read gold file: ${(err as Error).message}`, path);
  }
  const out: GoldRecord[] = [];
  const ids = new Set<string>();
  raw.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const place = `${path}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      throw new MizanError('MIZAN_E_GOLD', `invalid JSON (${(err as Error).message})`, place);
    }
    const rec = validateGold(value, place);
    if (ids.has(rec.id)) throw new MizanError('MIZAN_E_GOLD', `duplicate id "${rec.id}"`, place);
    ids.add(rec.id);
    out.push(rec);
  });
  return out;
}
