/** An ingest job: one raw article as read from the input, with an id derived from its content so that enqueueing the same input twice queues it once. */
import { createHash } from 'node:crypto';
import type { RawArticle } from '../ingest/article.js';

/** The fields of a raw article that a job carries, besides its text and origin. */
const OPTIONAL = ['title', 'date', 'outlet', 'url', 'lang', 'externalId'] as const;

/** A job's id: a UUID (version 5 layout) made from a SHA-256 of the article as read. */
export function jobId(a: RawArticle): string {
  const h = createHash('sha256').update(JSON.stringify([a.text, a.origin, ...OPTIONAL.map((k) => a[k] ?? null)])).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x50;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

/** The job data of an article: its text, origin and whichever metadata it has. */
export function articleJobData(a: RawArticle): RawArticle {
  const out: RawArticle = { text: a.text, origin: a.origin };
  for (const k of OPTIONAL) if (typeof a[k] === 'string') out[k] = a[k];
  return out;
}

/** Why an article cannot travel as a job (PostgreSQL's JSON holds no NUL character), or undefined when it can. */
export function jobProblem(a: RawArticle): string | undefined {
  const fields = [a.text, a.origin, ...OPTIONAL.map((k) => a[k] ?? '')];
  return fields.some((f) => f.includes('\u0000')) ? 'it holds a NUL character, which PostgreSQL cannot store' : undefined;
}

/** The article in a job's data, or a reason why the data is not one (a job no worker can ever process). */
export function readArticleJob(data: unknown): RawArticle | { problem: string } {
  if (typeof data !== 'object' || data === null) return { problem: 'the job carries no article' };
  const d = data as Record<string, unknown>;
  if (typeof d.text !== 'string') return { problem: 'the job\'s article has no text' };
  if (typeof d.origin !== 'string') return { problem: 'the job\'s article has no origin' };
  const bad = OPTIONAL.find((k) => d[k] !== undefined && typeof d[k] !== 'string');
  if (bad) return { problem: `the job's article has a malformed ${bad}` };
  return articleJobData(d as unknown as RawArticle);
}
