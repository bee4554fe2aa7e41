export * from './trial.types';
export * from './config-hash';
export * from './engine.types';
export { defaultEngine } from './engine';
export { runTrial } from './run-trial';
export { clearExtractorCache } from './extractor-cache';
export * from './matrix';
export { imageStripPng, imageShapeOf, sampleEvenly } from './png';
