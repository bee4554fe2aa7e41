export * from './defense.hook';
