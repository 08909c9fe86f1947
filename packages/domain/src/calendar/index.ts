// Browser-safe: no chinese-days here; the official schedule is in ./official-calendar for the server to seed from.
export * from './iso-date';
export * from './work-calendar';
export * from './working-days';
