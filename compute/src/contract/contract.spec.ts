import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  defenseAppliesTo,
  ATTACK_KINDS, ATTACK_PARAMS, ContractError, DEFENSE_KINDS, describeContract, resolveAttackParams, resolveTrialConfig, trialCommandArgs,
  trialConfigHash,
} from '.';

const base = { preset: 'toy', dataset: 'moons', labels: 4, rate: 0.05 } as const;

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ContractError, String(e));
    assert.equal(e.code, 'BAD_USER_INPUT');
    return e.issues;
  }
  assert.fail('expected a ContractError');
}

test('resolveTrialConfig fills every default and is idempotent', () => {
  const r = resolveTrialConfig({ preset: 'toy', attack: { kind: 'interpolation' }, rate: 0.05 });
  assert.equal(r.dataset, 'moons');
  assert.equal(r.labels, 4);
  assert.equal(r.algorithm, 'fixmatch');
  assert.equal(r.density, '1');
  assert.deepEqual(r.defense, { kind: 'none', params: {} });
  assert.deepEqual(r.attack.params, { source: 'labeled', space: 'pixel', epsilon: 0.3, evasionSteps: 50, latent: 16, codecEpochs: 10 });
  assert.deepEqual(resolveTrialConfig(r), r);
  assert.equal(trialConfigHash(resolveTrialConfig(r)), trialConfigHash(r));
});

test('every attack and defense kind resolves with its defaults, preset-dependent ones included', () => {
  for (const kind of ATTACK_KINDS) {
    const r = resolveTrialConfig({ ...base, attack: { kind } });
    assert.deepEqual(Object.keys(r.attack.params), Object.keys(ATTACK_PARAMS[kind].shape), kind);
    for (const [k, v] of Object.entries(r.attack.params)) assert.notEqual(v, undefined, `${kind}.${k}`);
  }
  const toy = resolveTrialConfig({ ...base, attack: { kind: 'feature-collision' } });
  const mini = resolveTrialConfig({ ...base, preset: 'mini', dataset: 'mnist', attack: { kind: 'feature-collision' } });
  assert.equal(toy.attack.kind === 'feature-collision' && toy.attack.params.pretrainLabels, 200);
  assert.equal(mini.attack.kind === 'feature-collision' && mini.attack.params.pretrainLabels, 2000);
  const wm = resolveTrialConfig({ ...base, attack: { kind: 'feature-collision-watermark' } });
  assert.equal(wm.attack.kind === 'feature-collision-watermark' && wm.attack.params.setting, 'end-to-end');
  for (const kind of DEFENSE_KINDS) assert.equal(resolveTrialConfig({ ...base, attack: { kind: 'interpolation' }, defense: { kind } }).defense.kind, kind);
});

test('every invalid field is reported at once, unknown keys with the accepted ones', () => {
  const issues = issuesOf(() => resolveTrialConfig({
    ...base, rate: 0.9, colour: 'red', attack: { kind: 'interpolation', params: { steps: 3, epsilon: 2 } }, overrides: { stepz: 1 },
  }));
  const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
  assert.deepEqual(Object.keys(byPath).sort(), ['attack.params.epsilon', 'attack.params.steps', 'colour', 'overrides.stepz', 'rate']);
  assert.deepEqual(byPath['attack.params.steps'].accepted, Object.keys(ATTACK_PARAMS.interpolation.shape));
  assert.match(byPath['attack.params.steps'].message, /unknown key "steps" \(accepted: source, space/);
  assert.ok(byPath['overrides.stepz'].accepted!.includes('steps'));
  const kinds = issuesOf(() => resolveTrialConfig({ ...base, attack: { kind: 'teleport' }, defense: { kind: 'wall' } }));
  assert.deepEqual(kinds.map((i) => i.path).sort(), ['attack.kind', 'defense.kind']);
  assert.match(kinds[0].message, /must be one of interpolation, zero-knowledge-interpolation/);
});

test('refuses what cannot run or cannot mean anything, saying what to do instead', () => {
  const [toyImages] = issuesOf(() => resolveTrialConfig({ ...base, dataset: 'mnist', attack: { kind: 'none' } }));
  assert.equal(toyImages.path, 'dataset');
  assert.match(toyImages.message, /toy preset cannot learn mnist.*use the mini or paper preset/);
  assert.equal(issuesOf(() => resolveTrialConfig({ ...base, preset: 'mini', attack: { kind: 'none' } }))[0].path, 'dataset');
  assert.equal(issuesOf(() => resolveTrialConfig({ ...base, labels: 2000, attack: { kind: 'none' } }))[0].path, 'labels');
  assert.equal(issuesOf(() => resolveTrialConfig({ ...base, attack: { kind: 'feature-collision' }, density: '1.5-x' }))[0].path, 'density');
  assert.equal(issuesOf(() => resolveTrialConfig({ ...base, attack: { kind: 'interpolation' }, density: 'x-5' }))[0].path, 'density');
  assert.equal(issuesOf(() => resolveTrialConfig({ ...base, preset: 'mini', dataset: 'mnist', attack: { kind: 'none' }, overrides: { toy: { noise: 0.2 } } }))[0].path, 'overrides.toy');
});

test('definition parameters are checked on their own, under the caller\'s field name', () => {
  assert.equal(resolveAttackParams('watermark', {}).params.hasOwnProperty('iterations'), false);
  const [i] = issuesOf(() => resolveAttackParams('watermark', { iterations: 7 }, 'input.params'));
  assert.equal(i.path, 'input.params.iterations');
});

test('the JSON description lists every kind with typed, bounded, described parameters', () => {
  const d = describeContract();
  assert.deepEqual(d.attacks.map((a) => a.kind), ATTACK_KINDS);
  assert.deepEqual(d.defenses.map((a) => a.kind), DEFENSE_KINDS);
  for (const k of [...d.attacks, ...d.defenses]) {
    for (const p of k.parameters) {
      assert.ok(p.description.length > 5, `${k.kind}.${p.name} has a description`);
      assert.ok(p.default !== undefined || p.defaultByPreset || p.defaultRule, `${k.kind}.${p.name} has a default`);
      if (p.type === 'number' || p.type === 'integer') assert.ok(p.min !== undefined && p.max !== undefined, `${k.kind}.${p.name} is bounded`);
      if (p.type === 'enum') assert.ok(p.values!.length >= 1);
    }
  }
  const iterations = d.attacks.find((a) => a.kind === 'feature-collision')!.parameters.find((p) => p.name === 'iterations')!;
  assert.deepEqual({ ...iterations, description: '' }, { name: 'iterations', type: 'integer', description: '', min: 0, max: 5000, default: 200 });
  assert.ok(d.overrides.some((p) => p.name === 'steps' && p.type === 'integer'));
});

test('the reproducing command names exactly the non-default values', () => {
  const cfg = resolveTrialConfig({ ...base, attack: { kind: 'interpolation', params: { source: 'nearest' } }, density: '1.5-x', overrides: { steps: 20, model: { kind: 'mlp', hidden: [8] } } });
  const args = trialCommandArgs(cfg, 7);
  assert.deepEqual(args.slice(args.indexOf('--attack-param'), args.indexOf('--attack-param') + 2), ['--attack-param', 'source=nearest']);
  assert.equal(args.filter((a) => a === '--attack-param').length, 1);
  assert.ok(args.includes('model={"kind":"mlp","hidden":[8]}'));
  assert.deepEqual(args.slice(-2), ['--seed', '7']);
});

test('which defense applies to which attack: every defense to the semi-supervised attacks, deep k-NN in transfer to Poison Frogs', () => {
  assert.equal(defenseAppliesTo({ kind: 'interpolation' }, 'pixel-clustering'), true);
  assert.equal(defenseAppliesTo({ kind: 'feature-collision', params: { setting: 'transfer' } }, 'deep-knn'), true);
  assert.equal(defenseAppliesTo({ kind: 'feature-collision', params: { setting: 'end-to-end' } }, 'deep-knn'), false);
  assert.equal(defenseAppliesTo({ kind: 'feature-collision', params: { setting: 'transfer' } }, 'pixel-clustering'), false);
  assert.equal(defenseAppliesTo({ kind: 'feature-collision', params: { setting: 'transfer' } }, 'none'), true);
});
