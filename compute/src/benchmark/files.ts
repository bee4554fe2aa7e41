// The pure file formats of benchmarks (NPY, tar, score files): no TensorFlow.js, so the API process can load them.
export * from './npy';
export * from './tar';
export * from './score-file';
