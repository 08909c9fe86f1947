import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config';

// Personal data and secrets never reach the log (PIPL; SEC-1).
const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.creditCode',
];

export const loggerOptions = (config: Pick<Config, 'logLevel'>): FastifyServerOptions['logger'] => ({
  level: config.logLevel,
  redact: { paths: REDACT, censor: '[REDACTED]' },
});
