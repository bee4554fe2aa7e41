/** In-memory image/vector datasets, NHWC flattened. */
export type DatasetName = 'moons' | 'blobs' | 'mnist' | 'fashion-mnist' | 'cifar10' | 'svhn' | 'stl10';

export interface LabeledArrays {
  /** NHWC flattened; Uint8Array 0..255 for images, Float32Array in [0,1] for toy data. */
  x: Uint8Array | Float32Array;
  y: Int32Array;
  n: number;
}

export interface Dataset {
  name: DatasetName;
  /** [height, width, channels]; toy 2-D data is [1, 1, 2]. */
  shape: [number, number, number];
  numClasses: number;
  /** Horizontal flips preserve labels (false for digits and toy data). */
  allowFlip: boolean;
  train: LabeledArrays;
  test: LabeledArrays;
  /** Extra unlabeled images without labels (STL-10 unlabeled_X.bin), when present. */
  extraUnlabeled?: { x: Uint8Array; n: number };
  /** sha256 of the source/cache bytes, when the dataset comes from files. */
  sha256?: string;
}

/** A semi-supervised split, float32 pixels in [0, 1]. */
export interface SslData {
  name: DatasetName | string;
  shape: [number, number, number];
  numClasses: number;
  allowFlip: boolean;
  labeled: { x: Float32Array; y: Int32Array; n: number };
  /** yTrue: true labels for evaluation only (never used by training); -1 for unknown (e.g. poisons). */
  unlabeled: { x: Float32Array; n: number; yTrue: Int32Array };
  test: { x: Float32Array; y: Int32Array; n: number };
}

/** Error for a missing, truncated or malformed dataset file; the message names the file. */
export class DatasetFileError extends Error {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'DatasetFileError';
  }
}

export function imageSize(shape: readonly number[]): number {
  return shape[0] * shape[1] * shape[2];
}
