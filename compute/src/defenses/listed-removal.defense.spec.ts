import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDefense } from './defense.hook';

test('external-scores removes exactly the listed indices and refuses bad ones', async () => {
  const defense = getDefense('external-scores')!;
  const input = (remove: unknown) => ({ shape: [1, 1, 2], unlabeled: { x: new Float32Array(10), n: 5 }, params: { remove }, seed: 0 });
  assert.deepEqual((await defense(input([4, 1, 1]))).remove, [1, 4]);
  assert.deepEqual((await defense(input([]))).remove, []);
  for (const bad of [[5], [-1], [1.5], 'x', undefined]) assert.throws(() => defense(input(bad)), /external-scores/);
});
