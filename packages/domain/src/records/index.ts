export * from './record-kinds';
export * from './catalog';
export * from './validate-record';
