import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import crypto from 'node:crypto';
import { Command, Option } from 'commander';
import { defendSplit, encodeScoreFile, extractSplitArchive, readSplitManifest } from '../benchmark/split-dir';
import { detectionSummary } from '../defenses/detection-metrics';
import { verifiedRunDefenseKinds } from '../defenses/defense.hook';
import { keyValue } from './cli-options';

/** Base URL of the frogpond server the team talks to. */
function serverUrl(o: { server?: string }): string {
  const url = o.server ?? process.env.FROGPOND_URL ?? 'http://127.0.0.1:4000';
  if (!/^https?:\/\//.test(url)) throw Object.assign(new Error(`server URL must start with http:// or https://, got ${url}`), { code: 'BAD_USER_INPUT' });
  return url.replace(/\/+$/, '');
}

async function graphql<T>(base: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const e = body.errors[0];
    throw Object.assign(new Error(e.message), { code: e.extensions?.code === 'INTERNAL_SERVER_ERROR' ? undefined : 'BAD_USER_INPUT' });
  }
  return body.data as T;
}

/** Adds `benchmark download`, `defend` and `submit` to the program. */
export function addBenchmarkCommands(program: Command): void {
  const bench = program.command('benchmark').description('benchmarks of the frogpond server: download their replicates');
  bench.command('download <slug>')
    .description('download a benchmark split, check every sha256 and unpack it')
    .addOption(new Option('--split <split>', 'dev (with poison indices) or test (sequestered)').choices(['dev', 'test']).default('test'))
    .requiredOption('--out <dir>', 'folder to unpack into')
    .option('--server <url>', 'frogpond server (default FROGPOND_URL or http://127.0.0.1:4000)')
    .action(async (slug: string, o: { split: 'dev' | 'test'; out: string; server?: string }) => {
      const base = serverUrl(o);
      const data = await graphql<{ benchmark: { version: number; downloads: { split: string; path: string; sizeBytes: number; sha256: string }[] } }>(
        base, 'query($slug: String!) { benchmark(slug: $slug) { version downloads { split path sizeBytes sha256 } } }', { slug });
      const d = data.benchmark.downloads.find((x) => x.split === o.split.toUpperCase());
      if (!d) throw new Error(`the server lists no ${o.split} archive for ${slug}`);
      const res = await fetch(base + d.path);
      if (!res.ok) throw new Error(`GET ${d.path}: HTTP ${res.status}`);
      const bytes = new Uint8Array(await res.arrayBuffer());
      const got = crypto.createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== d.sizeBytes || got !== d.sha256) throw new Error(`archive check failed: ${bytes.length} bytes, sha256 ${got}; the server announced ${d.sizeBytes} bytes, ${d.sha256}`);
      mkdirSync(o.out, { recursive: true });
      const manifest = extractSplitArchive(bytes, o.out);
      process.stdout.write(`${slug} v${data.benchmark.version} ${o.split}: ${manifest.replicates.length} replicates, ${manifest.files.length} files, ${bytes.length} bytes, every sha256 verified -> ${o.out}\n`);
    });

  program.command('defend')
    .description('run a built-in defense on every replicate of a downloaded split and write a score file (.npy, .json or .csv)')
    .addOption(new Option('--defense <kind>', 'defense').choices(verifiedRunDefenseKinds()).makeOptionMandatory())
    .option('--defense-param <key=value>', 'defense parameter, repeatable', keyValue, {})
    .requiredOption('--in <dir>', 'folder of a downloaded split (holds manifest.json)')
    .requiredOption('--out <file>', 'score file to write')
    .action(async (o: { defense: string; defenseParam: Record<string, unknown>; in: string; out: string }) => {
      const manifest = readSplitManifest(o.in);
      const s = await defendSplit(o.in, o.defense, o.defenseParam);
      writeFileSync(o.out, encodeScoreFile(o.out, s));
      const removed = s.removed.reduce((a, r) => a + r.length, 0);
      process.stdout.write(`${o.defense} on ${s.ids.length} replicates of ${manifest.benchmark} ${manifest.split}: removed ${removed} examples -> ${o.out}\n`);
      // Development replicates know their poisons: show how the scores would be judged.
      manifest.replicates.forEach((r, i) => {
        if (!r.poisonIndices) return;
        const m = detectionSummary(s.scores[i], r.poisonIndices, s.removed[i]);
        process.stdout.write(`  ${r.id}: AUC ${m.auc?.toFixed(3)}, TPR@1%FPR ${m.tprAt1?.toFixed(3)}, removed ${m.removedPoisons}/${m.poisons} poisons and ${m.removedClean} clean\n`);
      });
    });

  program.command('submit <benchmark>')
    .description('submit a score file (--scores) or a verified run of a built-in defense (--defense) to a benchmark, with a token from FROGPOND_TOKEN, and print the submission\'s URL')
    .option('--scores <file>', 'score file (.npy, .json or .csv) covering every test replicate')
    .option('--removal-fraction <f>', 'with --scores: share of each unlabeled set to remove, highest scores first (omit when the file lists removed indices)', parseFraction)
    .addOption(new Option('--defense <kind>', 'verified run: the server\'s workers run this defense of the trial contract on every test replicate').choices(verifiedRunDefenseKinds()))
    .option('--param <key=value>', 'with --defense: a parameter of the defense (see `frogpond contract`), repeatable', keyValue, {})
    .option('--label <name>', 'name of the defense on the board (default: the file name, or the defense kind)')
    .option('--server <url>', 'frogpond server (default FROGPOND_URL or http://127.0.0.1:4000)')
    .action(async (slug: string, o: { scores?: string; removalFraction?: number; defense?: string; param: Record<string, unknown>; label?: string; server?: string }) => {
      const token = process.env.FROGPOND_TOKEN?.trim();
      if (!token) throw Object.assign(new Error('set FROGPOND_TOKEN to an API token of your organization'), { code: 'BAD_USER_INPUT' });
      const input = submitInput(slug, o);
      const base = serverUrl(o);
      if (input.kind === 'verified-run') {
        const data = await graphql<{ submitVerifiedRun: { id: string; status: string; defense: { kind: string; params: Record<string, unknown> } } }>(base,
          `mutation($input: SubmitVerifiedRunInput!) { submitVerifiedRun(input: $input) { id status defense { kind params } } }`, { input: input.input }, token);
        const s = data.submitVerifiedRun;
        process.stdout.write(`${s.status}: verified run of ${s.defense.kind} ${JSON.stringify(s.defense.params)} queued on every test replicate\n${base}/benchmarks/${slug}/submissions/${s.id}\n`);
        return;
      }
      const data = await graphql<{ submitDefenseScores: { id: string; status: string; auc: number | null; tprAt1: number | null } }>(base,
        `mutation($input: SubmitDefenseScoresInput!) { submitDefenseScores(input: $input) { id status auc tprAt1 } }`, { input: input.input }, token);
      const s = data.submitDefenseScores;
      process.stdout.write(`${s.status}: mean AUC ${s.auc?.toFixed(3) ?? '-'}, TPR@1%FPR ${s.tprAt1?.toFixed(3) ?? '-'}; retraining is queued\n${base}/benchmarks/${slug}/submissions/${s.id}\n`);
    });

  program.command('submission <submission-id>')
    .description('status of a submission: kind, progress, detection metrics, success after the defense, or why it failed (token from FROGPOND_TOKEN for private ones)')
    .option('--server <url>', 'frogpond server (default FROGPOND_URL or http://127.0.0.1:4000)')
    .action(async (id: string, o: { server?: string }) => {
      const base = serverUrl(o);
      const data = await graphql<{ defenseSubmission: {
        label: string; kindLabel: string; status: string; failureReason: string | null; auc: number | null; tprAt1: number | null;
        successes: number | null; trials: number | null; cleanAccuracy: number | null; published: boolean; progress: { done: number; total: number };
        defense: { kind: string; params: Record<string, unknown> } | null; benchmark: { slug: string };
      } }>(base, `query($id: ID!) { defenseSubmission(id: $id) { label kindLabel status failureReason auc tprAt1 successes trials cleanAccuracy published
          progress { done total } defense { kind params } benchmark { slug } } }`, { id }, process.env.FROGPOND_TOKEN?.trim() || undefined);
      const s = data.defenseSubmission;
      const f = (x: number | null) => (x === null ? '-' : x.toFixed(3));
      process.stdout.write([
        `${s.label} (${s.kindLabel}${s.defense ? `: ${s.defense.kind} ${JSON.stringify(s.defense.params)}` : ''}) on ${s.benchmark.slug}: ${s.status}, ${s.progress.done}/${s.progress.total} replicates finished${s.published ? ', published' : ''}`,
        s.status === 'FAILED' ? `  ${s.failureReason}` : `  mean AUC ${f(s.auc)}, TPR@1%FPR ${f(s.tprAt1)}, success after the defense ${s.trials ? `${s.successes}/${s.trials}` : '-'}, clean accuracy ${f(s.cleanAccuracy)}`,
        `${base}/benchmarks/${s.benchmark.slug}/submissions/${id}`,
      ].join('\n') + '\n');
    });

  program.command('publish <submission-id>')
    .description('put a scored submission of your organization on the benchmark\'s public board (token from FROGPOND_TOKEN)')
    .option('--server <url>', 'frogpond server (default FROGPOND_URL or http://127.0.0.1:4000)')
    .action(async (id: string, o: { server?: string }) => {
      const token = process.env.FROGPOND_TOKEN?.trim();
      if (!token) throw Object.assign(new Error('set FROGPOND_TOKEN to an API token of your organization'), { code: 'BAD_USER_INPUT' });
      const base = serverUrl(o);
      const data = await graphql<{ publishDefenseSubmission: { id: string; published: boolean; benchmark: { slug: string } } }>(base,
        'mutation($id: ID!) { publishDefenseSubmission(id: $id) { id published benchmark { slug } } }', { id }, token);
      const s = data.publishDefenseSubmission;
      process.stdout.write(`published: ${base}/benchmarks/${s.benchmark.slug}/submissions/${s.id}\n`);
    });
}

/**
 * The mutation input of `submit`: a score file (read and base64-encoded) or a verified run, never both. Parameters are
 * sent as given; the server resolves them with the trial contract and names a refused one by its field.
 */
export function submitInput(slug: string, o: { scores?: string; removalFraction?: number; defense?: string; param?: Record<string, unknown>; label?: string }):
  { kind: 'score-file' | 'verified-run'; input: Record<string, unknown> } {
  const refuse = (m: string) => { throw Object.assign(new Error(m), { code: 'BAD_USER_INPUT' }); };
  const params = o.param ?? {};
  if (!o.scores === !o.defense) refuse('give either --scores FILE (a score file) or --defense KIND (a verified run)');
  if (o.defense) {
    if (o.removalFraction !== undefined) refuse('--removal-fraction applies to --scores; a verified run removes what its defense flags');
    return { kind: 'verified-run', input: { benchmark: slug, label: o.label ?? null, defense: o.defense, params } };
  }
  if (Object.keys(params).length) refuse('--param applies to --defense (a verified run)');
  const bytes = readFileSync(o.scores!);
  return {
    kind: 'score-file',
    input: { benchmark: slug, label: o.label ?? basename(o.scores!), fileName: basename(o.scores!), contentBase64: bytes.toString('base64'), removalFraction: o.removalFraction ?? null },
  };
}

function parseFraction(v: string): number {
  const f = Number(v);
  if (!/^\d*\.?\d+$/.test(v) || !(f >= 0 && f <= 1)) throw Object.assign(new Error(`--removal-fraction must be a number in [0, 1], got ${v}`), { code: 'BAD_USER_INPUT' });
  return f;
}
