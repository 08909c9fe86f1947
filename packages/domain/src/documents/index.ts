export * from './templates';
export * from './format-value';
export * from './problems';
