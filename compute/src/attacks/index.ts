export * from './interpolation.attack';
export * from './interpolation.craft';
export * from './feature-collision.attack';
export * from './linear-head';
export * from './evasion-source';
export * from './latent-codec';
