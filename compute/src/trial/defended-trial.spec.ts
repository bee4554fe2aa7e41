import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTrial } from './run-trial';
import { TrialConfig, TrialOutcome } from './trial.types';

// Real seeded toy trials (two moons, MLP): each defense runs through runTrial and is measured the same way.
const toy = (defense: TrialConfig['defense']): TrialConfig => ({
  preset: 'toy', dataset: 'moons', labels: 4, algorithm: 'fixmatch', rate: 0.05, density: '1.5-x',
  attack: { kind: 'interpolation' }, defense, overrides: { steps: 400, evalEvery: 50 },
});

function checkReport(o: TrialOutcome): void {
  const d = o.defense;
  assert.equal(d.poisons, o.poisonCount);
  assert.equal(d.removed, d.removedPoisons + d.cleanRemoved!);
  assert.equal(d.clean! + d.poisons!, d.scores!.length, 'one score per judged example');
  for (const v of [d.rocAuc, d.tprAt1Fpr, d.tprAt5Fpr]) assert.ok(typeof v === 'number' && v >= 0 && v <= 1, JSON.stringify(d.rocAuc));
  assert.ok(d.undefended && typeof d.undefended.success === 'boolean');
  const hist = o.artifacts.find((a) => a.kind === 'defense-scores');
  assert.ok(hist, 'score histogram artifact');
  const h = JSON.parse(Buffer.from(hist.bytes).toString());
  assert.equal(h.poisons.reduce((a: number, b: number) => a + b, 0), d.poisons);
}

test('every defense runs in a toy trial and reports the same measurement', async () => {
  const none = await runTrial(toy({ kind: 'none' }), { seed: 1 });
  for (const kind of ['training-dynamics-influence', 'deep-knn', 'pixel-clustering'] as const) {
    const o = await runTrial(toy({ kind, params: {} }), { seed: 1 });
    checkReport(o);
    // The same seed without the defense is the undefended trial.
    assert.deepEqual(o.defense.undefended, {
      success: none.success, targetPrediction: none.targetPrediction, targetConfidence: none.targetConfidence,
      cleanAccuracy: none.cleanAccuracy, poisonShareAtTarget: none.poisonShareAtTarget,
    }, kind);
    if (!o.defense.removed) assert.equal(o.cleanAccuracy, none.cleanAccuracy, `${kind}: nothing removed, same model`);
  }
  // Detect mode scores and flags but trains once: the outcome is the undefended one.
  const detect = await runTrial(toy({ kind: 'training-dynamics-influence', params: { mode: 'detect', rule: 'lowest-fraction', fraction: 0.1 } }), { seed: 1 });
  assert.equal(detect.defense.mode, 'detect');
  assert.equal(detect.defense.removed, Math.round(0.1 * (detect.defense.clean! + detect.defense.poisons!)));
  assert.equal(detect.cleanAccuracy, none.cleanAccuracy);
  await assert.rejects(runTrial(toy({ kind: 'training-dynamics-influence', params: { mode: 'purge' as 'detect' } }), { seed: 1 }), { code: 'BAD_USER_INPUT' });
});

test('deep k-NN in a toy Poison Frogs transfer trial: the poison is judged among the fine-tuning set', async () => {
  const cfg: TrialConfig = {
    preset: 'toy', dataset: 'moons', labels: 4, algorithm: 'supervised', rate: 0,
    attack: { kind: 'feature-collision', params: { beta0: 0.001, learningRate: 1, iterations: 300 } },
  };
  const plain = await runTrial(cfg, { seed: 4 });
  const o = await runTrial({ ...cfg, defense: { kind: 'deep-knn' } }, { seed: 4 });
  assert.equal(o.defense.poisons, 1);
  assert.equal(o.defense.undefended!.success, plain.success);
  assert.equal(o.defense.scores!.length, o.defense.clean! + 1);
  // A colliding poison sits among the target's class: its two nearest neighbours outvote its base label.
  assert.equal(o.defense.removedPoisons, 1, JSON.stringify({ ...o.defense, scores: undefined }));
  // In 2-D the clean example nearest to f(t) goes too (its neighbours are the poison and the other class), so the
  // head only loses confidence in the base class instead of flipping back.
  const baseProbability = (x: TrialOutcome) => (x.targetPrediction === x.targetLabel ? x.targetConfidence : 0);
  assert.ok(baseProbability(o) < baseProbability(plain), `${baseProbability(o)} vs ${baseProbability(plain)}`);
  await assert.rejects(runTrial({ ...cfg, defense: { kind: 'training-dynamics-influence' } }, { seed: 4 }), { code: 'BAD_USER_INPUT' });
});
