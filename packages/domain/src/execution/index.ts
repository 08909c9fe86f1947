export * from './late-payment';
export * from './court-application';
export * from './performance';
