#!/usr/bin/env node
// Runs the compiled tests with node's own test runner, in ONE invocation so that the closing
// summary ("# tests N / # pass N / # fail N") covers everything that ran.
//   node scripts/run-tests.mjs [unit|integration|security|e2e|slow|all]   (default: unit + integration + security + e2e)
// Slow training tests (*.slow.spec.js) run only with `slow`.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const which = process.argv[2] ?? 'default';

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

const compiled = [...walk(join(root, 'compute', 'dist')), ...walk(join(root, 'dist'))].filter((f) => f.endsWith('.js'));
const isSlow = (f) => f.endsWith('.slow.spec.js');
const groups = {
  unit: compiled.filter((f) => f.endsWith('.spec.js') && !isSlow(f)),
  integration: compiled.filter((f) => f.includes(`${join('dist', 'test', 'integration')}`) && f.endsWith('.test.js')),
  security: compiled.filter((f) => f.includes(`${join('dist', 'test', 'security')}`) && f.endsWith('.test.js')),
  e2e: compiled.filter((f) => f.includes(`${join('dist', 'test', 'e2e')}`) && f.endsWith('.e2e.js')),
  slow: compiled.filter(isSlow),
};
const selected =
  which === 'default' ? [...groups.unit, ...groups.integration, ...groups.security, ...groups.e2e]
  : which === 'all' ? [...groups.unit, ...groups.integration, ...groups.security, ...groups.e2e, ...groups.slow]
  : groups[which];
if (!selected) {
  console.error(`unknown test group '${which}' (expected unit, integration, security, e2e, slow or all)`);
  process.exit(2);
}
if (selected.length === 0) {
  console.error(`no compiled test files found for '${which}': run 'npm run build' first`);
  process.exit(1);
}
console.log(`running ${selected.length} test files (${which}):`);
for (const f of selected) console.log(`  ${relative(root, f)}`);

// Two files at a time: the machine has 2 cores, and most files wait on PostgreSQL or a browser.
const concurrency = process.env.FROGPOND_TEST_CONCURRENCY ?? '2';
// --test-timeout fails a hung test after 10 minutes instead of letting CI run into its own limit;
// --test-force-exit ends a file once its tests are done even if a handle leaked (the tests' verdicts stand).
const flags = ['--enable-source-maps', '--test', `--test-concurrency=${concurrency}`, '--test-timeout=600000', '--test-force-exit'];
const res = spawnSync(process.execPath, [...flags, ...selected], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'test' },
});
process.exit(res.status ?? 1);
