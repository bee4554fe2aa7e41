export * from './select-backend';
export * from './batch-norm.op';
export * from './wasm-conv-grad.kernels';
