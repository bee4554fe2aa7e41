import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadQueueConfig, QueueConfigError, timeLimitFor } from './queue.config';
import { publicErrorMessage } from './queue.sql';

describe('queue config', () => {
  it('has defaults: 60 s lease, 1 s heartbeat, reaper every half lease', () => {
    const c = loadQueueConfig({});
    assert.equal(c.leaseSeconds, 60);
    assert.equal(c.heartbeatMs, 1000);
    assert.equal(c.reapMs, 30_000);
    assert.equal(c.maxLost, 3);
    assert.equal(timeLimitFor(c, 'toy'), 600);
    assert.equal(timeLimitFor(c, 'paper'), 79_200);
    assert.equal(timeLimitFor(c, 'unknown'), 79_200);
  });

  it('refuses malformed or inconsistent values, naming the variable', () => {
    assert.throws(() => loadQueueConfig({ FROGPOND_LEASE_SECONDS: 'soon' }), (e: Error) => e instanceof QueueConfigError && /FROGPOND_LEASE_SECONDS/.test(e.message));
    assert.throws(() => loadQueueConfig({ FROGPOND_LEASE_SECONDS: '1' }), /between 2 and 3600/);
    assert.throws(() => loadQueueConfig({ FROGPOND_LEASE_SECONDS: '2', FROGPOND_HEARTBEAT_MS: '1500' }), /at most half/);
    assert.throws(() => loadQueueConfig({ FROGPOND_TIME_LIMIT_PAPER_S: '90000' }), /FROGPOND_TIME_LIMIT_PAPER_S/);
  });
});

describe('publicErrorMessage', () => {
  it('keeps the message and drops stack frames', () => {
    const e = new Error('rate must be a number in [0, 0.5]');
    e.stack = `Error: rate must be a number in [0, 0.5]\n    at validate (/x/y.js:1:2)\n    at run (/x/z.js:3:4)`;
    assert.equal(publicErrorMessage(e), 'rate must be a number in [0, 0.5]');
    const named = new Error('multi\nline\n    at frame (a.js:1:1)');
    named.name = 'TrialConfigError';
    assert.equal(publicErrorMessage(named), 'TrialConfigError: multi\nline');
    assert.equal(publicErrorMessage('x'.repeat(5000)).length, 2000);
  });
});
