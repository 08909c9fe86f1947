// Browser-safe: the web computes the same deadlines from the calendar rows the server sends.
export * from './trigger-events';
export * from './deadline-rules';
export * from './compute-deadline';
export * from './deadline-status';
export * from './evaluate-deadline';
