export * from './model.types';
export * from './layers';
export * from './architectures';
