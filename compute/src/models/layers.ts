/**
 * A tiny functional layer kit on tf.variable: parameters are declared once (seeded init),
 * the forward function looks them up by name, so the same graph runs with the live weights
 * or with EMA weights.
 */
import * as tf from '@tensorflow/tfjs-core';
import { batchNormInfer, batchNormTrain } from '../backend/batch-norm.op';
import { Rng } from '../data/prng';
import { ForwardMode, Model, ModelKind, ModelOutput } from './model.types';

interface ParamSpec { name: string; shape: number[]; init: 'he' | 'glorot' | 'zeros' | 'ones'; decay: boolean; fanIn: number; fanOut: number }

/** Collects parameter specs while a model architecture is described. */
export class ParamBuilder {
  readonly specs: ParamSpec[] = [];
  readonly stateSpecs: { name: string; size: number; init: 0 | 1 }[] = [];
  conv(name: string, k: number, cin: number, cout: number): void {
    this.specs.push({ name: `${name}/w`, shape: [k, k, cin, cout], init: 'he', decay: true, fanIn: k * k * cin, fanOut: k * k * cout });
  }
  dense(name: string, nin: number, nout: number): void {
    this.specs.push({ name: `${name}/w`, shape: [nin, nout], init: 'glorot', decay: true, fanIn: nin, fanOut: nout });
    this.specs.push({ name: `${name}/b`, shape: [nout], init: 'zeros', decay: false, fanIn: nin, fanOut: nout });
  }
  bn(name: string, c: number): void {
    this.specs.push({ name: `${name}/gamma`, shape: [c], init: 'ones', decay: false, fanIn: c, fanOut: c });
    this.specs.push({ name: `${name}/beta`, shape: [c], init: 'zeros', decay: false, fanIn: c, fanOut: c });
    this.stateSpecs.push({ name: `${name}/mean`, size: c, init: 0 }, { name: `${name}/var`, size: c, init: 1 });
  }
}

/** Forward context: parameter lookup and layer helpers. */
export class Ctx {
  constructor(
    private readonly params: Map<string, tf.Tensor>,
    private readonly state: Map<string, tf.Variable>,
    readonly mode: ForwardMode,
    private readonly bnMomentum: number,
  ) {}
  p(name: string): tf.Tensor {
    const t = this.params.get(name);
    if (!t) throw new Error(`missing parameter ${name}`);
    return t;
  }
  conv(name: string, x: tf.Tensor, stride = 1): tf.Tensor4D {
    return tf.conv2d(x as tf.Tensor4D, this.p(`${name}/w`) as tf.Tensor4D, stride, 'same');
  }
  dense(name: string, x: tf.Tensor): tf.Tensor2D {
    return tf.add(tf.matMul(x as tf.Tensor2D, this.p(`${name}/w`) as tf.Tensor2D), this.p(`${name}/b`)) as tf.Tensor2D;
  }
  bn(name: string, x: tf.Tensor): tf.Tensor {
    const g = this.p(`${name}/gamma`) as tf.Tensor1D;
    const b = this.p(`${name}/beta`) as tf.Tensor1D;
    const rm = this.state.get(`${name}/mean`)!;
    const rv = this.state.get(`${name}/var`)!;
    if (!this.mode.training) return batchNormInfer(x, rm as tf.Tensor1D, rv as tf.Tensor1D, g, b);
    const r = batchNormTrain(x, g, b);
    if (this.mode.updateStats) {
      const m = this.bnMomentum;
      tf.tidy(() => {
        rm.assign(tf.add(tf.mul(rm, 1 - m), tf.mul(r.mean, m)));
        rv.assign(tf.add(tf.mul(rv, 1 - m), tf.mul(r.variance, m)));
      });
    }
    r.mean.dispose();
    r.variance.dispose();
    return r.y;
  }
}

export type ForwardFn = (ctx: Ctx, x: tf.Tensor) => { logits: tf.Tensor2D; features: tf.Tensor2D };

function initValues(s: ParamSpec, rng: Rng): Float32Array {
  const n = s.shape.reduce((a, b) => a * b, 1);
  const v = new Float32Array(n);
  if (s.init === 'ones') v.fill(1);
  else if (s.init === 'he') {
    // Kaiming normal (fan-out, as in the FixMatch reference WRN).
    const std = Math.sqrt(2 / s.fanOut);
    for (let i = 0; i < n; i++) v[i] = std * rng.normal();
  } else if (s.init === 'glorot') {
    const lim = Math.sqrt(6 / (s.fanIn + s.fanOut));
    for (let i = 0; i < n; i++) v[i] = rng.uniform(-lim, lim);
  }
  return v;
}

/** Builds a Model from parameter specs and a forward function, initialised from `rng`. */
export function buildModel(
  kind: ModelKind, inputShape: [number, number, number], numClasses: number,
  builder: ParamBuilder, forward: ForwardFn, rng: Rng, bnMomentum: number,
): Model {
  // Inside tidy: tf.variable keeps its own reference, the initial tensor is released.
  const variables = builder.specs.map((s) => tf.tidy(() => tf.variable(tf.tensor(initValues(s, rng), s.shape), true)));
  const names = builder.specs.map((s) => s.name);
  const stateMap = new Map<string, tf.Variable>();
  const state = builder.stateSpecs.map((s) => {
    const v = tf.tidy(() => tf.variable(tf.fill([s.size], s.init), false));
    stateMap.set(s.name, v);
    return v;
  });
  const applyWith = (weights: readonly tf.Tensor[], x: tf.Tensor, mode: ForwardMode): ModelOutput => {
    const params = new Map<string, tf.Tensor>(names.map((n, i) => [n, weights[i]]));
    const ctx = new Ctx(params, stateMap, mode, bnMomentum);
    const [n] = x.shape;
    const xs = x.rank === 4 ? x : tf.reshape(x, [n, ...inputShape]);
    return forward(ctx, xs);
  };
  const model: Model = {
    kind, inputShape, numClasses, variables, state,
    decay: builder.specs.map((s) => s.decay),
    apply: (x, training) => applyWith(variables, x, { training, updateStats: training }),
    applyWith,
    predict: (x, n, batchSize = 256) => predictWith(model, variables, x, n, batchSize),
    numParams: () => variables.reduce((a, v) => a + v.size, 0),
    dispose: () => {
      variables.forEach((v) => v.dispose());
      state.forEach((v) => v.dispose());
    },
  };
  return model;
}

/** Eval-mode softmax probabilities in batches, with the given weights. */
export function predictWith(model: Model, weights: readonly tf.Tensor[], x: Float32Array, n: number, batchSize = 256): Float32Array {
  const [h, w, c] = model.inputShape;
  const d = h * w * c;
  const K = model.numClasses;
  const out = new Float32Array(n * K);
  for (let i = 0; i < n; i += batchSize) {
    const m = Math.min(batchSize, n - i);
    const probs = tf.tidy(() => {
      const xb = tf.tensor4d(x.subarray(i * d, (i + m) * d), [m, h, w, c]);
      return tf.softmax(model.applyWith(weights, xb, { training: false }).logits);
    });
    out.set(probs.dataSync(), i * K);
    probs.dispose();
  }
  return out;
}
