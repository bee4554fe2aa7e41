import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quantile, wilsonInterval } from './stats';

describe('wilsonInterval', () => {
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-6, `${a} vs ${b}`);
  it('matches hand-computed 95% intervals', () => {
    // p = k/n, z = 1.959964: (p + z^2/2n ± z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n)
    const w78 = wilsonInterval(7, 8)!; close(w78.low, 0.529112); close(w78.high, 0.977583);
    const w48 = wilsonInterval(4, 8)!; close(w48.low, 0.215216); close(w48.high, 0.784784);
    const w08 = wilsonInterval(0, 8)!; close(w08.low, 0); close(w08.high, 0.324408);
    const w88 = wilsonInterval(8, 8)!; close(w88.low, 0.675592); close(w88.high, 1);
  });
  it('has no interval without trials and is symmetric in k <-> n-k', () => {
    assert.equal(wilsonInterval(0, 0), null);
    const a = wilsonInterval(3, 10)!; const b = wilsonInterval(7, 10)!;
    close(a.low, 1 - b.high); close(a.high, 1 - b.low);
  });
});

describe('quantile', () => {
  it('is nearest-rank: a measured value, the smallest with at least q of the sample at or below it', () => {
    const s = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.equal(quantile(s, 0.5), 5);
    assert.equal(quantile(s, 0.99), 10);
    assert.equal(quantile(s, 0.1), 1);
    assert.equal(quantile(s, 0), 1);
    assert.equal(quantile([7], 0.99), 7);
    assert.ok(Number.isNaN(quantile([], 0.5)));
  });
});
