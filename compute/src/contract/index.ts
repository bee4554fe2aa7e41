/**
 * The trial contract: every attack, defense, algorithm, preset/dataset pairing and training override, defined once
 * with zod. The server, the web and the CLI derive their validation, forms and help from here.
 */
export * from './params';
export * from './attack.schema';
export * from './defense.schema';
export * from './training.schema';
export * from './trial.schema';
export * from './contract-error';
export * from './describe';
export * from './code-version';
export * from './trial-command';
