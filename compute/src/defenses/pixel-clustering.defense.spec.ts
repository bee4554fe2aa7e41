import { test } from 'node:test';
import assert from 'node:assert/strict';
import { craftInterpolationPath } from '../attacks/interpolation.craft';
import { loadDataset } from '../data/load-dataset';
import { makeSslSplit } from '../data/ssl-split';
import { detectionRates, getDefense, implementedDefenseKinds } from './defense.hook';
import { pixelClusteringDefense } from './pixel-clustering.defense';

test('pixel clustering removes an interpolation path hidden among real MNIST digits', () => {
  // 2,000 digits: enough for MNIST's dense blob of look-alike 1s, which the collinearity rule must leave alone.
  const data = makeSslSplit(loadDataset('mnist'), { labels: 40, seed: 3, maxUnlabeled: 2000, maxTest: 50 });
  const d = data.unlabeled.x.length / data.unlabeled.n;
  const source = data.labeled.x.slice(0, d); // a labeled example, as in the attack
  const target = data.test.x.slice(0, d);
  const path = craftInterpolationPath(source, target, 20, '1.5-x');
  const n = data.unlabeled.n + path.count;
  const x = new Float32Array(n * d);
  x.set(data.unlabeled.x);
  x.set(path.poisons, data.unlabeled.n * d);
  const poisons = Array.from({ length: path.count }, (_, i) => data.unlabeled.n + i);

  const decision = pixelClusteringDefense({ shape: data.shape, unlabeled: { x, n }, params: {}, seed: 1 });
  const rates = detectionRates(decision.remove, poisons, n);
  assert.ok(rates.tpr! >= 0.9, `TPR ${rates.tpr}`);
  assert.ok(rates.fpr! <= 0.01, `FPR ${rates.fpr}`);
  assert.equal(decision.scores!.length, n);

  // Without poisons nothing lies on a line: no clean image is removed.
  const clean = pixelClusteringDefense({ shape: data.shape, unlabeled: data.unlabeled, params: {}, seed: 1 });
  assert.deepEqual(clean.remove, []);
  // The paper's literal rule (largest cluster) removes a blob of natural look-alikes here instead: why it is not the default.
  const largest = pixelClusteringDefense({ shape: data.shape, unlabeled: { x, n }, params: { drop: 'largest-cluster' }, seed: 1 });
  assert.ok(largest.remove.length >= 3);
});

test('pixel clustering is registered and refuses options it does not implement', () => {
  assert.ok(implementedDefenseKinds().includes('pixel-clustering'));
  assert.equal(getDefense('pixel-clustering'), pixelClusteringDefense);
  const tiny = { shape: [1, 1, 2], unlabeled: { x: new Float32Array(8), n: 4 }, seed: 1 };
  assert.throws(() => pixelClusteringDefense({ ...tiny, params: { linkage: 'average' } }), /linkage 'average' is not implemented/);
  assert.throws(() => pixelClusteringDefense({ ...tiny, params: { drop: 'everything' } }), /drop must be/);
  assert.throws(() => pixelClusteringDefense({ ...tiny, params: { thresholdRatio: 2 } }), /thresholdRatio/);
});
