/** Structured JSON logs (pino): one line per event, with the request ID where there is one. */
import { pino } from 'pino';

export const log = pino({
  level: process.env.LOG_LEVEL || 'info',
  base: { service: 'jingzhun' },
  redact: ['req.headers.authorization'],
});
