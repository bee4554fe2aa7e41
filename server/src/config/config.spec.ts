import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.home, path.join(os.homedir(), '.frogpond'));
    assert.equal(c.port, 4000);
    assert.equal(c.maxTrials, 10000);
    assert.equal(c.workers, 1);
    assert.equal(c.nodeEnv, 'development');
    assert.equal(c.emitSchema, true);
    assert.equal(c.graphqlExplorer, true);
  });
  it('serves the GraphQL explorer in production only when switched on', () => {
    assert.equal(loadConfig({ NODE_ENV: 'production' }).graphqlExplorer, false);
    assert.equal(loadConfig({ NODE_ENV: 'production', FROGPOND_GRAPHQL_EXPLORER: 'true' }).graphqlExplorer, true);
    assert.equal(loadConfig({ FROGPOND_GRAPHQL_EXPLORER: 'off' }).graphqlExplorer, false);
    assert.throws(() => loadConfig({ FROGPOND_GRAPHQL_EXPLORER: 'cdn' }), ConfigError);
  });
  it('reads and validates variables', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h/db', FROGPOND_HOME: '~/x', PORT: '0', FROGPOND_MAX_TRIALS: '20', NODE_ENV: 'production' });
    assert.equal(c.databaseUrl, 'postgres://u@h/db');
    assert.equal(c.home, path.join(os.homedir(), 'x'));
    assert.equal(c.port, 0);
    assert.equal(c.maxTrials, 20);
    assert.equal(c.emitSchema, false);
    assert.equal(c.introspection, false);
    assert.equal(loadConfig({ FROGPOND_PUBLIC_ORIGIN: 'https://frogpond.example.org/' }).publicOrigin, 'https://frogpond.example.org');
    for (const env of [{ PORT: 'http' }, { PORT: '70000' }, { FROGPOND_MAX_TRIALS: '0' }, { NODE_ENV: 'staging' }, { DATABASE_URL: 'mysql://x' }, { FROGPOND_LOG_SQL: 'maybe' },
      { FROGPOND_PUBLIC_ORIGIN: 'javascript:alert(1)' }, { FROGPOND_PUBLIC_ORIGIN: 'https://a.example/path' }, { FROGPOND_ORGS_PER_TOKEN: '-1' }]) {
      assert.throws(() => loadConfig(env), ConfigError, JSON.stringify(env));
    }
  });
});
