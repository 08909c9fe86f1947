export * from './file-type';
export * from './focus-items';
export * from './interruption-reasons';
export * from './continuity';
export * from './evidence-metadata';
export * from './retention';
export * from './disposal';
