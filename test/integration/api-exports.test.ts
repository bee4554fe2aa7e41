import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { encodeNpy } from '@frogpond/compute/benchmark/files';
import * as bibtex from 'bibtex-parse';
import { bootstrapOrg, builtinAttackId, gql, recordAsWorker, startTestServer, TestServer, withPaperDatasetFolders } from './api-helpers';

describe('exports and citations: one server implementation for GraphQL fields and download routes', () => {
  let server: TestServer;
  let a: { token: string; organizationId: string };
  let pub: string;
  let priv: string;
  let restoreData: () => void;
  before(async () => {
    restoreData = withPaperDatasetFolders();
    server = await startTestServer({ config: { publicUrl: 'https://frogpond.example' } });
    a = await bootstrapOrg(server, 'lab-a');
    const attack = await builtinAttackId(server, 'interpolation');
    const actor = await server.services.organizations.authenticate(`Bearer ${a.token}`);
    const make = async (name: string, visibility: 'PUBLIC' | 'PRIVATE') => {
      const { experiment } = await server.services.experiments.createExperiment(actor, {
        organizationId: a.organizationId, name, preset: 'paper', visibility: visibility as any,
        matrix: { datasets: ['cifar10'], labels: [40], algorithms: ['fixmatch'], rates: [0.01, 0.05], attacks: [attack], trialsPerCell: 3 },
      });
      const trials = await server.ds.query(`SELECT id, ordinal FROM trial WHERE experiment_id = $1 ORDER BY ordinal`, [experiment.id]);
      for (const t of trials) await recordAsWorker(server, t.id, { success: t.ordinal % 2 === 0, cleanAccuracy: 0.8872500000000001, backend: 'cpu', configHash: 'h' });
      return experiment.id;
    };
    pub = await make('Table 1 & more', 'PUBLIC');
    priv = await make('private run', 'PRIVATE');
  });
  after(async () => { await server?.stop(); await server?.dropDatabase(); restoreData?.(); });

  it('serves the GraphQL csv field byte for byte at the download route, with an ETag and a public cache policy', async () => {
    const r = await gql(server, `query($id: ID!) { experiment(id: $id) { matrix(rows: [ALGORITHM], columns: [RATE]) { csv json } } }`, { id: pub });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const res = await fetch(`${server.url}/api/experiments/${pub}/matrix.csv?rows=algorithm&cols=poison_rate`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    const body = await res.text();
    assert.equal(body, r.data.experiment.matrix.csv);
    const rows = parse(body, { columns: true });
    assert.deepEqual(rows.map((x: any) => [x.algorithm, x.poison_rate, x.successes, x.trials, x.clean_accuracy_mean]),
      [['fixmatch', '0.01', '2', '3', '0.8873'], ['fixmatch', '0.05', '1', '3', '0.8873']]);
    const etag = res.headers.get('etag')!;
    assert.ok(etag);
    const again = await fetch(`${server.url}/api/experiments/${pub}/matrix.csv?rows=algorithm&cols=poison_rate`, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const json = await (await fetch(`${server.url}/api/experiments/${pub}/matrix.json?rows=algorithm&cols=rate`)).json();
    assert.deepEqual(json.fields.slice(0, 4), ['algorithm', 'poison_rate', 'successes', 'trials']);
    const tex = await (await fetch(`${server.url}/api/experiments/${pub}/matrix.tex?rows=algorithm&cols=rate`)).text();
    assert.match(tex, /\\toprule[\s\S]*Poison rate} & 1\\% & 5\\%/);
    assert.equal((await fetch(`${server.url}/api/experiments/${pub}/matrix.csv?rows=nonsense`)).status, 400);
  });

  it('keeps private exports private: 404 without a token, never shared-cacheable with one', async () => {
    assert.equal((await fetch(`${server.url}/api/experiments/${priv}/matrix.csv`)).status, 404);
    const res = await fetch(`${server.url}/api/experiments/${priv}/matrix.csv`, { headers: { authorization: `Bearer ${a.token}` } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'private, no-cache');
    assert.equal((await fetch(`${server.url}/api/experiments/${priv}/citation.bib`)).status, 404);
  });

  it('cites an experiment with BibTeX that parses, a plain reference and a permalink from the configured origin', async () => {
    const r = await gql(server, `query($id: ID!) { experiment(id: $id) { citation { key permalink bibtex reference } } }`, { id: pub });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const c = r.data.experiment.citation;
    assert.equal(c.permalink, `https://frogpond.example/experiments/${pub}`);
    const entries = bibtex.entries(c.bibtex);
    assert.deepEqual(entries.map((e) => e.key), [c.key, 'frogpond', 'carlini2021poisoning']);
    assert.match(c.reference, /lab-a \(\d{4}\)\. Table 1 & more\. frogpond experiment/);
    const file = await fetch(`${server.url}/api/experiments/${pub}/citation.bib`, { headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
    assert.equal(file.headers.get('content-type'), 'application/x-bibtex; charset=utf-8');
    const text = await file.text();
    assert.equal(text, c.bibtex);
    assert.ok(!text.includes('evil.example'));
  });

  it('gives GraphQL answers an ETag and a Cache-Control that fits their visibility', async () => {
    const post = (query: string, headers: Record<string, string> = {}) => fetch(server.graphqlUrl, {
      method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables: { id: pub } }) });
    const q = `query($id: ID!) { experiment(id: $id) { matrix(rows: [RATE]) { cells { successes trials } } } }`;
    const anon = await post(q);
    assert.equal(anon.headers.get('cache-control'), 'public, max-age=0, must-revalidate');
    const etag = anon.headers.get('etag')!;
    assert.ok(etag);
    assert.equal((await post(q, { 'if-none-match': etag })).status, 304);
    const signed = await post(q, { authorization: `Bearer ${a.token}` });
    assert.equal(signed.headers.get('cache-control'), 'private, no-cache');
    const bad = await post(`query { experiment(id: "00000000-0000-4000-8000-000000000000") { id } }`);
    assert.equal(bad.headers.get('cache-control'), 'no-store');
    assert.equal(bad.headers.get('etag'), null);
    const mutation = await post(`mutation { createDensity(input: { slug: "x-cache", expression: "x", label: "x" }) { slug } }`, { authorization: `Bearer ${a.token}` });
    assert.equal(mutation.headers.get('cache-control'), 'no-store');
  });

  it("downloads a trial's manifest (resolved config, hashes, result) and its poisons as NPY", async () => {
    const [t, bare] = await server.ds.query(`SELECT id, config, seed FROM trial WHERE experiment_id = $1 ORDER BY ordinal LIMIT 2`, [pub]);
    // A trial recorded with its poisons: a fresh one of the same experiment's shape.
    const attack = await builtinAttackId(server, 'interpolation');
    const actor = await server.services.organizations.authenticate(`Bearer ${a.token}`);
    const { experiment } = await server.services.experiments.createExperiment(actor, {
      organizationId: a.organizationId, name: 'with poisons', preset: 'toy',
      matrix: { datasets: ['moons'], labels: [10], algorithms: ['fixmatch'], rates: [0.01], attacks: [attack], trialsPerCell: 1 },
    });
    const [withPoisons] = await server.ds.query(`SELECT id, config, seed FROM trial WHERE experiment_id = $1`, [experiment.id]);
    const npy = encodeNpy(new Float32Array([0.1, 0.2, 0.3, 0.4]), [2, 2]);
    await recordAsWorker(server, withPoisons.id, { success: true, cleanAccuracy: 0.9, backend: 'cpu', configHash: 'cfg-hash-1',
      artifacts: [{ kind: 'poisons', mime: 'application/x-npy', bytes: npy }] });
    const res = await fetch(`${server.url}/api/trials/${withPoisons.id}/manifest.json`);
    assert.equal(res.status, 200);
    const m = await res.json();
    assert.equal(m.format, 'frogpond-trial-manifest/1');
    assert.deepEqual(m.config, withPoisons.config);
    assert.equal(m.trial.seed, withPoisons.seed);
    assert.equal(m.configHash, 'cfg-hash-1');
    assert.equal(m.trial.permalink, `https://frogpond.example/trials/${withPoisons.id}`);
    assert.equal(m.cell.attack.permalink, 'https://frogpond.example/attacks/interpolation/v1');
    const poisons = await fetch(m.poisons.replace('https://frogpond.example', server.url));
    assert.equal(poisons.status, 200);
    assert.equal(poisons.headers.get('content-type'), 'application/octet-stream');
    const bytes = Buffer.from(await poisons.arrayBuffer());
    assert.deepEqual(bytes, Buffer.from(npy));
    assert.equal(m.artifacts.find((x: any) => x.kind === 'poisons').sha256, crypto.createHash('sha256').update(bytes).digest('hex'));
    // The same manifest through GraphQL
    const g = await gql(server, `query($id: ID!) { trial(id: $id) { manifest } }`, { id: withPoisons.id });
    assert.deepEqual(JSON.parse(g.data.trial.manifest), m);
    // A trial without stored poisons says so; a private trial is not found without its token.
    assert.equal((await fetch(`${server.url}/api/trials/${t.id}/poisons.npy`)).status, 404);
    assert.equal((await (await fetch(`${server.url}/api/trials/${bare.id}/manifest.json`)).json()).poisons, null);
    const [hidden] = await server.ds.query(`SELECT id FROM trial WHERE experiment_id = $1 LIMIT 1`, [priv]);
    assert.equal((await fetch(`${server.url}/api/trials/${hidden.id}/manifest.json`)).status, 404);
    assert.equal((await fetch(`${server.url}/api/trials/${hidden.id}/manifest.json`, { headers: { authorization: `Bearer ${a.token}` } })).status, 200);
  });
});
