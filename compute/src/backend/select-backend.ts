/**
 * Run-time backend selection: tfjs-node-gpu, tfjs-node, WASM, then the pure-JS CPU backend.
 * The native packages download libtensorflow at install time, so they are optional: we try a
 * dynamic require and fall back cleanly when they are absent.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core ships its gradients only as ESM files Node cannot require; the union package's
// CommonJS bundle registers them all on the same tfjs-core engine.
import '@tensorflow/tfjs';
import { registerWasmGradientKernels } from './wasm-conv-grad.kernels';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
export const BACKEND_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

export interface BackendInfo {
  name: BackendName;
  /** The tfjs engine backend name ('tensorflow', 'wasm', 'cpu'). */
  engineName: string;
  simd?: boolean;
  threads?: boolean;
}

let current: BackendInfo | null = null;
let printed = false;

function tryRequire(mod: string): boolean {
  try {
    // Dynamic and optional: absent on machines that cannot download libtensorflow.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(mod);
    return true;
  } catch {
    return false;
  }
}

async function activate(name: BackendName): Promise<BackendInfo | null> {
  if (name === 'tensorflow-gpu' || name === 'tensorflow') {
    const mod = name === 'tensorflow-gpu' ? '@tensorflow/tfjs-node-gpu' : '@tensorflow/tfjs-node';
    if (!tryRequire(mod)) return null;
    if (!(await tf.setBackend('tensorflow'))) return null;
    return { name, engineName: 'tensorflow' };
  }
  if (name === 'wasm') {
    if (!tryRequire('@tensorflow/tfjs-backend-wasm')) return null;
    registerWasmGradientKernels();
    if (!(await tf.setBackend('wasm'))) return null;
    await tf.ready();
    return {
      name,
      engineName: 'wasm',
      simd: tf.env().getBool('WASM_HAS_SIMD_SUPPORT'),
      // tfjs turns threads off under Node (blob: workers are refused); reported for the record.
      threads: tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT'),
    };
  }
  if (!(await tf.setBackend('cpu'))) return null;
  return { name: 'cpu', engineName: 'cpu' };
}

function parsePreference(p: string | undefined): BackendName | 'auto' {
  if (!p || p === 'auto') return 'auto';
  const v = p.toLowerCase();
  const alias: Record<string, BackendName> = {
    gpu: 'tensorflow-gpu', 'tensorflow-gpu': 'tensorflow-gpu', 'tfjs-node-gpu': 'tensorflow-gpu',
    tensorflow: 'tensorflow', node: 'tensorflow', 'tfjs-node': 'tensorflow', wasm: 'wasm', cpu: 'cpu',
  };
  const b = alias[v];
  if (!b) throw new Error(`Unknown backend "${p}" (expected one of ${BACKEND_ORDER.join(', ')}, auto)`);
  return b;
}

/**
 * Selects and activates a tfjs backend. Order: `preference` argument, else `FROGPOND_BACKEND`,
 * else the first that loads of tensorflow-gpu, tensorflow, wasm, cpu. An explicit choice that
 * cannot load throws. Prints the chosen backend once per process (stderr).
 */
export async function selectBackend(preference?: string): Promise<BackendInfo> {
  const pref = parsePreference(preference ?? process.env.FROGPOND_BACKEND);
  if (current && (pref === 'auto' || pref === current.name) && tf.getBackend() === current.engineName) return current;
  let info: BackendInfo | null = null;
  if (pref !== 'auto') {
    info = await activate(pref);
    if (!info) throw new Error(`Backend "${pref}" requested but it cannot be loaded on this machine`);
  } else {
    for (const name of BACKEND_ORDER) {
      info = await activate(name);
      if (info) break;
    }
  }
  if (!info) throw new Error('No TensorFlow.js backend could be loaded');
  current = info;
  if (!printed || process.env.FROGPOND_BACKEND_VERBOSE) {
    const extra = info.name === 'wasm' ? ` (simd=${info.simd}, threads=${info.threads})` : '';
    process.stderr.write(`[frogpond] tfjs backend: ${info.name}${extra}\n`);
    printed = true;
  }
  return info;
}

/** The backend chosen by the last selectBackend call, or null. */
export function currentBackend(): BackendInfo | null {
  return current;
}
