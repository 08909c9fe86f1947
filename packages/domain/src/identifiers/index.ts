export * from './credit-code';
export * from './phone';
export * from './resident-id';
