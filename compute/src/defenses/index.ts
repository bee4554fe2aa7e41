export * from './defense.hook';
export * from './pixel-clustering.defense';
export * from './detection-metrics';
export * from './listed-removal.defense';
export * from './training-dynamics.defense';
export * from './deep-knn.defense';
export * from './defense-metrics';
