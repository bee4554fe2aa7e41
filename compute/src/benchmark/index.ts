export * from './npy';
export * from './tar';
export * from './replicate';
export * from './score-file';
export * from './split-dir';
