// Browser-safe: the web client imports these so limits and choices are defined once.
export * from './case-source';
export * from './case-number';
export * from './new-case';
