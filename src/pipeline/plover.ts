/** PLOVER export: one PLOVER-style record per coded event. */
import type { CodedEvent, CodedRecord, Modality } from '../core/types.js';

/** PLOVER's auxiliary mode for a modality (asserted has none). */
export const AUX_MODE: Record<Modality, string | undefined> = {
  asserted: undefined, negated: 'negation', future: 'future', speculative: 'hypothetical', normative: 'hypothetical',
};

/** A PLOVER event record. */
export interface PloverRecord {
  id: string;
  event: string;
  mode: string;
  aux_mode?: string;
  context: string[];
  actor: string;
  actor_sector?: string;
  recipient: string;
  recipient_sector?: string;
  intensity: number;
  modality: Modality;
  text?: string;
  evidence: { start: number; end: number };
  date?: string;
  source_doc: string;
}

/** Convert one event of a record to PLOVER. */
export function toPlover(record: CodedRecord, e: CodedEvent, n: number, text?: string, date?: string): PloverRecord {
  const out: PloverRecord = {
    id: `${record.id}-${n}`, event: e.type, mode: e.mode ?? '', context: e.domains, actor: e.source, recipient: e.target,
    intensity: e.intensity, modality: e.modality, evidence: e.evidence, source_doc: record.id,
  };
  const aux = AUX_MODE[e.modality];
  if (aux) out.aux_mode = aux;
  if (e.sourceSector) out.actor_sector = e.sourceSector;
  if (e.targetSector) out.recipient_sector = e.targetSector;
  if (text !== undefined) out.text = text.slice(e.evidence.start, e.evidence.end);
  if (date) out.date = date;
  return out;
}
