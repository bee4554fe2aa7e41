import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { decodeNpy } from '@frogpond/compute/benchmark/files';
import { startBenchmarkServer } from './benchmark-helpers';
import { bootstrapOrg, gql } from './api-helpers';

const exec = promisify(execFile);
const CLI = path.resolve(__dirname, '../../../compute/dist/cli/main.js');
const cli = (...args: string[]) => exec(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, FROGPOND_URL: '' } });

describe('frogpond benchmark download and defend (CLI against a real server)', () => {
  let server: Awaited<ReturnType<typeof startBenchmarkServer>>;
  let dir: string;
  before(async () => {
    server = await startBenchmarkServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-cli-'));
  });
  after(async () => {
    await server?.stop();
    await server?.dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('downloads the dev split with verified hashes, and pixel clustering finds its poisons', async () => {
    const out = path.join(dir, 'dev');
    const d = await cli('benchmark', 'download', 'mini-mnist-interpolation', '--split', 'dev', '--out', out, '--server', server.url);
    assert.match(d.stdout, /8 replicates, 48 files, \d+ bytes, every sha256 verified/);
    assert.ok(fs.existsSync(path.join(out, 'dev-07', 'poison_indices.npy')));
    const scores = path.join(dir, 'dev-scores.npy');
    const r = await cli('defend', '--defense', 'pixel-clustering', '--in', out, '--out', scores);
    const aucs = [...r.stdout.matchAll(/AUC (\d\.\d+)/g)].map((m) => Number(m[1]));
    assert.equal(aucs.length, 8, r.stdout);
    // A linear path is what pixel clustering looks for: it ranks most poisons above most digits.
    assert.ok(aucs.reduce((a, b) => a + b) / 8 > 0.9, r.stdout);
    assert.deepEqual(decodeNpy(fs.readFileSync(scores)).shape, [8, 600]);
  });

  it('downloads the test split without any truth; an unknown benchmark fails with a message', async () => {
    const out = path.join(dir, 'test');
    const d = await cli('benchmark', 'download', 'mini-mnist-interpolation', '--out', out, '--server', server.url);
    assert.match(d.stdout, /test: 16 replicates, 80 files/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    assert.ok(manifest.replicates.every((r: any) => Object.keys(r).sort().join() === 'counts,id'));
    await assert.rejects(cli('benchmark', 'download', 'nope', '--out', out, '--server', server.url), (e: any) => e.code === 2 && /Benchmark nope not found/.test(e.stderr));
  });

  it('defends the test split and submits it with a token from the environment', async () => {
    const { token } = await bootstrapOrg(server, 'cli-team');
    const scores = path.join(dir, 'test-scores.json');
    await cli('defend', '--defense', 'pixel-clustering', '--in', path.join(dir, 'test'), '--out', scores);
    const run = (env: Record<string, string>, ...args: string[]) => exec(process.execPath, [CLI, 'submit', 'mini-mnist-interpolation', '--server', server.url, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
    await assert.rejects(run({ FROGPOND_TOKEN: '' }, '--scores', scores), (e: any) => e.code === 2 && /FROGPOND_TOKEN/.test(e.stderr));
    await assert.rejects(run({ FROGPOND_TOKEN: token }, '--scores', scores, '--removal-fraction', '0.2'), (e: any) => e.code === 2 && /not both/.test(e.stderr));
    const ok = await run({ FROGPOND_TOKEN: token }, '--scores', scores, '--label', 'pixel clustering (CLI)');
    const url = ok.stdout.trim().split('\n').at(-1)!;
    assert.match(url, new RegExp(`^${server.url}/benchmarks/mini-mnist-interpolation/submissions/[0-9a-f-]{36}$`));
    const r = await gql(server, `{ defenseSubmission(id: "${url.split('/').at(-1)}") { label status auc } }`, {}, token);
    assert.equal(r.data.defenseSubmission.label, 'pixel clustering (CLI)');
    assert.ok(r.data.defenseSubmission.auc > 0.9, `pixel clustering on the test split: AUC ${r.data.defenseSubmission.auc}`);
  });
});
