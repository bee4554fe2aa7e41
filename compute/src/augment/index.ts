export * from './augment';
export * from './geometry';
