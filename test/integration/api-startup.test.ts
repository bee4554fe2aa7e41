import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, gql } from './api-helpers';
import { startServer } from '../../server/src/server';

describe('startup against a shared DATABASE_URL', () => {
  it('two servers starting at once migrate and seed once, both serve', async () => {
    const db = await freshDatabase();
    const start = () => startServer({ config: { port: 0, databaseUrl: db.url, workers: 0, emitSchema: false, nodeEnv: 'test' }, log: () => {} });
    const servers = await Promise.all([start(), start()]);
    try {
      for (const s of servers) assert.equal((await gql(s, '{ densities { slug } }')).data.densities.length, 11);
      const [{ n }] = await servers[0].ds.query(`SELECT count(*)::int AS n FROM typeorm_migrations WHERE name = 'InitialSchema1764064800000'`);
      assert.equal(n, 1);
      const [{ r }] = await servers[0].ds.query(`SELECT count(*)::int AS r FROM reported_result`);
      assert.equal(r, 87);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await db.drop();
    }
  });
});
