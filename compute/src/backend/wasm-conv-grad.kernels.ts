/**
 * Convolution gradients for the WASM backend, expressed with forward kernels that are fast there.
 *
 * Why: tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter (training a conv net fails with
 * "Kernel not registered"), and its Conv2DBackpropInput is a scalar loop (~2 GFLOP/s). Both
 * gradients are themselves convolutions, so we rewrite them as XNNPACK forward Conv2D plus
 * Transpose / Reverse / PadV2 / Slice / Reshape, calling the registered WASM kernels directly
 * (no engine ops inside a kernel, so nothing leaks onto the tape or the tensor registry).
 */
import {
  backend_util,
  getKernel,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
  type NamedAttrMap,
  type NamedTensorInfoMap,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

type Backend = {
  disposeData(dataId: object, force?: boolean): boolean;
  /** WASM backend: a Float32Array view of a tensor's heap memory (no copy). */
  typedArrayFromHeap?(t: TensorInfo): Float32Array;
  /** WASM backend: allocates an output tensor, optionally initialised with `values`. */
  makeOutput?(shape: number[], dtype: 'float32', memoryOffset?: number, values?: Float32Array): TensorInfo;
};

/** Runs a registered kernel of `backendName` directly on TensorInfos. */
function runKernel(
  backendName: string,
  backend: Backend,
  name: string,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap,
): TensorInfo {
  const k = getKernel(name, backendName);
  if (!k) throw new Error(`frogpond: kernel ${name} missing on backend ${backendName}`);
  const out = k.kernelFunc({ inputs, attrs, backend: backend as never });
  return Array.isArray(out) ? out[0] : (out as TensorInfo);
}

/** Scratch scope: every intermediate created through `run` is freed by `free()` unless kept. */
class Scratch {
  private readonly made: TensorInfo[] = [];
  constructor(private readonly bname: string, private readonly backend: Backend) {}
  run(name: string, inputs: NamedTensorInfoMap, attrs: NamedAttrMap): TensorInfo {
    const t = runKernel(this.bname, this.backend, name, inputs, attrs);
    this.made.push(t);
    return t;
  }
  free(keep: TensorInfo): void {
    for (const t of this.made) if (t !== keep) this.backend.disposeData(t.dataId);
  }
  /** Pads (positive amounts) or crops (negative amounts) spatial axes 1 and 2 of an NHWC tensor. */
  padOrCrop(x: TensorInfo, top: number, bottom: number, left: number, right: number): TensorInfo {
    let cur = x;
    if (top < 0 || bottom < 0 || left < 0 || right < 0) {
      const ct = Math.max(0, -top);
      const cb = Math.max(0, -bottom);
      const cl = Math.max(0, -left);
      const cr = Math.max(0, -right);
      const [n, h, w, c] = cur.shape;
      cur = this.run('Slice', { x: cur }, { begin: [0, ct, cl, 0], size: [n, h - ct - cb, w - cl - cr, c] });
    }
    const pt = Math.max(0, top);
    const pb = Math.max(0, bottom);
    const pl = Math.max(0, left);
    const pr = Math.max(0, right);
    if (pt || pb || pl || pr) {
      cur = this.run('PadV2', { x: cur }, { paddings: [[0, 0], [pt, pb], [pl, pr], [0, 0]], constantValue: 0 });
    }
    return cur;
  }
}

function convInfoOf(
  xShape: number[],
  filterShape: number[],
  attrs: NamedAttrMap,
): backend_util.Conv2DInfo {
  const dataFormat = (attrs.dataFormat as string) ?? 'NHWC';
  if (dataFormat !== 'NHWC' && dataFormat !== 'channelsLast') {
    throw new Error(`frogpond: conv gradient supports NHWC only, got ${dataFormat}`);
  }
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides as [number, number],
    1,
    attrs.pad as 'same',
    attrs.dimRoundingMode as 'floor' | undefined,
  );
}

/**
 * dW[i,j,ci,co] = sum_{n,oh,ow} xpad[n, oh*s+i, ow*s+j, ci] * dy[n, oh, ow, co]:
 * a convolution of x (batch<->channels swapped) by dy used as a filter dilated by the stride.
 */
export function conv2dBackpropFilterVia(bname: string, backend: Backend, x: TensorInfo, dy: TensorInfo, attrs: NamedAttrMap): TensorInfo {
  const filterShape = attrs.filterShape as number[];
  const info = convInfoOf(x.shape, filterShape, attrs);
  const [kh, kw] = filterShape;
  const { strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  const s = new Scratch(bname, backend);
  // Rows needed: (oh-1)*sh + kh starting at -top.
  const needH = (oh - 1) * sh + kh;
  const needW = (ow - 1) * sw + kw;
  const xp = s.padOrCrop(x, padInfo.top, needH - padInfo.top - x.shape[1], padInfo.left, needW - padInfo.left - x.shape[2]);
  const xt = s.run('Transpose', { x: xp }, { perm: [3, 1, 2, 0] }); // [Ci, H', W', N]
  const f = s.run('Transpose', { x: dy }, { perm: [1, 2, 0, 3] }); // [oh, ow, N, Co]
  const conv = s.run('Conv2D', { x: xt, filter: f }, {
    strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [sh, sw], dimRoundingMode: undefined,
  } as unknown as NamedAttrMap); // [Ci, kh, kw, Co]
  const out = s.run('Transpose', { x: conv }, { perm: [1, 2, 0, 3] });
  s.free(out);
  return out;
}

/**
 * dx = full correlation of the stride-dilated dy with the spatially reversed, in/out-swapped filter.
 */
export function conv2dBackpropInputVia(bname: string, backend: Backend, dy: TensorInfo, filter: TensorInfo, attrs: NamedAttrMap): TensorInfo {
  const inputShape = attrs.inputShape as number[];
  const info = convInfoOf(inputShape, filter.shape, attrs);
  const [kh, kw] = filter.shape;
  const [n, h, w] = inputShape;
  const { strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  const co = dy.shape[3];
  const s = new Scratch(bname, backend);
  let d = dy;
  if (sh > 1 || sw > 1) {
    // Insert (stride-1) zeros after every row/column: [N,oh,1,ow,1,C] padded, then flattened.
    const r = s.run('Reshape', { x: dy }, { shape: [n * oh, 1, ow, 1 * co] });
    const p = s.run('PadV2', { x: r }, { paddings: [[0, 0], [0, sh - 1], [0, 0], [0, 0]], constantValue: 0 });
    const r2 = s.run('Reshape', { x: p }, { shape: [n * oh * sh, ow, 1, co] });
    const p2 = s.run('PadV2', { x: r2 }, { paddings: [[0, 0], [0, 0], [0, sw - 1], [0, 0]], constantValue: 0 });
    d = s.run('Reshape', { x: p2 }, { shape: [n, oh * sh, ow * sw, co] });
  }
  const top = kh - 1 - padInfo.top;
  const left = kw - 1 - padInfo.left;
  const dp = s.padOrCrop(d, top, h + kh - 1 - top - oh * sh, left, w + kw - 1 - left - ow * sw);
  const rev = s.run('Reverse', { x: filter }, { dims: [0, 1] });
  const wt = s.run('Transpose', { x: rev }, { perm: [0, 1, 3, 2] }); // [kh, kw, Co, Ci]
  const out = s.run('Conv2D', { x: dp, filter: wt }, {
    strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined,
  } as unknown as NamedAttrMap);
  s.free(out);
  return out;
}

/**
 * Strided dx without the zero-inserted dy: output phase (a, b) (rows a, a+s, ...) only meets the
 * filter taps k = s*m + r with r = (a + pad) mod s, so each phase is a stride-1 correlation of dy
 * with a reversed sub-filter; the s*s phase results are interleaved with Concat/Reshape. Costs
 * the forward FLOPs instead of s*s times them.
 */
export function conv2dBackpropInputPhased(bname: string, backend: Backend, dy: TensorInfo, filter: TensorInfo, attrs: NamedAttrMap): TensorInfo {
  const inputShape = attrs.inputShape as number[];
  const info = convInfoOf(inputShape, filter.shape, attrs);
  const [kh, kw, ci] = filter.shape;
  const [n, h, w] = inputShape;
  const { strideHeight: sh, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  const s = new Scratch(bname, backend);
  const hMax = Math.ceil(h / sh);
  const wMax = Math.ceil(w / sw);
  const phase = (a: number, b: number): TensorInfo => {
    const r = (a + padInfo.top) % sh;
    const q = Math.floor((a + padInfo.top) / sh);
    const c = (b + padInfo.left) % sw;
    const p = Math.floor((b + padInfo.left) / sw);
    const mh = Math.max(0, Math.ceil((kh - r) / sh));
    const mw = Math.max(0, Math.ceil((kw - c) / sw));
    if (mh === 0 || mw === 0) return s.run('Fill', {}, { shape: [n, hMax, wMax, ci], value: 0, dtype: 'float32' });
    const sub = s.run('StridedSlice', { x: filter }, {
      begin: [r, c, 0, 0], end: [kh, kw, filter.shape[2], filter.shape[3]], strides: [sh, sw, 1, 1],
      beginMask: 0, endMask: 0, ellipsisMask: 0, newAxisMask: 0, shrinkAxisMask: 0,
    });
    const rev = s.run('Reverse', { x: sub }, { dims: [0, 1] });
    const wt = s.run('Transpose', { x: rev }, { perm: [0, 1, 3, 2] });
    // Rows needed for output rows 0..hMax-1 of this phase: dy[i + q - (mh-1) + m'].
    const top = mh - 1 - q;
    const left = mw - 1 - p;
    const dp = s.padOrCrop(dy, top, hMax + mh - 1 - top - oh, left, wMax + mw - 1 - left - ow);
    return s.run('Conv2D', { x: dp, filter: wt }, {
      strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined,
    } as unknown as NamedAttrMap); // [n, hMax, wMax, ci]
  };
  const rows: TensorInfo[] = [];
  for (let a = 0; a < sh; a++) {
    const cols: TensorInfo[] = [];
    for (let b = 0; b < sw; b++) cols.push(s.run('Reshape', { x: phase(a, b) }, { shape: [n * hMax, wMax, 1, ci] }));
    const cc = sw === 1 ? cols[0] : s.run('Concat', cols as unknown as NamedTensorInfoMap, { axis: 2 });
    rows.push(s.run('Reshape', { x: cc }, { shape: [n, hMax, 1, wMax * sw * ci] }));
  }
  const rr = sh === 1 ? rows[0] : s.run('Concat', rows as unknown as NamedTensorInfoMap, { axis: 2 });
  const full = s.run('Reshape', { x: rr }, { shape: [n, hMax * sh, wMax * sw, ci] });
  const out = hMax * sh === h && wMax * sw === w ? full : s.run('Slice', { x: full }, { begin: [0, 0, 0, 0], size: [n, h, w, ci] });
  s.free(out);
  return out;
}

/** Per (filter shape, stride, padding): where each entry of the phase-stacked filter comes from. */
interface StackedPlan { src: Int32Array; uh: number; uw: number; loH: number; hiH: number; loW: number; hiW: number }
const stackedPlans = new Map<string, StackedPlan>();

/** Phase a of one axis: first filter tap R, dy offset c0 and tap count mh (taps R, R+s, ...). */
function phases(k: number, s: number, pad: number): { R: number; c0: number; m: number }[] {
  return Array.from({ length: s }, (_, a) => ({ R: (a + pad) % s, c0: Math.floor((a + pad) / s), m: Math.max(0, Math.ceil((k - ((a + pad) % s)) / s)) }));
}

function stackedPlan(kh: number, kw: number, ci: number, co: number, s: number, pt: number, pl: number): StackedPlan {
  const key = [kh, kw, ci, co, s, pt, pl].join(',');
  const hit = stackedPlans.get(key);
  if (hit) return hit;
  const ph = phases(kh, s, pt);
  const pw = phases(kw, s, pl);
  const span = (p: typeof ph) => {
    const used = p.filter((q) => q.m > 0);
    return { lo: Math.min(...used.map((q) => q.c0 - (q.m - 1))), hi: Math.max(...used.map((q) => q.c0)) };
  };
  const { lo: loH, hi: hiH } = span(ph);
  const { lo: loW, hi: hiW } = span(pw);
  const uh = hiH - loH + 1;
  const uw = hiW - loW + 1;
  const oc = s * s * ci;
  const src = new Int32Array(uh * uw * co * oc).fill(-1);
  for (let a = 0; a < s; a++) {
    for (let b = 0; b < s; b++) {
      for (let mi = 0; mi < ph[a].m; mi++) {
        for (let mj = 0; mj < pw[b].m; mj++) {
          const i = ph[a].R + s * mi;
          const j = pw[b].R + s * mj;
          const u = ph[a].c0 - mi - loH;
          const v = pw[b].c0 - mj - loW;
          for (let o = 0; o < co; o++) {
            for (let c = 0; c < ci; c++) src[((u * uw + v) * co + o) * oc + (a * s + b) * ci + c] = ((i * kw + j) * ci + c) * co + o;
          }
        }
      }
    }
  }
  const plan = { src, uh, uw, loH, hiH, loW, hiW };
  stackedPlans.set(key, plan);
  return plan;
}

/**
 * Strided dx as ONE stride-1 convolution: the s*s output phases of the phased method become
 * s*s groups of output channels (a filter assembled in JS from the current weights, zero where
 * a phase has fewer taps), then one Transpose interleaves them. One XNNPACK call with s*s times
 * the output channels instead of s*s small ones plus their pads/concats; needs equal strides
 * and the WASM heap accessors (else the phased version runs).
 */
export function conv2dBackpropInputStacked(bname: string, backend: Backend, dy: TensorInfo, filter: TensorInfo, attrs: NamedAttrMap): TensorInfo {
  const inputShape = attrs.inputShape as number[];
  const info = convInfoOf(inputShape, filter.shape, attrs);
  const [kh, kw, ci, co] = filter.shape;
  const [n, h, w] = inputShape;
  const { strideHeight: s, strideWidth: sw, outHeight: oh, outWidth: ow, padInfo } = info;
  if (s !== sw || !backend.typedArrayFromHeap || !backend.makeOutput) return conv2dBackpropInputPhased(bname, backend, dy, filter, attrs);
  const plan = stackedPlan(kh, kw, ci, co, s, padInfo.top, padInfo.left);
  const f = backend.typedArrayFromHeap(filter);
  const vals = new Float32Array(plan.src.length);
  for (let k = 0; k < vals.length; k++) {
    const j = plan.src[k];
    if (j >= 0) vals[k] = f[j];
  }
  const sc = new Scratch(bname, backend);
  const wt = backend.makeOutput([plan.uh, plan.uw, co, s * s * ci], 'float32', undefined, vals);
  const hMax = Math.ceil(h / s);
  const wMax = Math.ceil(w / s);
  // Output row q of every phase reads dy rows q + loH .. q + hiH.
  const dp = sc.padOrCrop(dy, -plan.loH, hMax - 1 + plan.hiH - (oh - 1), -plan.loW, wMax - 1 + plan.hiW - (ow - 1));
  const conv = sc.run('Conv2D', { x: dp, filter: wt }, {
    strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1], dimRoundingMode: undefined,
  } as unknown as NamedAttrMap); // [n, hMax, wMax, s*s*ci]
  // Interleave the phases: [n*hMax, wMax, a, (b, ci)] -> [n*hMax, a, wMax, (b, ci)]. A rank-4
  // Transpose runs at copy speed here; the DepthToSpace kernel measured ~10x slower.
  const r4 = sc.run('Reshape', { x: conv }, { shape: [n * hMax, wMax, s, s * ci] });
  const tr = sc.run('Transpose', { x: r4 }, { perm: [0, 2, 1, 3] });
  const full = sc.run('Reshape', { x: tr }, { shape: [n, hMax * s, wMax * s, ci] });
  const out = hMax * s === h && wMax * s === w ? full : sc.run('Slice', { x: full }, { begin: [0, 0, 0, 0], size: [n, h, w, ci] });
  sc.free(out);
  backend.disposeData(wt.dataId);
  return out;
}

let registered = false;

/**
 * Registers Conv2DBackpropFilter and a faster Conv2DBackpropInput for the 'wasm' backend.
 * Idempotent. Call after the WASM backend module is loaded.
 */
export function registerWasmGradientKernels(): void {
  if (registered) return;
  const filterCfg: KernelConfig = {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) =>
      conv2dBackpropFilterVia('wasm', backend as unknown as Backend, inputs.x as TensorInfo, inputs.dy as TensorInfo, attrs as NamedAttrMap),
  };
  const inputCfg: KernelConfig = {
    kernelName: 'Conv2DBackpropInput',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) =>
      (process.env.FROGPOND_WASM_DX === 'dilate' || [attrs!.strides].flat().every((v) => v === 1)
        ? conv2dBackpropInputVia : process.env.FROGPOND_WASM_DX === 'phased' ? conv2dBackpropInputPhased : conv2dBackpropInputStacked)('wasm', backend as unknown as Backend, inputs.dy as TensorInfo, inputs.filter as TensorInfo, attrs as NamedAttrMap),
  };
  if (getKernel('Conv2DBackpropFilter', 'wasm')) unregisterKernel('Conv2DBackpropFilter', 'wasm');
  if (getKernel('Conv2DBackpropInput', 'wasm')) unregisterKernel('Conv2DBackpropInput', 'wasm');
  registerKernel(filterCfg);
  registerKernel(inputCfg);
  registered = true;
}
