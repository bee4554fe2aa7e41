import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows `limit` hits per window and key, then asks to wait until the window ends', () => {
    let now = 1_000;
    const rl = new RateLimiter(60_000, () => now);
    for (let i = 0; i < 3; i++) assert.equal(rl.hit('a', 3), 0);
    assert.equal(rl.hit('a', 3), 60);
    assert.equal(rl.hit('b', 3), 0, 'keys are independent');
    now += 30_000;
    assert.equal(rl.hit('a', 3), 30);
    now += 30_000;
    assert.equal(rl.hit('a', 3), 0, 'a new window starts');
    assert.equal(rl.hit('c', 0), 0, 'limit 0 is off');
  });
});
