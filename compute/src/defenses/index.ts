export * from './defense.hook';
export * from './pixel-clustering.defense';
