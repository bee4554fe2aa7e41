// Pure, dependency-free density module: safe to import from the server without loading TensorFlow.js.
export * from './density-expression';
export * from './density-validation';
export * from './builtin-densities';
