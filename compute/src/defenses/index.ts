export * from './defense.hook';
export * from './pixel-clustering.defense';
export * from './detection-metrics';
export * from './listed-removal.defense';
