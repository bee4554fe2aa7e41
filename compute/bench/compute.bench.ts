/**
 * bench:compute — milliseconds per FixMatch training step (teacher forward on the weak view
 * off the tape, forward+backward on labeled+strong, SGD-Nesterov update; augmentation excluded
 * on both sides) for the mini preset (28x28x1, 16 + 2x32, small CNN 16-32-64-64) and a
 * CIFAR-sized setting (32x32x3, 64 + 2x448, 4-conv CNN 32-64-128-128, ~240k parameters), on
 * every tfjs backend that loads, and the same model/batch in PyTorch (Debian python3-torch)
 * with the same thread count when available. Last line: {"rows":[...]}.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { BACKEND_ORDER, createModel, createRng, fixmatch, SgdNesterov, selectBackend, StepContext } from '@frogpond/compute';

interface Setting { name: 'mini' | 'cifar'; shape: [number, number, number]; widths: number[]; nl: number; nu: number }
const SETTINGS: Setting[] = [
  { name: 'mini', shape: [28, 28, 1], widths: [16, 32, 64, 64], nl: 16, nu: 32 },
  { name: 'cifar', shape: [32, 32, 3], widths: [32, 64, 128, 128], nl: 64, nu: 448 },
];
const PY = '/usr/bin/python3';

/** Forward FLOPs per image of the small CNN (3x3 'same' convs, first stride 1 then stride 2). */
function forwardFlops(s: Setting): number {
  let [h, w, c] = s.shape;
  let f = 0;
  s.widths.forEach((co, i) => {
    if (i > 0) {
      h = Math.ceil(h / 2);
      w = Math.ceil(w / 2);
    }
    f += 2 * h * w * co * 9 * c;
    c = co;
  });
  return f + 2 * c * 10;
}
/** Step FLOPs: teacher forward on nu weak images + (forward + 2x backward) on nl + nu. */
const stepFlops = (s: Setting) => forwardFlops(s) * (s.nu + 3 * (s.nl + s.nu));

function median(a: number[]): number {
  const b = [...a].sort((x, y) => x - y);
  return b[Math.floor(b.length / 2)];
}

function timeTfjs(s: Setting, reps: number): number {
  const r = createRng(1);
  const rand = (n: number) => tf.tensor4d(Float32Array.from({ length: n * s.shape[0] * s.shape[1] * s.shape[2] }, () => r.next()), [n, ...s.shape]);
  const model = createModel({ kind: 'cnn', widths: s.widths }, s.shape, 10, 1);
  const opt = new SgdNesterov(model.variables, model.decay, { lr: 0.03, momentum: 0.9, nesterov: true, weightDecay: 5e-4, cosine: false, totalSteps: 1 });
  const xl = rand(s.nl);
  const xu = rand(s.nu);
  const xs = rand(s.nu);
  const yl = tf.oneHot(tf.tensor1d(Array.from({ length: s.nl }, (_, i) => i % 10), 'int32'), 10).toFloat() as tf.Tensor2D;
  const times: number[] = [];
  for (let i = 0; i < reps + 1; i++) {
    const t0 = performance.now();
    const ctx: StepContext = {
      model, xl, yl, xu, rng: r, step: i, totalSteps: 100,
      params: { ...fixmatch.defaults, threshold: 0.0 }, // every pseudo-label used: the full loss path runs
      weak: (x) => tf.clone(x), strong: () => tf.clone(xs), weakCutout: () => tf.clone(xs),
      teacher: (x) => model.applyWith(model.variables, x, { training: true, updateStats: false }).logits,
      emaTeacher: (x) => model.applyWith(model.variables, x, { training: true, updateStats: false }).logits, // unused by FixMatch
    };
    const prep = fixmatch.prepare(ctx);
    const { value, grads } = tf.variableGrads(prep.lossFn, model.variables);
    opt.apply(model.variables.map((v) => grads[v.name]), i);
    value.dataSync(); // wait for the step (GPU backends are asynchronous)
    const p = prep.parts!;
    tf.dispose([value, ...Object.values(grads), ...prep.dispose, p.total, p.supervised, p.unsupervised, ...(p.maskRate ? [p.maskRate] : [])]);
    if (i > 0) times.push(performance.now() - t0); // first step: warm-up (kernel setup, allocations)
  }
  tf.dispose([xl, xu, xs, yl]);
  opt.dispose();
  model.dispose();
  return median(times);
}

function timeTorch(s: Setting, threads: number, reps: number): number | null {
  const probe = spawnSync(PY, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.status !== 0) return null;
  const script = path.join(__dirname, '..', '..', 'bench', 'fixmatch_step.py');
  const res = spawnSync(PY, [script, JSON.stringify({ ...s, threads, reps })], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (res.status !== 0) {
    console.error(`pytorch baseline failed: ${res.stderr}`);
    return null;
  }
  return JSON.parse(res.stdout.trim().split('\n').pop()!).msPerStep as number;
}

interface Row { backend: string; setting: 'mini' | 'cifar'; msPerStep: number; gflops: number; ratioToTorch: number | null }

async function main(): Promise<void> {
  const rows: Row[] = [];
  const torchMs = new Map<string, number | null>();
  for (const b of BACKEND_ORDER) {
    let info;
    try {
      info = await selectBackend(b);
    } catch {
      console.log(`backend ${b}: not available`);
      continue;
    }
    // WASM runs single-threaded under Node (tfjs disables its worker threads there).
    const threads = info.name === 'wasm' ? (info.threads ? 2 : 1) : b === 'cpu' ? 1 : 2;
    for (const s of SETTINGS) {
      if (b === 'cpu' && s.name === 'cifar') {
        console.log('cpu/cifar: skipped (the pure-JS backend needs many minutes per CIFAR-sized step)');
        continue;
      }
      const reps = b === 'cpu' ? 1 : s.name === 'cifar' ? 3 : 7;
      const ms = timeTfjs(s, reps);
      const key = `${s.name}/${threads}`;
      if (!torchMs.has(key)) torchMs.set(key, timeTorch(s, threads, s.name === 'cifar' ? 3 : 7));
      const t = torchMs.get(key) ?? null;
      const row: Row = { backend: info.name, setting: s.name, msPerStep: Math.round(ms), gflops: Math.round((stepFlops(s) / (ms / 1000)) / 1e8) / 10, ratioToTorch: t ? Math.round((ms / t) * 100) / 100 : null };
      rows.push(row);
      console.log(`${info.name.padEnd(6)} ${s.name.padEnd(5)} ${row.msPerStep} ms/step  ${row.gflops} GFLOP/s  (step ${(stepFlops(s) / 1e9).toFixed(1)} GFLOP)  ` +
        `pytorch(${threads} thread${threads > 1 ? 's' : ''}): ${t ? `${Math.round(t)} ms/step, ratio ${row.ratioToTorch}` : 'unavailable'}`);
    }
  }
  console.log(JSON.stringify({ rows }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
