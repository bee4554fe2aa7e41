import 'reflect-metadata';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startServer, RunningServer, StartOptions } from '../../server/src/server';
import { startEmbeddedPostgres } from '../../server/src/db/embedded';

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
    // workers 0: no in-process worker runs trials behind an API test's back (tests that want one pass workers: 1)
    config: { port: 0, host: '127.0.0.1', databaseUrl: db.url, emitSchema: false, nodeEnv: 'production', workers: 0, ...opts.config },
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
