import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultEngine } from './engine';
import { runTrial } from './run-trial';
import { resolveTrialConfig } from '../contract';
import { TrialConfig } from './trial.types';

// Real seeded trials on the toy preset (2-D two moons, small MLP, WASM or CPU): seconds each.
const toy = (attack: TrialConfig['attack'], rate: number): TrialConfig => ({
  preset: 'toy', dataset: 'moons', labels: 4, algorithm: 'fixmatch', attack, rate,
  ...(attack.kind === 'interpolation' || attack.kind === 'zero-knowledge-interpolation' ? { density: '1.5-x' } : {}),
});

test('toy Poison Frogs transfer: the poison flips the target where the clean head does not', async () => {
  // Seed 4 draws a target that the last layer retrained on clean data alone classifies correctly. In 2-D the
  // paper's beta scaling (feature dim 64 > input dim 2) would pin the poison to its base, so beta0 is lowered.
  const params = { beta0: 0.001, learningRate: 1, iterations: 300 };
  const o = await runTrial({ ...toy({ kind: 'feature-collision', params }, 0), algorithm: 'supervised' }, { seed: 4 });
  assert.equal(o.poisonCount, 1);
  assert.notEqual(o.targetLabel, o.targetClass);
  assert.equal(o.attackMetrics.cleanHeadPredictsBase, 0, 'without the poison the target keeps its class');
  assert.ok(o.attackMetrics.featureDistanceEnd < 0.1 * o.attackMetrics.featureDistanceStart);
  // The collision beat the geometry: the poison ends nearer to f(t) than any clean example of t's class.
  assert.ok(o.attackMetrics.featureDistanceEnd < o.attackMetrics.targetNearestOwnClassDistance, JSON.stringify(o.attackMetrics));
  assert.equal(o.success, true, `target predicted ${o.targetPrediction} (p=${o.targetConfidence}), base class ${o.targetLabel}`);
  assert.ok(o.cleanAccuracy > 0.9, `clean accuracy ${o.cleanAccuracy}`);

  // End-to-end: several watermarked poisons, every layer fine-tuned from the cached extractor's weights.
  const e2e = await runTrial({ ...toy({ kind: 'feature-collision-watermark', params: { ...params, iterations: 100, poisons: 5 } }, 0), algorithm: 'supervised' }, { seed: 4 });
  assert.equal(e2e.poisonCount, 5);
  assert.equal(e2e.targetIndex, o.targetIndex);
  assert.equal(e2e.poisonShareAtTarget, 1, 'the retrained network fits its (base-labeled) poisons');
  // End-to-end retraining leaves the shared extractor untouched: the transfer trial repeats exactly.
  const again = await runTrial({ ...toy({ kind: 'feature-collision', params }, 0), algorithm: 'supervised' }, { seed: 4 });
  assert.deepEqual({ ...again, timings: null, artifacts: null }, { ...o, timings: null, artifacts: null });
});

test('toy interpolation trial and its no-poison control share x*, y*; propagation is recorded along the path', async () => {
  const attacked = await runTrial(toy({ kind: 'interpolation' }, 0.05), { seed: 1 });
  const control = await runTrial(toy({ kind: 'none' }, 0), { seed: 1 });
  assert.equal(control.targetIndex, attacked.targetIndex);
  assert.equal(control.targetLabel, attacked.targetLabel);
  assert.notEqual(attacked.targetLabel, attacked.targetClass);
  assert.equal(control.poisonCount, 0);
  assert.equal(control.success, false, `control: x* predicted ${control.targetPrediction}, y* = ${control.targetLabel}`);
  assert.ok(attacked.poisonCount >= 10, `poisons: ${attacked.poisonCount}`);
  const first = attacked.propagation.firstEpochAtTarget;
  assert.equal(first.length, attacked.poisonCount);
  assert.equal(attacked.propagation.alphas[0], 0);
  assert.equal(attacked.propagation.alphas.at(-1), 1);
  // The source end of the path is an example of class y*: its pseudo-label is y* from the first evaluation.
  assert.equal(first[0], attacked.propagation.epochs[0].epoch);
  assert.ok(attacked.propagation.epochs.length >= 2);
  // Propagation is monotone along the path at the first evaluation: poisons near x' reach y* before those near x*.
  const reached = first.map((e) => e !== null);
  assert.ok(reached.indexOf(false) === -1 || reached.slice(reached.indexOf(false)).filter(Boolean).length < reached.filter(Boolean).length);
  assert.ok(control.cleanAccuracy > 0.7, `clean accuracy ${control.cleanAccuracy}`);
  // p(y* | x*) over training, read off the alpha = 1 poison (pixel-identical to x*); the last evaluation uses the
  // final weights, so it agrees with the final prediction of x*.
  const traj = attacked.propagation.epochs.map((e) => e.targetProbability);
  assert.ok(traj.every((p) => typeof p === 'number' && p >= 0 && p <= 1), `trajectory ${traj}`);
  const lastP = traj.at(-1)!;
  if (attacked.success) assert.ok(Math.abs(lastP - attacked.targetConfidence) < 1e-4, `${lastP} vs ${attacked.targetConfidence}`);
  else assert.ok(lastP <= 1 - attacked.targetConfidence + 1e-4, `p(y*) ${lastP} while x* is predicted ${attacked.targetPrediction} with ${attacked.targetConfidence}`);
  assert.equal(control.propagation.epochs.length, 0);
});

test('toy trial is deterministic for a fixed seed', async () => {
  const cfg = toy({ kind: 'interpolation' }, 0.03);
  const a = await runTrial(cfg, { seed: 7 });
  const b = await runTrial(cfg, { seed: 7 });
  const strip = (o: typeof a) => ({ ...o, timings: null, artifacts: o.artifacts.map((x) => x.sha256) });
  assert.deepEqual(strip(a), strip(b));
  assert.equal(a.configHash, b.configHash);
});

test('an aborted trial rejects with AbortError; a bad config with BAD_USER_INPUT', async () => {
  const ctl = new AbortController();
  ctl.abort();
  await assert.rejects(runTrial(toy({ kind: 'interpolation' }, 0.05), { seed: 1, signal: ctl.signal }), (e: Error) => e.name === 'AbortError');
  await assert.rejects(runTrial({ ...toy({ kind: 'interpolation' }, 0.05), rate: 2 }, { seed: 1 }), (e: Error & { code?: string }) => e.code === 'BAD_USER_INPUT');
});

test("source 'nearest' picks the labeled example of class y* closest to x*; 'labeled' draws one of them", async () => {
  const cfg = { ...toy({ kind: 'interpolation', params: { source: 'nearest' } }, 0.05), labels: 20, overrides: { steps: 20 } };
  const near = await runTrial(cfg, { seed: 3 });
  const drawn = await runTrial({ ...cfg, attack: { kind: 'interpolation' } }, { seed: 3 });
  assert.equal(near.targetIndex, drawn.targetIndex);
  const data = await defaultEngine().split(resolveTrialConfig(cfg), 3);
  const d = data.shape.reduce((a, b) => a * b, 1);
  const dist = (i: number) => {
    let s = 0;
    for (let j = 0; j < d; j++) s += (data.labeled.x[i * d + j] - data.test.x[near.targetIndex * d + j]) ** 2;
    return s;
  };
  const ofClass = Array.from({ length: data.labeled.n }, (_, i) => i).filter((i) => data.labeled.y[i] === near.targetLabel);
  assert.ok(ofClass.length >= 2, 'the split has several candidate sources');
  assert.ok(ofClass.includes(near.sourceIndex) && ofClass.includes(drawn.sourceIndex));
  assert.equal(dist(near.sourceIndex), Math.min(...ofClass.map(dist)));
});
