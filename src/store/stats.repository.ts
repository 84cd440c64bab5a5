/** Counts over the store: articles, sentences, events and clusters, by language, modality and type. */
import { sql, type Kysely } from 'kysely';
import type { StoreDatabase } from './database.js';
import type { StoreStats } from './store.js';

/** Count everything in the store. */
export async function storeStats(k: Kysely<StoreDatabase>): Promise<StoreStats> {
  const byLang = (rows: Array<{ key: string; n: number }>): Record<string, number> => Object.fromEntries(rows.map((r) => [r.key, r.n]));
  const articles = await k.selectFrom('article').select(['lang as key', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('lang').orderBy('lang').execute();
  const span = await k.selectFrom('article')
    .select([(e) => e.fn.min('published_date').as('first'), (e) => e.fn.max('published_date').as('last'),
      (e) => e.fn.count<number>('near_duplicate_of').as('near')])
    .executeTakeFirstOrThrow();
  const sentences = await k.selectFrom('sentence as s').innerJoin('article as a', 'a.id', 's.article_id')
    .select(['a.lang as key', (e) => e.fn.countAll<number>().as('n')]).groupBy('a.lang').orderBy('a.lang').execute();
  const eventsByLang = await k.selectFrom('event as e').innerJoin('article as a', 'a.id', 'e.article_id')
    .select(['a.lang as key', (e) => e.fn.countAll<number>().as('n')]).groupBy('a.lang').orderBy('a.lang').execute();
  const byModality = await k.selectFrom('event').select(['modality as key', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('modality').orderBy('modality').execute();
  const byType = await k.selectFrom('event').select(['type as key', (e) => e.fn.countAll<number>().as('n')])
    .groupBy('type').orderBy('type').execute();
  const clusters = await k.selectFrom('event_cluster')
    .select([(e) => e.fn.countAll<number>().as('total'), sql<number>`COALESCE(SUM(num_articles > 1), 0)`.as('multi')])
    .executeTakeFirstOrThrow();
  const sum = (rows: Array<{ n: number }>): number => rows.reduce((t, r) => t + Number(r.n), 0);
  return {
    articles: { total: sum(articles), byLang: byLang(articles), nearDuplicates: Number(span.near), firstDate: span.first, lastDate: span.last },
    sentences: { total: sum(sentences), byLang: byLang(sentences) },
    events: { total: sum(byModality), byLang: byLang(eventsByLang), byModality: byLang(byModality), byType: byLang(byType) },
    clusters: { total: Number(clusters.total), multiArticle: Number(clusters.multi) },
  };
}
