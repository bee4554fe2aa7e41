import assert from 'node:assert/strict';
import type { RunningServer } from '../../server/src/server';

/** Counts of tried and held cases, printed by each file at the end (the size of the hostile suite). */
export class Tally {
  tried = 0;
  held = 0;
  constructor(readonly name: string) {}
  /** Runs one case; a case holds when its assertions pass. Failures are rethrown after counting. */
  async case(fn: () => Promise<void>): Promise<void> {
    this.tried++;
    await fn();
    this.held++;
  }
  print(): void {
    console.log(`security suite, ${this.name}: cases tried ${this.tried}, cases held ${this.held}`);
  }
}

/** What a hostile request got back. */
export interface Answer { status: number; text: string; json?: any }

export async function post(url: string, body: string | Uint8Array, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: body as BodyInit });
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { /* not JSON */ }
  return { status: res.status, text, json };
}

export async function gqlRaw(server: { graphqlUrl: string }, query: string, variables?: unknown, token?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return post(server.graphqlUrl, JSON.stringify({ query, variables }), { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers });
}

/** Traces of internals a response must never carry. */
const LEAKS = [
  /\bat [\w.<>]+ \(/, /\.(ts|js):\d+/, /\/(work|home|usr|tmp)\//, /node_modules/, /\bSELECT\b[^"]{0,200}\bFROM\b/, /\bINSERT INTO "?\w+"? ?\(/, /\bUPDATE "?\w+"? SET\b/, /\bDELETE FROM "?\w+"?/,
  /syntax error at or near/i, /relation "\w+"/, /QueryFailedError/, /\bstack\b"?\s*:/i, /invalid input syntax for type/i,
];
export function assertNoLeak(a: Answer, label: string): void {
  for (const re of LEAKS) assert.ok(!re.test(a.text), `${label}: response leaks ${re}: ${a.text.slice(0, 300)}`);
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/**
 * The request was refused: HTTP status of its code, every error coded `codes` (one of them), no data, no internals.
 */
export function assertRefused(a: Answer, code: string | string[], label: string): void {
  const allowed = Array.isArray(code) ? code : [code];
  assertNoLeak(a, label);
  assert.ok(a.json && Array.isArray(a.json.errors) && a.json.errors.length > 0, `${label}: expected errors, got ${a.status} ${a.text.slice(0, 300)}`);
  const got = a.json.errors.map((e: any) => e.extensions?.code);
  assert.ok(got.every((c: string) => allowed.includes(c)), `${label}: codes ${JSON.stringify(got)} not in ${JSON.stringify(allowed)}: ${a.text.slice(0, 300)}`);
  assert.equal(a.status, STATUS[got[0]], `${label}: HTTP ${a.status} for ${got[0]}`);
  assert.ok(a.json.data === undefined || a.json.data === null, `${label}: data returned: ${String(JSON.stringify(a.json.data)).slice(0, 200)}`);
}

/**
 * A fingerprint of everything a mutation could write (session tokens aside): compared before and after a refused
 * request to prove nothing was written.
 */
export async function fingerprint(server: RunningServer): Promise<string> {
  const [row] = await server.ds.query(`SELECT
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || slug || name, ',' ORDER BY id)), '') FROM organization) AS orgs,
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || name || role::text, ',' ORDER BY id)), '') FROM member) AS members,
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || coalesce(revoked_at::text, '-'), ',' ORDER BY id)), '') FROM api_token WHERE NOT session) AS tokens,
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || name || coalesce(description, '') || params::text || version, ',' ORDER BY id)), '') FROM attack_definition) AS attacks,
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || name || coalesce(description, '') || params::text || version, ',' ORDER BY id)), '') FROM defense_definition) AS defenses,
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || expression || integral::text, ',' ORDER BY id)), '') FROM density_function) AS densities,
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || status::text, ',' ORDER BY id)), '') FROM experiment) AS experiments,
    (SELECT count(*) || ':' || coalesce(md5(string_agg(id::text || status::text || attempts, ',' ORDER BY id)), '') FROM trial) AS trials,
    (SELECT count(*) FROM trial_result) AS results,
    (SELECT count(*) FROM artifact) AS artifacts`);
  return JSON.stringify(row);
}

export async function assertHealthy(server: RunningServer, label: string): Promise<void> {
  const res = await fetch(`${server.url}/healthz`);
  assert.equal(res.status, 200, `${label}: server unhealthy afterwards`);
  await res.arrayBuffer();
}

/**
 * One refused hostile request: sends it, asserts status + code + no leak, that nothing changed in SQL and that the
 * server is still healthy.
 */
export async function refusedWithoutWrites(server: RunningServer, tally: Tally, label: string, code: string | string[], send: () => Promise<Answer>): Promise<void> {
  await tally.case(async () => {
    const before = await fingerprint(server);
    const a = await send();
    assertRefused(a, code, label);
    assert.equal(await fingerprint(server), before, `${label}: something was written`);
    await assertHealthy(server, label);
  });
}
