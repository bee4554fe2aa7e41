import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { freshDatabase, gql } from './api-helpers';
import { startServer } from '../../server/src/server';

describe('startup against a shared DATABASE_URL', () => {
  it('two servers starting at once migrate and seed once, both serve', async () => {
    const db = await freshDatabase();
    const start = () => startServer({ config: { port: 0, databaseUrl: db.url, workers: 0, benchmarkBaselines: false, emitSchema: false, nodeEnv: 'test' }, log: () => {} });
    const servers = await Promise.all([start(), start()]);
    try {
      for (const s of servers) assert.equal((await gql(s, '{ densities(first: 100) { edges { cursor } } }')).data.densities.edges.length, 11);
      const [{ n }] = await servers[0].ds.query(`SELECT count(*)::int AS n FROM typeorm_migrations WHERE name = 'InitialSchema1764064800000'`);
      assert.equal(n, 1);
      const [{ r }] = await servers[0].ds.query(`SELECT count(*)::int AS r FROM reported_result`);
      assert.equal(r, 87);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await db.drop();
    }
  });

  it('routes /graphql to Apollo, /healthz to a DB check, everything else to the fallback handler', async () => {
    const db = await freshDatabase();
    const seen: string[] = [];
    const server = await startServer({
      config: { port: 0, databaseUrl: db.url, workers: 0, benchmarkBaselines: false, emitSchema: false, nodeEnv: 'test' }, log: () => {},
      fallbackHandler: (req, res) => { seen.push(req.url ?? ''); res.setHeader('content-type', 'text/html'); res.end('<html>web</html>'); },
    });
    try {
      assert.equal(await (await fetch(`${server.url}/experiments/abc?x=1`)).text(), '<html>web</html>');
      assert.deepEqual(seen, ['/experiments/abc?x=1']);
      assert.deepEqual(await (await fetch(`${server.url}/healthz`)).json(), { ok: true });
      const get = await fetch(`${server.graphqlUrl}?query=${encodeURIComponent('{ datasets { slug } }')}`, { headers: { 'apollo-require-preflight': '1' } });
      assert.equal(get.status, 200);
      assert.equal(((await get.json()) as any).data.datasets.length, 7);
      const bad = await fetch(server.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
      assert.equal(bad.status, 400);
      assert.equal(((await bad.json()) as any).errors[0].extensions.code, 'BAD_USER_INPUT');
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
