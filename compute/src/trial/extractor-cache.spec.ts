import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultEngine } from './engine';
import { TrialEngine } from './engine.types';
import { clearExtractorCache, extractorCacheDir, extractorKey, pretrainedExtractor } from './extractor-cache';

/** The real engine, counting how often it trains. */
function countingEngine(): TrialEngine & { trains: number } {
  const real = defaultEngine();
  const e = { ...real, trains: 0 } as TrialEngine & { trains: number };
  e.train = async (...args) => {
    e.trains++;
    return real.train(...args);
  };
  return e;
}

const spec = { config: { preset: 'toy', dataset: 'moons', labels: 200, algorithm: 'supervised', overrides: { steps: 100 } }, seed: 0 };

test('pre-trained extractors are cached on disk by config hash: a new process would load, not retrain', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'frogpond-extractors-'));
  try {
    const engine = countingEngine();
    const backend = await engine.backend();
    const a = await pretrainedExtractor(engine, spec, { backend, dir });
    assert.equal(engine.trains, 1);
    assert.ok(fs.existsSync(path.join(dir, `${a.key}.bin`)), 'written to <dir>/<config hash>.bin');
    const x = a.data.test.x.subarray(0, 2 * 50);
    const want = a.model.predict(x, 50);
    // Same process: memory.
    await pretrainedExtractor(engine, spec, { backend, dir });
    assert.equal(engine.trains, 1);
    // As a fresh process would: memory cleared, the disk copy is loaded.
    clearExtractorCache();
    const b = await pretrainedExtractor(engine, spec, { backend, dir });
    assert.equal(engine.trains, 1, 'loaded from disk, not retrained');
    assert.deepEqual(b.model.predict(x, 50), want);
    // Another pre-training config is another key, trained separately.
    const other = await pretrainedExtractor(engine, { ...spec, seed: 1 }, { backend, dir });
    assert.notEqual(other.key, a.key);
    assert.equal(engine.trains, 2);
    // A corrupt file is retrained and replaced, not fatal.
    clearExtractorCache();
    fs.writeFileSync(path.join(dir, `${a.key}.bin`), 'garbage');
    const c = await pretrainedExtractor(engine, spec, { backend, dir });
    assert.equal(engine.trains, 3);
    assert.deepEqual(c.model.predict(x, 50), want, 'retraining is deterministic');
    assert.ok(fs.statSync(path.join(dir, `${a.key}.bin`)).size > 100);
  } finally {
    clearExtractorCache();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the extractor cache lives under $FROGPOND_HOME/cache unless cacheDir is overridden; keys depend on backend', () => {
  const saved = process.env.FROGPOND_HOME;
  try {
    process.env.FROGPOND_HOME = '/some/home';
    assert.equal(extractorCacheDir(), path.join('/some/home', 'cache', 'extractors'));
    assert.equal(extractorCacheDir({ cacheDir: '/elsewhere' }), path.join('/elsewhere', 'extractors'));
  } finally {
    if (saved === undefined) delete process.env.FROGPOND_HOME;
    else process.env.FROGPOND_HOME = saved;
  }
  assert.notEqual(extractorKey(spec, 'wasm'), extractorKey(spec, 'cpu'));
  assert.equal(extractorKey(spec, 'wasm'), extractorKey({ seed: 0, config: { ...spec.config } }, 'wasm'));
});
