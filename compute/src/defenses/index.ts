export * from './defense.hook';
export * from './pixel-clustering.defense';
export * from './training-dynamics.defense';
export * from './deep-knn.defense';
export * from './defense-metrics';
