export * from './backend';
export * from './data';
export * from './augment';
export * from './models';
export * from './algorithms';
export * from './training';
export * from './densities';
