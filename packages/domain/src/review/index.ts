export * from './major-catalog';
export * from './major-grounds';
export * from './review-materials';
export * from './review-points';
export * from './review-deadline';
export * from './review-gate';
