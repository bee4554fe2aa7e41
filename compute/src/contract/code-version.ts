import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let cached: string | null = null;

/**
 * The code version recorded with every trial: @frogpond/compute's package version, plus "+<commit>" when the code
 * runs from a git checkout ("+<commit>.dirty" when it has uncommitted changes). FROGPOND_GIT_COMMIT overrides the
 * lookup (container images without .git). Computed once per process.
 */
export function codeVersion(): string {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  let commit = process.env.FROGPOND_GIT_COMMIT ?? '';
  if (!commit) {
    try {
      const git = (...args: string[]) => execFileSync('git', args, { cwd: __dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
      commit = git('rev-parse', '--short=12', 'HEAD');
      if (git('status', '--porcelain', '--untracked-files=no')) commit += '.dirty';
    } catch {
      // Not a git checkout (installed package, container image): the package version alone.
    }
  }
  cached = commit ? `${pkg.version}+${commit}` : pkg.version;
  return cached;
}
