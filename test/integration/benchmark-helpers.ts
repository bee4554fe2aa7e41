import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readTar, TarEntry } from '@frogpond/compute/benchmark/files';
import { startTestServer, TestServer } from './api-helpers';

export const TEST_SECRET = 'a-test-secret-that-is-at-least-32-characters-long';

/** A test server with its own FROGPOND_HOME (benchmark cache) and a fixed benchmark secret. */
export async function startBenchmarkServer(config: Record<string, unknown> = {}): Promise<TestServer & { home: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-bench-'));
  const server = await startTestServer({ config: { home, benchmarkSecret: TEST_SECRET, ...config } });
  const stop = server.stop.bind(server);
  return Object.assign(server, {
    home,
    async stop() {
      await stop();
      fs.rmSync(home, { recursive: true, force: true });
    },
  });
}

export const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** GETs an archive and returns its raw bytes, headers and entries. */
export async function fetchArchive(server: { url: string }, p: string): Promise<{ status: number; headers: Headers; bytes: Buffer; entries: TarEntry[] }> {
  const res = await fetch(server.url + p);
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, entries: res.status === 200 ? readTar(bytes) : [] };
}

/** A small benchmark on the toy preset (two moons): retraining takes about a second per replicate. */
export async function insertToyBenchmark(server: { ds: { query(sql: string, params?: unknown[]): Promise<any> } }, slug = 'toy-moons', testReplicates = 3): Promise<string> {
  const config = {
    preset: 'toy', dataset: 'moons', labels: 4, algorithm: 'fixmatch', rate: 0.05, density: '1.5-x',
    // Evaluations every 50 steps: the training-dynamics defense needs at least three.
    attack: { kind: 'interpolation', params: { source: 'nearest' } }, overrides: { steps: 150, evalEvery: 50 },
  };
  const [row] = await server.ds.query(
    `INSERT INTO benchmark (slug, version, name, description, license, config, dev_seeds, test_replicates)
     VALUES ($1, 1, 'Toy moons', 'Two moons, interpolation poisoning', 'MIT', $2, '{1000,1001}', $3) RETURNING id`,
    [slug, JSON.stringify(config), testReplicates]);
  return row.id;
}

/** Polls a submission until it leaves SCORING (or the timeout passes). */
export async function waitScored(server: { graphqlUrl: string }, id: string, token?: string, timeoutMs = 180_000): Promise<any> {
  const { gql } = await import('./api-helpers');
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await gql(server, `query($id: ID!) { defenseSubmission(id: $id) { id status failureReason successes trials cleanAccuracy progress { done total } } }`, { id }, token);
    const s = r.data?.defenseSubmission;
    if (!s) throw new Error(JSON.stringify(r.errors));
    if (s.status === 'SCORED' || s.status === 'FAILED' || Date.now() > end) return s;
    await new Promise((res) => setTimeout(res, 300));
  }
}
