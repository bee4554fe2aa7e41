import { after, describe, it } from 'node:test';
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, RunningServer } from '../../server/src/server';
import { AlreadyRunningError } from '../../server/src/db/embedded';
import { gql } from './api-helpers';

/** The `npm start` path with no DATABASE_URL: embedded PostgreSQL in FROGPOND_HOME, end to end. */
describe('embedded PostgreSQL (no DATABASE_URL)', () => {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-home-'));
  const start = () => startServer({ config: { databaseUrl: undefined, home, port: 0, workers: 0, benchmarkBaselines: false, emitSchema: false, nodeEnv: 'test' }, log: () => {} });
  let running: RunningServer | undefined;
  after(async () => { await running?.stop(); fs.rmSync(home, { recursive: true, force: true }); });

  it('initialises, migrates, seeds and answers a query; survives a restart; refuses a second server on the same home', async () => {
    running = await start();
    assert.ok(running.embedded, 'an embedded cluster was started');
    assert.ok(fs.existsSync(path.join(home, 'pg', 'PG_VERSION')));
    const r = await gql(running, '{ datasets { slug } densities(first: 100) { edges { node { slug } } } }');
    assert.equal(r.errors, undefined);
    assert.equal(r.data.densities.edges.length, 11);
    assert.ok(r.data.datasets.some((d: any) => d.slug === 'cifar10'));
    await running.services.organizations.bootstrapAdmin('persisted-lab');

    // A second server on the same FROGPOND_HOME is refused clearly, and the first keeps working.
    await assert.rejects(start(), (e: unknown) => e instanceof AlreadyRunningError && /already running/.test((e as Error).message));
    assert.equal((await gql(running, '{ organizations { slug } }')).data.organizations[0].slug, 'persisted-lab');

    await running.stop();
    running = undefined;
    assert.ok(!fs.existsSync(path.join(home, 'server.lock')), 'lock released on stop');

    running = await start();
    const again = await gql(running, '{ organizations { slug } }');
    assert.deepEqual(again.data.organizations, [{ slug: 'persisted-lab' }]);
  });

  it('recovers from a killed server: the orphaned PostgreSQL is stopped cleanly and the data kept', async () => {
    // Same FROGPOND_HOME as above (already initialised): stop the in-process server, run one in a child instead.
    await running?.stop();
    running = undefined;
    const home2 = home;
    {
      const serverJs = path.resolve(__dirname, '../../server/src/server.js');
      const script = `require('reflect-metadata'); require(${JSON.stringify(serverJs)}).startServer({ config: { databaseUrl: undefined, home: ${JSON.stringify(home2)},
        port: 0, workers: 0, benchmarkBaselines: false, emitSchema: false }, log: () => {} }).then(async (s) => { await s.services.organizations.bootstrapAdmin('survivor'); console.log('READY'); });`;
      const child = spawn(process.execPath, ['-e', script], { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (d) => { if (String(d).includes('READY')) resolve(); });
        child.once('exit', (code) => reject(new Error(`child exited ${code}`)));
      });
      const pmPid = Number(fs.readFileSync(path.join(home2, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      assert.doesNotThrow(() => process.kill(pmPid, 0), 'postgres outlived its killed parent');

      const again = await startServer({ config: { databaseUrl: undefined, home: home2, port: 0, workers: 0, benchmarkBaselines: false, emitSchema: false, nodeEnv: 'test' }, log: () => {} });
      try {
        assert.deepEqual((await gql(again, '{ organizations { slug } }')).data.organizations, [{ slug: 'persisted-lab' }, { slug: 'survivor' }]);
      } finally {
        await again.stop();
      }
      assert.throws(() => process.kill(pmPid, 0), 'the orphan is gone');
    }
  });

  it('restarts PostgreSQL that dies under a running server, reporting degraded health meanwhile', async () => {
    const lines: string[] = [];
    running = await startServer({ config: { databaseUrl: undefined, home, port: 0, workers: 0, benchmarkBaselines: false, emitSchema: false, nodeEnv: 'test' }, log: (m) => lines.push(m) });
    const pmPid = Number(fs.readFileSync(path.join(home, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    process.kill(pmPid, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    let sawDegraded = false;
    for (;;) {
      const res = await fetch(`${running.url}/healthz`);
      const body = (await res.json()) as { ok: boolean; status?: string };
      if (res.status === 503) { assert.equal(body.status, 'degraded'); sawDegraded = true; }
      if (res.status === 200 && sawDegraded && running.embedded!.restarts() > 0) break;
      assert.ok(Date.now() < deadline, `not back within 60 s: ${lines.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(lines.some((l) => /embedded PostgreSQL exited/.test(l)) && lines.some((l) => /restarted/.test(l)), lines.join(' | '));
    // the pool reconnects: queries work again
    for (let i = 0; ; i++) {
      const r = await gql(running, '{ organizations { slug } }');
      if (!r.errors) { assert.ok(r.data.organizations.length >= 2); break; }
      assert.ok(i < 20, JSON.stringify(r.errors));
      await new Promise((res) => setTimeout(res, 250));
    }
  });
});
