import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, type RunningServer } from '../../server/src/server';
import { RateLimiter } from '../../server/src/common/rate-limit';
import { bootstrapOrg, gql, startTestServer, TestServer } from './api-helpers';

/**
 * Rate limits are counted in PostgreSQL: two API processes on one database (two servers here, each with its own
 * connection pool and nothing shared in memory) enforce one limit between them.
 */
describe('rate limits across API processes', () => {
  let a: TestServer;
  let b: RunningServer;

  before(async () => {
    a = await startTestServer({ config: { mutationsPerMinutePerToken: 3, mutationsPerMinutePerIp: 0 } });
    b = await startServer({ config: { ...a.config, port: 0 }, log: () => {} });
  });
  after(async () => { await b?.stop(); await a?.stop(); await a?.dropDatabase(); });

  it('counts a token\'s mutations on every process toward one limit', async () => {
    const { token } = await bootstrapOrg(a, 'limited-lab');
    const session = (server: RunningServer) => gql(server, 'mutation { createSession { token } }', {}, token);
    for (const server of [a, b, a]) {
      const r = await session(server);
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    }
    const refused = await session(b);
    assert.equal(refused.status, 429, 'the fourth mutation, on the other process, is over the limit of 3');
    assert.equal(refused.errors?.[0].extensions?.code, 'FORBIDDEN');
    assert.ok(Number(refused.errors?.[0].extensions?.retryAfter) > 0);
    assert.equal((await session(a)).status, 429, 'and on the first process too');
    const reads = await gql(b, '{ datasets { slug } }', {}, token);
    assert.equal(reads.status, 200, 'reads are not limited');
  });

  it('allows `limit` hits per window and key, then asks to wait until the window ends', async () => {
    const one = new RateLimiter(a.ds, 1);
    const other = new RateLimiter(b.ds, 1);
    assert.equal(await one.hit('k', 2), 0);
    assert.equal(await other.hit('k', 2), 0);
    assert.equal(await one.hit('k', 2), 1, 'third hit in the window waits for its end');
    assert.equal(await other.hit('j', 2), 0, 'keys are independent');
    assert.equal(await other.hit('k', 0), 0, 'limit 0 is off');
    await new Promise((r) => setTimeout(r, 1100));
    assert.equal(await other.hit('k', 2), 0, 'a new window starts');
  });
});
