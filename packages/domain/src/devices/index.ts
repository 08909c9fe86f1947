export * from './device-kinds';
export * from './device-lifecycle';
export * from './device-check';
export * from './new-device';
