#!/usr/bin/env node
// Builds the Next.js app (npm run build:web) only when web/.next is missing or older than its sources,
// so `npm start` and `npm test` work straight after `npm install` without paying for a rebuild each time.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const stamp = join(web, '.next', 'BUILD_ID');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name === '.next') continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const sources = [
  join(root, 'schema.graphql'), join(web, 'app'), join(web, 'components'), join(web, 'lib'),
  join(web, 'next.config.mjs'), join(web, 'codegen.ts'), join(web, 'package.json'), join(root, 'compute', 'src', 'densities'),
];
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map(newest));
if (built && built >= changed) process.exit(0);
console.log(built ? 'web sources changed: rebuilding the web app' : 'building the web app (first time, about a minute)');
const res = spawnSync('npm', ['run', 'build:web', '--silent'], { cwd: root, stdio: 'inherit' });
process.exit(res.status ?? 1);
