import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPostgresUrl, redactUrl } from './connection.js';

describe('PostgreSQL connection strings', () => {
  it('tell a PostgreSQL URL from a SQLite file', () => {
    assert.ok(isPostgresUrl('postgres://u@h/db') && isPostgresUrl('POSTGRESQL://h/db'));
    assert.ok(!isPostgresUrl('mizan.db') && !isPostgresUrl('./postgres/mizan.db'));
  });

  it('are shown without their password', () => {
    assert.equal(redactUrl('postgres://mizan:s3cret@db:5432/mizan'), 'postgres://mizan:***@db:5432/mizan');
    assert.equal(redactUrl('postgres://mizan@db/mizan'), 'postgres://mizan@db/mizan');
  });
});
