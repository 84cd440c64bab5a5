/** Bench corpora generated from the gold sentences: varied by swapping actors and recombining sentences. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '../src/analytics/random.js';

/** A sentence pool by language. */
export type Pool = Record<'ar' | 'en' | 'ru', string[]>;

const SWAPS: Record<'ar' | 'en' | 'ru', string[][]> = {
  ar: [['سوريا', 'العراق', 'لبنان', 'الأردن', 'مصر', 'تركيا', 'إيران'], ['موسكو', 'دمشق', 'أنقرة', 'طهران', 'بغداد', 'عمّان', 'القاهرة'], ['الروسي', 'السوري', 'التركي', 'الإيراني', 'العراقي', 'الأردني']],
  en: [['Syria', 'Iraq', 'Lebanon', 'Jordan', 'Egypt', 'Turkey', 'Iran'], ['Moscow', 'Damascus', 'Ankara', 'Tehran', 'Baghdad', 'Cairo'], ['Russian', 'Syrian', 'Turkish', 'Iranian', 'Iraqi', 'Jordanian']],
  ru: [['Сирия', 'Турция', 'Иран', 'Ирак', 'Египет'], ['Москва', 'Дамаск', 'Анкара', 'Тегеран', 'Багдад'], ['российский', 'сирийский', 'турецкий', 'иранский']],
};

/** Load the dev gold sentences (never the test split) as the pool. */
export function loadPool(root: string): Pool {
  const pool: Pool = { ar: [], en: [], ru: [] };
  const dir = join(root, 'eval', 'gold', 'dev');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { text: string; lang: 'ar' | 'en' | 'ru' };
      pool[r.lang]?.push(r.text);
    }
  }
  return pool;
}

/** A deterministic pseudo-random generator (mulberry32, shared with the analytics). */
export const rng = seededRandom;

/** One generated document: 3 to 10 pool sentences with actors swapped. */
export function makeDocument(pool: Pool, rand: () => number): { lang: 'ar' | 'en' | 'ru'; text: string; sentences: number } {
  const r = rand();
  const lang = r < 0.5 ? 'ar' : r < 0.8 ? 'en' : 'ru';
  const src = pool[lang];
  const n = 3 + Math.floor(rand() * 8);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = src[Math.floor(rand() * src.length)] ?? '';
    for (const group of SWAPS[lang]) {
      const from = group[Math.floor(rand() * group.length)] as string;
      const to = group[Math.floor(rand() * group.length)] as string;
      s = s.split(from).join(to);
    }
    parts.push(s);
  }
  return { lang, text: parts.join(lang === 'ar' ? ' ' : ' '), sentences: n };
}
