import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startServer, RunningServer, StartOptions } from '../../server/src/server';
import { startEmbeddedPostgres } from '../../server/src/db/embedded';
import type { RecordedOutcome } from '../../server/src/modules/trial/trial-result.service';

/**
 * A fresh, empty database for one test file: CREATE DATABASE frogpond_test_<random> on the TEST_DATABASE_URL server
 * (dropped afterwards), else a throw-away embedded PostgreSQL in a temp directory. Files can run in parallel.
 */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  const name = `frogpond_test_${crypto.randomBytes(5).toString('hex')}`;
  if (base) {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      async drop() {
        const c = new Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-test-'));
  const db = await startEmbeddedPostgres({ home, log: () => {} });
  return { url: db.url, async drop() { await db.stop(); fs.rmSync(home, { recursive: true, force: true }); } };
}

export interface TestServer extends RunningServer { dropDatabase(): Promise<void> }

/** startServer on port 0 against a fresh database; `stop()` then `dropDatabase()` in after(). */
export async function startTestServer(opts: StartOptions = {}): Promise<TestServer> {
  const db = await freshDatabase();
  const server = await startServer({
    ...opts,
    // workers 0: no in-process worker runs trials behind an API test's back (tests that want one pass workers: 1);
    // benchmarkBaselines false: the seeded benchmark's baselines (96 mini MNIST trials) are queued only by the tests
    // about them, so no worker spends a test's time on them.
    config: { port: 0, host: '127.0.0.1', databaseUrl: db.url, emitSchema: false, nodeEnv: 'production', workers: 0, benchmarkBaselines: false, ...opts.config },
    log: opts.log ?? (() => {}),
  });
  return Object.assign(server, { dropDatabase: db.drop });
}

export interface GqlResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; [k: string]: unknown }[];
}

/** POSTs a GraphQL operation through HTTP. */
export async function gql<T = any>(server: { graphqlUrl: string }, query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResponse<T>> {
  const res = await fetch(server.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as GqlResponse<T>;
  return { ...body, status: res.status };
}

/** The codes of the errors of a response (empty when none). */
export const codes = (r: GqlResponse) => (r.errors ?? []).map((e) => e.extensions?.code);

/** An organization with an admin token, through the same service the CLI uses. */
export async function bootstrapOrg(server: RunningServer, slug: string) {
  const issued = await server.services.organizations.bootstrapAdmin(slug);
  return { token: issued.token, organizationId: issued.organization.id };
}

export async function builtinAttackId(server: RunningServer, slug = 'interpolation'): Promise<string> {
  const [row] = await server.ds.query(`SELECT id FROM attack_definition WHERE slug = $1 AND version = 1`, [slug]);
  return row.id;
}

/** A trial claimed the way a worker claims it (RUNNING, worker name, next attempt); returns the lease it holds. */
export async function claimTrial(server: RunningServer, trialId: string, worker = 'test-worker'): Promise<{ worker: string; attempts: number }> {
  // TypeORM answers an UPDATE ... RETURNING with [rows, affected]
  const [rows] = await server.ds.query(
    `UPDATE trial SET status = 'RUNNING', worker = $2, attempts = attempts + 1, started_at = now(), heartbeat_at = now(), updated_at = now()
      WHERE id = $1 AND status IN ('QUEUED', 'RUNNING') RETURNING attempts`, [trialId, worker]);
  return { worker, attempts: rows[0]?.attempts ?? -1 };
}

/** A result as a test records it: compute's outcome, with the fields a test does not care about left out. */
export type OutcomeForTest = RecordedOutcome;

/**
 * Records a result the only way one can be recorded: through the worker's service, under the lease of a worker that
 * claimed the trial (`claim: false` records without claiming, which the service must refuse).
 */
export async function recordAsWorker(server: RunningServer, trialId: string, outcome: OutcomeForTest, opts: { claim?: boolean; lease?: { worker: string; attempts: number } } = {}) {
  const lease = opts.lease ?? (opts.claim === false ? { worker: 'test-worker', attempts: 1 } : await claimTrial(server, trialId));
  return server.services.results.record(server.ds.manager, trialId, outcome, lease);
}

/** The code of a rejected promise (AppError.code), or 'OK' when it resolved. */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'OK'; } catch (e) { return String((e as { code?: unknown }).code ?? (e as Error).message); }
}

/**
 * The paper preset reads CIFAR-10, SVHN and STL-10 from the user's files, and experiments on them are refused when a
 * deployment has none. Tests that only aggregate results give this process (never read) folders for them under a
 * temporary FROGPOND_DATA; the returned function restores the environment and removes the folders.
 */
export function withPaperDatasetFolders(): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-data-'));
  for (const name of ['cifar10', 'svhn', 'stl10']) fs.mkdirSync(path.join(dir, name));
  const previous = process.env.FROGPOND_DATA;
  process.env.FROGPOND_DATA = dir;
  return () => {
    if (previous === undefined) delete process.env.FROGPOND_DATA;
    else process.env.FROGPOND_DATA = previous;
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
