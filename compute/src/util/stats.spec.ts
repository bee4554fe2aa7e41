import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { wilsonInterval } from './stats';

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
