#!/usr/bin/env node
// The `frogpond` command. It is committed as plain JavaScript so that npm links the bin at `npm install`, before
// anything is compiled; the CLI itself is TypeScript in src/cli and is compiled here on first use when dist/ is
// missing or older than its sources.
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const pkg = join(__dirname, '..');
const entry = join(pkg, 'dist', 'cli', 'main.js');

function newest(dir) {
  let max = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    max = Math.max(max, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return max;
}

const src = join(pkg, 'src');
const stale = !existsSync(entry) || (existsSync(src) && newest(src) > statSync(entry).mtimeMs);
if (stale) {
  process.stderr.write('frogpond: compiling the compute library (first run or sources changed)...\n');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [pkg] });
  const res = spawnSync(process.execPath, [tsc, '-b', pkg], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const { main } = require(entry);
main(process.argv).then((code) => process.exit(code));
