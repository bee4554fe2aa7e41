import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PNG } from 'pngjs';
import { canonicalJson, configHash } from './config-hash';
import { imageStripPng, sampleEvenly } from './png';

test('config hash ignores key order and changes with any value', () => {
  const a = { preset: 'toy', rate: 0.05, attack: { kind: 'interpolation', params: { x: 1, y: 2 } } };
  const b = { attack: { params: { y: 2, x: 1 }, kind: 'interpolation' }, rate: 0.05, preset: 'toy' };
  assert.equal(canonicalJson(a), canonicalJson(b));
  assert.equal(configHash(a), configHash(b));
  assert.notEqual(configHash(a), configHash({ ...a, rate: 0.06 }));
  assert.match(configHash(a), /^[0-9a-f]{64}$/);
});

test('poison strip PNG decodes to the expected size and pixels', () => {
  const white = new Float32Array(4 * 4).fill(1);
  const black = new Float32Array(4 * 4).fill(0);
  const bytes = imageStripPng([white, black], { h: 4, w: 4, c: 1 }, 2);
  const png = PNG.sync.read(Buffer.from(bytes));
  assert.equal(png.width, 2 * 8 + 2);
  assert.equal(png.height, 8);
  assert.equal(png.data[0], 255);
  assert.equal(png.data[(0 * png.width + 10) * 4], 0);
  assert.deepEqual(sampleEvenly(100, 12).slice(0, 2), [0, 9]);
  assert.equal(sampleEvenly(100, 12).at(-1), 99);
  assert.deepEqual(sampleEvenly(3, 12), [0, 1, 2]);
});
