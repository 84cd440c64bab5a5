import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jobId, jobProblem, readArticleJob } from './article-job.js';

describe('article jobs', () => {
  it('take their id from the article as read: the same input gives the same UUID, any change another', () => {
    const a = { text: 'Syria accused Israel.', origin: 'a.txt', lang: 'en' };
    assert.match(jobId(a), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    assert.equal(jobId({ ...a }), jobId(a));
    assert.notEqual(jobId({ ...a, origin: 'b.txt' }), jobId(a));
    assert.notEqual(jobId({ ...a, lang: 'ar' }), jobId(a));
  });

  it('read an article from job data, and say why data is not one', () => {
    assert.deepEqual(readArticleJob({ text: 'x', origin: 'o', title: 't', extra: 1 }), { text: 'x', origin: 'o', title: 't' });
    assert.deepEqual(readArticleJob(null), { problem: 'the job carries no article' });
    assert.deepEqual(readArticleJob({ origin: 'o' }), { problem: 'the job\'s article has no text' });
    assert.deepEqual(readArticleJob({ text: 'x', origin: 'o', date: 5 }), { problem: 'the job\'s article has a malformed date' });
  });

  it('refuse what PostgreSQL cannot hold', () => {
    assert.equal(jobProblem({ text: 'ok', origin: 'o' }), undefined);
    assert.match(jobProblem({ text: 'ok', origin: 'o', title: 'a\u0000b' }) ?? '', /NUL/u);
  });
});
