/** The three architectures: MLP (toy), small CNN (mini), WRN-28-2 (paper). */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../data/prng';
import { buildModel, Ctx, ParamBuilder } from './layers';
import { Model } from './model.types';

export interface MlpOptions { hidden?: number[] }
export interface CnnOptions { widths?: number[] }
export interface WrnOptions { depth?: number; widen?: number; bnMomentum?: number; leak?: number }

export type ModelSpec =
  | ({ kind: 'mlp' } & MlpOptions)
  | ({ kind: 'cnn' } & CnnOptions)
  | ({ kind: 'wrn' } & WrnOptions);

/** MLP with ReLU hidden layers (default 64-64); features = last hidden layer. */
export function createMlp(inputShape: [number, number, number], numClasses: number, seed: number, opts: MlpOptions = {}): Model {
  const hidden = opts.hidden ?? [64, 64];
  const b = new ParamBuilder();
  let nin = inputShape[0] * inputShape[1] * inputShape[2];
  hidden.forEach((h, i) => {
    b.dense(`fc${i}`, nin, h);
    nin = h;
  });
  b.dense('out', nin, numClasses);
  const forward = (ctx: Ctx, x: tf.Tensor) => {
    let h = tf.reshape(x, [x.shape[0], -1]) as tf.Tensor2D;
    hidden.forEach((_, i) => (h = tf.relu(ctx.dense(`fc${i}`, h))));
    return { logits: ctx.dense('out', h), features: h };
  };
  return buildModel('mlp', inputShape, numClasses, b, forward, createRng(seed, 'init-mlp'), 0.01);
}

/**
 * Small CNN: conv3x3(w0) then one stride-2 conv3x3 per further width, each with BN + ReLU,
 * global average pooling and a linear classifier. Strided convs instead of max-pooling keep
 * every gradient on fast kernels.
 */
export function createSmallCnn(inputShape: [number, number, number], numClasses: number, seed: number, opts: CnnOptions = {}): Model {
  const widths = opts.widths ?? [16, 32, 64, 64];
  const b = new ParamBuilder();
  let cin = inputShape[2];
  widths.forEach((w, i) => {
    b.conv(`conv${i}`, 3, cin, w);
    b.bn(`bn${i}`, w);
    cin = w;
  });
  b.dense('out', cin, numClasses);
  const forward = (ctx: Ctx, x: tf.Tensor) => {
    let h: tf.Tensor = x;
    widths.forEach((_, i) => {
      h = tf.relu(ctx.bn(`bn${i}`, ctx.conv(`conv${i}`, h, i === 0 ? 1 : 2)));
    });
    const f = tf.mean(h, [1, 2]) as tf.Tensor2D;
    return { logits: ctx.dense('out', f), features: f };
  };
  return buildModel('cnn', inputShape, numClasses, b, forward, createRng(seed, 'init-cnn'), 0.05);
}

/**
 * Wide ResNet (default WRN-28-2) as in the FixMatch / MixMatch reference code: pre-activation
 * blocks, leaky ReLU 0.1, BN momentum 0.001, widths 16, 32w, 64w, 128w.
 */
export function createWideResNet(inputShape: [number, number, number], numClasses: number, seed: number, opts: WrnOptions = {}): Model {
  const depth = opts.depth ?? 28;
  const k = opts.widen ?? 2;
  const leak = opts.leak ?? 0.1;
  const nBlocks = (depth - 4) / 6;
  if (!Number.isInteger(nBlocks)) throw new Error(`WRN depth must be 6n+4, got ${depth}`);
  const widths = [16, 16 * k, 32 * k, 64 * k];
  const b = new ParamBuilder();
  b.conv('stem', 3, inputShape[2], widths[0]);
  const blocks: { name: string; cin: number; cout: number; stride: number; preact: boolean }[] = [];
  let cin = widths[0];
  for (let g = 0; g < 3; g++) {
    for (let i = 0; i < nBlocks; i++) {
      const cout = widths[g + 1];
      const name = `g${g}b${i}`;
      blocks.push({ name, cin, cout, stride: i === 0 && g > 0 ? 2 : 1, preact: g === 0 && i === 0 });
      b.bn(`${name}/bn1`, cin);
      b.conv(`${name}/conv1`, 3, cin, cout);
      b.bn(`${name}/bn2`, cout);
      b.conv(`${name}/conv2`, 3, cout, cout);
      if (cin !== cout) b.conv(`${name}/short`, 1, cin, cout);
      cin = cout;
    }
  }
  b.bn('final/bn', cin);
  b.dense('out', cin, numClasses);
  const act = (t: tf.Tensor) => tf.leakyRelu(t, leak);
  const forward = (ctx: Ctx, x: tf.Tensor) => {
    let h: tf.Tensor = ctx.conv('stem', x);
    for (const bl of blocks) {
      const o = act(ctx.bn(`${bl.name}/bn1`, h));
      // First block activates before the shortcut (as the reference "activate_before_residual").
      const shortcutIn = bl.cin !== bl.cout ? o : h;
      let r = ctx.conv(`${bl.name}/conv1`, o, bl.stride);
      r = ctx.conv(`${bl.name}/conv2`, act(ctx.bn(`${bl.name}/bn2`, r)));
      const s = bl.cin !== bl.cout ? ctx.conv(`${bl.name}/short`, shortcutIn, bl.stride) : shortcutIn;
      h = tf.add(r, s);
    }
    const f = tf.mean(act(ctx.bn('final/bn', h)), [1, 2]) as tf.Tensor2D;
    return { logits: ctx.dense('out', f), features: f };
  };
  return buildModel('wrn', inputShape, numClasses, b, forward, createRng(seed, 'init-wrn'), opts.bnMomentum ?? 0.001);
}

/** Creates a model from a spec with a seeded initialisation. */
export function createModel(spec: ModelSpec, inputShape: [number, number, number], numClasses: number, seed: number): Model {
  if (spec.kind === 'mlp') return createMlp(inputShape, numClasses, seed, spec);
  if (spec.kind === 'cnn') return createSmallCnn(inputShape, numClasses, seed, spec);
  return createWideResNet(inputShape, numClasses, seed, spec);
}
