/** Migration: full-text search over normalized, clitic-split sentences and titles (FTS5), filled for stored articles. */
import type { Database } from 'better-sqlite3';
import { indexTerms } from '../search-terms.js';

/** This migration's name: its creation time, then what it does. */
export const name = '20261129T091000-search';

const PAGE = 500;

/** Create the contentless FTS5 indexes and index every stored sentence and title. */
export function up(db: Database): void {
  db.exec(`
    CREATE VIRTUAL TABLE sentence_fts USING fts5 (terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE title_fts USING fts5 (terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2');
  `);
  const page = db.prepare<[number, number], { id: number; title: string | null; text: string }>(
    'SELECT id, title, text FROM article WHERE id > ? ORDER BY id LIMIT ?');
  const sentences = db.prepare<[number], { id: number; span_start: number; span_end: number }>(
    'SELECT id, span_start, span_end FROM sentence WHERE article_id = ? ORDER BY seq');
  const addSentence = db.prepare('INSERT INTO sentence_fts (rowid, terms) VALUES (?, ?)');
  const addTitle = db.prepare('INSERT INTO title_fts (rowid, terms) VALUES (?, ?)');
  for (let after = 0, rows = page.all(after, PAGE); rows.length > 0; rows = page.all(after, PAGE)) {
    for (const a of rows) {
      if (a.title) addTitle.run(a.id, indexTerms(a.title));
      for (const s of sentences.all(a.id)) addSentence.run(s.id, indexTerms(a.text.slice(s.span_start, s.span_end)));
      after = a.id;
    }
  }
}
