import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateParams } from './params';
import { ATTACK_PARAM_SCHEMAS } from '../modules/attack/attack-params';
import { AttackKind } from '../modules/attack/attack.entity';

describe('validateParams', () => {
  const fc = ATTACK_PARAM_SCHEMAS[AttackKind.FEATURE_COLLISION];
  it('fills defaults and keeps valid values', () => {
    assert.deepEqual(validateParams('fc', fc, { steps: 10 }), { setting: 'transfer', steps: 10, learningRate: 0.01, beta: 0.25, poisons: 1 });
    assert.deepEqual(validateParams('fc', fc, null), { setting: 'transfer', steps: 200, learningRate: 0.01, beta: 0.25, poisons: 1 });
  });
  it('refuses unknown keys, wrong types, ranges and enums with BAD_USER_INPUT', () => {
    for (const bad of [{ nope: 1 }, { steps: 'x' }, { steps: 1.5 }, { steps: 0 }, { learningRate: 0 }, { setting: 'other' }, [], 'text']) {
      assert.throws(() => validateParams('fc', fc, bad), (e: any) => e.code === 'BAD_USER_INPUT', JSON.stringify(bad));
    }
  });
});
