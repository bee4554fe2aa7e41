import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { bootstrapOrg, builtinAttackId, recordAsWorker, startTestServer, TestServer } from './api-helpers';

describe('result pages rendered once until a result lands', () => {
  let server: TestServer;
  let renders = 0;
  // A stand-in for the web app: streams its page in chunks, like a server render.
  const web = (req: http.IncomingMessage, res: http.ServerResponse) => {
    renders++;
    res.setHeader('content-type', 'text/html; charset=utf-8');
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
});
