/** Display names of actor codes in English, Arabic and Russian, from the actor dictionary in data/actors. */
import { readFileSync } from 'node:fs';
import { MizanError } from '../core/errors.js';
import { dataPath } from '../core/paths.js';

/** An actor's kind and its first name in each language. */
export interface ActorName {
  kind: 'state' | 'igo' | 'armed';
  names: { en?: string; ar?: string; ru?: string };
}

interface Entry {
  code: string;
  kind?: 'igo' | 'armed';
  names?: Partial<Record<'en' | 'ar' | 'ru', string[]>>;
}

function read(file: string): Entry[] {
  const path = dataPath('actors', file);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Entry[];
  } catch (err) {
    throw new MizanError('MIZAN_E_DATA', `cannot load actor names: ${(err as Error).message}`, path);
  }
}

let cached: Map<string, ActorName> | undefined;

/** Every known actor code with its kind and display names, loaded once per process. */
export function actorNames(): Map<string, ActorName> {
  if (cached) return cached;
  const out = new Map<string, ActorName>();
  for (const [file, kind] of [['states.json', 'state'], ['organisations.json', undefined]] as const) {
    for (const e of read(file)) {
      const names: ActorName['names'] = {};
      for (const lang of ['en', 'ar', 'ru'] as const) {
        const first = e.names?.[lang]?.find((n) => n.trim());
        if (first) names[lang] = first;
      }
      out.set(e.code, { kind: kind ?? e.kind ?? 'igo', names });
    }
  }
  return (cached = out);
}
