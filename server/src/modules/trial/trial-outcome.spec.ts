import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runTrial } from '@frogpond/compute';
import { OUTCOME_STORAGE, outcomeColumns } from './trial-outcome';

// A real toy trial (2-D moons, a few training steps): its outcome's fields are what compute returns today.
test('every field of a real trial outcome is stored: a new field fails here until trial-outcome.ts handles it', async () => {
  const outcome = await runTrial({ preset: 'toy', attack: { kind: 'interpolation' }, rate: 0.05, density: '1.5-x', overrides: { steps: 20 } }, { seed: 1 });
  const unhandled = Object.keys(outcome).filter((k) => !(k in OUTCOME_STORAGE));
  assert.deepEqual(unhandled, [], `outcome fields with no storage: ${unhandled.join(', ')}`);
  const cols = outcomeColumns(outcome, 'worker-1');
  const whole = JSON.parse(cols.outcome as string) as Record<string, unknown>;
  for (const key of Object.keys(outcome)) {
    if (key === 'artifacts') continue;
    assert.deepEqual(whole[key], JSON.parse(JSON.stringify((outcome as unknown as Record<string, unknown>)[key])), `outcome.${key} kept whole`);
  }
  assert.deepEqual(whole.artifacts, outcome.artifacts.map((a) => ({ kind: a.kind, mime: a.mime, sha256: a.sha256, size: a.bytes.length })));
  assert.equal(cols.seed, 1);
  assert.equal(cols.poison_share_at_target, outcome.poisonShareAtTarget);
  assert.equal(cols.attack_metrics, JSON.stringify(outcome.attackMetrics));
  assert.equal(cols.config, JSON.stringify(outcome.config));
  assert.equal(cols.code_version, outcome.provenance.codeVersion);
  assert.match(cols.dataset_sha256 as string, /^[0-9a-f]{64}$/);
  assert.equal(cols.worker, 'worker-1');
});
