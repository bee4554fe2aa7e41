export * from './train-config';
export * from './train.types';
export * from './presets';
export * from './optimizer';
export * from './train';
export * from './model-weights';
