import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { bootstrapOrg, builtinAttackId, recordAsWorker, startTestServer, TestServer } from './api-helpers';

describe('result pages rendered once until a result lands', () => {
  let server: TestServer;
  let renders = 0;
  // A stand-in for the web app: streams its page in chunks, like a server render.
  // Pages under /publications carry a per-response CSP nonce on their inline script, as the web app's pages do.
  const web = (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders++;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    if (req.url?.startsWith('/publications')) {
      const nonce = Buffer.from(`nonce of render ${renders} 0123456789`).toString('base64');
      res.setHeader('content-security-policy', `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      res.end(`<html><body><script nonce="${nonce}">1</script>render ${renders}</body></html>`);
      return;
    }
    res.write(`<html><body>render ${renders} `);
    res.end(`of ${req.url}</body></html>`);
  };
  before(async () => { server = await startTestServer({ fallbackHandler: web }); });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('serves the anonymous leaderboard page from memory, renders anything personal or unrelated every time', async () => {
    const get = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${server.url}${path}`, { headers })).text();
    const first = await get('/?dataset=moons');
    assert.equal(await get('/?dataset=moons'), first);
    assert.equal(renders, 1);
    assert.notEqual(await get('/?dataset=svhn'), first);
    assert.equal(renders, 2);
    await get('/?dataset=moons', { cookie: 'session=x' });
    await get('/?dataset=moons', { rsc: '1' });
    await get('/experiments');
    await get('/experiments');
    assert.equal(renders, 6);
    // a result lands: the cached page goes
    const a = await bootstrapOrg(server, 'lab-a');
    const actor = await server.services.organizations.authenticate(`Bearer ${a.token}`);
    const { experiment } = await server.services.experiments.createExperiment(actor, {
      organizationId: a.organizationId, name: 'x', preset: 'toy',
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [await builtinAttackId(server)], trialsPerCell: 1 },
    });
    const [t] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1`, [experiment.id]);
    await recordAsWorker(server, t.id, { success: true, cleanAccuracy: 0.9, backend: 'cpu', configHash: 'h' });
    let page = first;
    for (let i = 0; i < 100 && page === first; i++) {
      page = await get('/?dataset=moons');
      if (page === first) await new Promise((r) => setTimeout(r, 20));
    }
    assert.notEqual(page, first);
  });

  it('renews the CSP nonce in every answer of a kept render', async () => {
    const before = renders;
    const answers = await Promise.all([0, 1, 2].map(async () => {
      const r = await fetch(`${server.url}/publications`);
      const csp = r.headers.get('content-security-policy') ?? '';
      return { nonce: /'nonce-([^']+)'/.exec(csp)?.[1], body: await r.text() };
    }));
    const rendersBeforeLast = renders;
    const again = await fetch(`${server.url}/publications`);
    const last = { nonce: /'nonce-([^']+)'/.exec(again.headers.get('content-security-policy') ?? '')?.[1], body: await again.text() };
    assert.equal(renders, rendersBeforeLast, 'the last answer reuses a kept render');
    assert.ok(renders - before <= 3);
    const all = [...answers, last];
    assert.equal(new Set(all.map((a) => a.nonce)).size, all.length, 'no two answers share a nonce');
    for (const a of all) {
      assert.ok(a.nonce && a.body.includes(`<script nonce="${a.nonce}">`), 'the page carries its own answer\'s nonce');
    }
  });
});
