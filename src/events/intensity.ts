/** Intensity on the −10 (most hostile) .. +10 (most cooperative) scale; see docs/intensity.md. */
import type { EventType, Modality } from '../core/types.js';
import type { TriggerEntry } from './lexicon.js';

/** Default intensity of each PLOVER type. */
export const TYPE_INTENSITY: Record<EventType, number> = {
  AGREE: 3, CONSULT: 1, SUPPORT: 3, CONCEDE: 4, COOPERATE: 4, AID: 6, RETREAT: 2, REQUEST: -1,
  ACCUSE: -2, REJECT: -4, THREATEN: -6, PROTEST: -5, SANCTION: -7, MOBILIZE: -6, COERCE: -7, ASSAULT: -9,
};

/** The intensity of a coded event: the trigger's own value or its type's, whatever its modality. */
export function intensityOf(type: EventType, entry: TriggerEntry | undefined, modality: Modality): number {
  void modality;
  if (entry && entry.type === type && typeof entry.intensity === 'number') return entry.intensity;
  return TYPE_INTENSITY[type];
}
