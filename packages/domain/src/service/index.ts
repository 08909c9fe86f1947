export * from './service-methods';
