import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_COLS, DEFAULT_ROWS, parsePivot, pivotQuery } from '../../web/lib/pivot-params';

const DIMS = ['dataset', 'labels', 'algorithm', 'rate', 'density', 'attack', 'defense'] as const;

test('the default pivot puts every dimension on rows or columns', () => {
  const p = parsePivot(undefined, undefined, DIMS);
  assert.deepEqual(p, { rows: [...DEFAULT_ROWS], cols: [...DEFAULT_COLS], ignored: [] });
  assert.deepEqual([...p.rows, ...p.cols].sort(), [...DIMS].sort());
});

test('dimension names are case-insensitive; unknown ones are reported, duplicates dropped', () => {
  const p = parsePivot('ALGORITHM,Attack,algorithm', 'dataset,bogus', DIMS);
  assert.deepEqual(p.rows, ['algorithm', 'attack']);
  assert.deepEqual(p.cols, ['dataset']);
  assert.deepEqual(p.ignored, ['bogus']);
});

test('a side missing from the URL gets its default less what the other side took', () => {
  const p = parsePivot('ALGORITHM', undefined, DIMS);
  assert.deepEqual(p.rows, ['algorithm']);
  assert.deepEqual(p.cols, [...DEFAULT_COLS]);
  const q = parsePivot(undefined, 'attack,DATASET', DIMS);
  assert.deepEqual(q.cols, ['attack', 'dataset']);
  assert.deepEqual(q.rows, ['density', 'defense', 'algorithm']);
  assert.deepEqual(parsePivot('rate', 'RATE,labels', DIMS).cols, ['labels']);
  assert.deepEqual(parsePivot('x', 'y', DIMS).rows, [...DEFAULT_ROWS]);
  assert.equal(pivotQuery(parsePivot('Algorithm', 'Dataset', DIMS)), 'rows=algorithm&cols=dataset');
});
