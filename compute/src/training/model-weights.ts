/**
 * A trained network's weights as plain arrays: the warm start of trainSemiSupervised (end-to-end retraining from a
 * pre-trained network) and the on-disk cache of pre-trained feature extractors both go through this form.
 */
import * as tf from '@tensorflow/tfjs-core';
import { createModel } from '../models/architectures';
import { predictWith } from '../models/layers';
import { Model } from '../models/model.types';
import { resolveTrainConfig } from './presets';
import { TrainConfigInput } from './train-config';
import { TrainedModel } from './train.types';

export interface WeightTensor {
  shape: number[];
  values: Float32Array;
}

/** Trainable parameters and batch-norm statistics, in the order of Model.variables and Model.state. */
export interface ModelWeights {
  variables: WeightTensor[];
  state: WeightTensor[];
}

const MAGIC = 'FPWTv1\0\0';

function bad(msg: string): Error {
  return Object.assign(new Error(msg), { code: 'BAD_USER_INPUT' });
}

const snapshot = (t: tf.Tensor): WeightTensor => ({ shape: t.shape.slice(), values: Float32Array.from(t.dataSync() as Float32Array) });

/**
 * The weights a trained model predicts with: its EMA weights (not the live ones) and its batch-norm statistics.
 */
export function exportWeights(model: Pick<TrainedModel, 'network' | 'emaWeights'>): ModelWeights {
  return { variables: model.emaWeights.map(snapshot), state: model.network.state.map(snapshot) };
}

/** Duck-typed check for a TrainedModel of this package (the trial engine passes models around as TrialModel). */
export function isTrainedModel(m: unknown): m is TrainedModel {
  const o = m as Partial<TrainedModel> | null;
  return !!o && typeof o === 'object' && !!o.network && Array.isArray(o.emaWeights) && Array.isArray(o.network.state);
}

/** Assigns `weights` to `model`'s variables and state; throws BAD_USER_INPUT when the architectures differ. */
export function loadWeightsInto(model: Model, weights: ModelWeights): void {
  const check = (vars: tf.Variable[], ws: WeightTensor[], what: string) => {
    if (vars.length !== ws.length) throw bad(`warm start: ${ws.length} ${what} tensors for a model with ${vars.length}`);
    vars.forEach((v, i) => {
      if (v.shape.join('x') !== ws[i].shape.join('x')) throw bad(`warm start: ${what} ${i} has shape ${ws[i].shape.join('x')}, the model ${v.shape.join('x')}`);
    });
  };
  check(model.variables, weights.variables, 'variable');
  check(model.state, weights.state, 'state');
  const assign = (vars: tf.Variable[], ws: WeightTensor[]) =>
    vars.forEach((v, i) => tf.tidy(() => v.assign(tf.tensor(ws[i].values, ws[i].shape))));
  assign(model.variables, weights.variables);
  assign(model.state, weights.state);
}

/**
 * Rebuilds a TrainedModel from saved weights (the architecture comes from the config). Its EMA weights are its
 * variables: a restored model predicts exactly like the one whose weights were exported.
 */
export function restoreTrainedModel(configInput: TrainConfigInput, inputShape: [number, number, number], numClasses: number, weights: ModelWeights): TrainedModel {
  const config = resolveTrainConfig(configInput);
  // The init seed is irrelevant: every variable is overwritten.
  const model = createModel(config.model, inputShape, numClasses, 0);
  try {
    loadWeightsInto(model, weights);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return {
    network: model, emaWeights: model.variables, numClasses, inputShape,
    predict: (x, n, bs) => predictWith(model, model.variables, x, n, bs),
    apply: (x, training = false) => model.applyWith(model.variables, x, { training, updateStats: false }),
    features: (x) => tf.tidy(() => model.applyWith(model.variables, x, { training: false }).features),
    dispose: () => model.dispose(),
  };
}

/** Binary form: magic, tensor counts, then per tensor its rank, dims and float32 values (little endian). */
export function encodeWeights(w: ModelWeights): Buffer {
  const all = [...w.variables, ...w.state];
  const parts: Buffer[] = [];
  const head = Buffer.alloc(16);
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(w.variables.length, 8);
  head.writeUInt32LE(w.state.length, 12);
  parts.push(head);
  for (const t of all) {
    const dims = Buffer.alloc(4 * (t.shape.length + 1));
    dims.writeUInt32LE(t.shape.length, 0);
    t.shape.forEach((s, i) => dims.writeUInt32LE(s, 4 * (i + 1)));
    const vals = Buffer.alloc(4 * t.values.length);
    t.values.forEach((v, i) => vals.writeFloatLE(v, 4 * i));
    parts.push(dims, vals);
  }
  return Buffer.concat(parts);
}

/** Inverse of encodeWeights; throws on a truncated or foreign file. */
export function decodeWeights(b: Buffer): ModelWeights {
  if (b.length < 16 || b.toString('latin1', 0, 8) !== MAGIC) throw new Error('not a frogpond weights file');
  const nv = b.readUInt32LE(8);
  const ns = b.readUInt32LE(12);
  let off = 16;
  const need = (n: number) => {
    if (off + n > b.length) throw new Error('truncated weights file');
  };
  const read = (): WeightTensor => {
    need(4);
    const rank = b.readUInt32LE(off);
    need(4 * (rank + 1));
    const shape = Array.from({ length: rank }, (_, i) => b.readUInt32LE(off + 4 * (i + 1)));
    off += 4 * (rank + 1);
    const size = shape.reduce((a, s) => a * s, 1);
    need(4 * size);
    const values = new Float32Array(size);
    for (let i = 0; i < size; i++) values[i] = b.readFloatLE(off + 4 * i);
    off += 4 * size;
    return { shape, values };
  };
  const variables = Array.from({ length: nv }, read);
  const state = Array.from({ length: ns }, read);
  if (off !== b.length) throw new Error(`weights file has ${b.length - off} trailing bytes`);
  return { variables, state };
}
