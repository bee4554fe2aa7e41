import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeNpy } from '@frogpond/compute/benchmark/files';
import { codes, gql } from './api-helpers';
import { fetchArchive, sha256, startBenchmarkServer } from './benchmark-helpers';

const BENCH = 'mini-mnist-interpolation';
const QUERY = `query($slug: String!) { benchmark(slug: $slug) { id slug version name description license config devSeeds testReplicates testReplicateIds createdAt
  downloads { split path fileName sizeBytes sha256 replicates } } }`;

describe('benchmarks: catalogue and downloads (HTTP, real PostgreSQL)', () => {
  let server: Awaited<ReturnType<typeof startBenchmarkServer>>;
  before(async () => { server = await startBenchmarkServer(); });
  after(async () => { await server?.stop(); await server?.dropDatabase(); });

  it('ships the mini MNIST benchmark at the report\'s top-rate configuration', async () => {
    const r = await gql(server, '{ benchmarks { slug version devSeeds testReplicates config } }');
    assert.equal(r.errors, undefined);
    const b = r.data.benchmarks.find((x: any) => x.slug === BENCH);
    assert.equal(b.devSeeds.length, 8);
    assert.equal(b.testReplicates, 16);
    const fs = await import('node:fs');
    const path = await import('node:path');
    const report = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../docs/reproduction.json'), 'utf8'));
    const { defense, ...top } = report.tables.find((t: any) => t.id === 'a').configs.FixMatch['20%'];
    assert.deepEqual(defense, { kind: 'none' });
    assert.deepEqual(b.config, top);
    // Development replicates are report seeds of that very cell (so a team compares with table f on the same tasks),
    // never the development seeds the report's configuration was chosen on.
    const chosenOn = new Set(report.tables.flatMap((t: any) => (t.trials ?? []).map((x: any) => x.seed)).filter((s: number) => s < report.reportSeedBase));
    assert.ok(chosenOn.size > 0);
    assert.ok(b.devSeeds.every((s: number) => s >= report.reportSeedBase && !chosenOn.has(s)));
    const topSeeds = new Set(report.tables.find((t: any) => t.id === 'a').trials.filter((x: any) => x.column === '20%').map((x: any) => x.seed));
    assert.ok(b.devSeeds.every((s: number) => topSeeds.has(s)), 'every development replicate is a measured report trial of the top cell');
    assert.deepEqual(codes(await gql(server, '{ benchmark(slug: "nope") { id } }')), ['NOT_FOUND']);
  });

  it('serves each split as a tar with Content-Length, sha256 and a manifest that hashes every file', async () => {
    const r = await gql(server, QUERY, { slug: BENCH });
    assert.equal(r.errors, undefined);
    for (const d of r.data.benchmark.downloads) {
      const a = await fetchArchive(server, d.path);
      assert.equal(a.status, 200);
      assert.equal(a.headers.get('content-type'), 'application/x-tar');
      assert.equal(a.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(Number(a.headers.get('content-length')), d.sizeBytes);
      assert.equal(a.bytes.length, d.sizeBytes);
      assert.equal(sha256(a.bytes), d.sha256);
      const manifest = JSON.parse(a.entries[0].bytes.toString());
      assert.equal(a.entries[0].name, 'manifest.json');
      assert.equal(manifest.version, 1);
      assert.match(manifest.license, /MNIST/);
      assert.equal(manifest.replicates.length, d.split === 'DEV' ? 8 : 16);
      assert.deepEqual(manifest.files.map((f: any) => f.path), a.entries.slice(1).map((e) => e.name));
      for (const f of manifest.files) {
        const e = a.entries.find((x) => x.name === f.path)!;
        assert.equal(sha256(e.bytes), f.sha256, f.path);
        assert.deepEqual(decodeNpy(e.bytes).shape, f.shape);
      }
      const ux = decodeNpy(a.entries.find((e) => e.name.endsWith('-00/unlabeled_x.npy'))!.bytes);
      assert.deepEqual(ux.shape, [600, 28, 28, 1]);
      assert.ok(ux.data instanceof Uint8Array);
    }
    // Dev replicates carry their truth: 100 poisons, and the path's last poison is the target itself.
    const dev = await fetchArchive(server, `/downloads/benchmarks/${BENCH}/v1/dev.tar`);
    const m = JSON.parse(dev.entries[0].bytes.toString());
    const rep = m.replicates[0];
    assert.equal(rep.poisonIndices.length, 100);
    const ux = decodeNpy(dev.entries.find((e) => e.name === 'dev-00/unlabeled_x.npy')!.bytes).data;
    const tx = decodeNpy(dev.entries.find((e) => e.name === 'dev-00/test_x.npy')!.bytes).data;
    const target = Buffer.from(tx.subarray(rep.target.testIndex * 784, (rep.target.testIndex + 1) * 784));
    assert.ok(rep.poisonIndices.some((i: number) => Buffer.from(ux.subarray(i * 784, (i + 1) * 784)).equals(target)));
    // The same bytes on a second request (cached), and HEAD announces the size.
    const again = await fetchArchive(server, `/downloads/benchmarks/${BENCH}/v1/dev.tar`);
    assert.equal(sha256(again.bytes), sha256(dev.bytes));
    const head = await fetch(`${server.url}/downloads/benchmarks/${BENCH}/v1/dev.tar`, { method: 'HEAD' });
    assert.equal(Number(head.headers.get('content-length')), dev.bytes.length);
  });

  it('refuses unknown archives and other methods with coded errors', async () => {
    for (const p of [`/downloads/benchmarks/${BENCH}/v2/dev.tar`, `/downloads/benchmarks/${BENCH}/v1/truth.tar`, '/downloads/benchmarks/%2e%2e%2fetc/v1/dev.tar', `/downloads/benchmarks/nope/v1/dev.tar`]) {
      const res = await fetch(server.url + p);
      assert.equal(res.status, 404, p);
      assert.equal((await res.json()).errors[0].extensions.code, 'NOT_FOUND');
    }
    const post = await fetch(`${server.url}/downloads/benchmarks/${BENCH}/v1/dev.tar`, { method: 'POST' });
    assert.equal(post.status, 405);
  });
});
