// Structured logs (pino). The redaction list is a second line of defence: no code path logs a
// body, key, token or signature in the first place.
import pino from 'pino';

export type Logger = pino.Logger;

export const REDACT_PATHS = [
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'signature',
  '*.signature',
  'message',
  'body',
  '*.body',
  'variables',
  '*.variables',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = { level, base: { service: 'parley-relay' }, redact: REDACT_PATHS };
  return destination === undefined ? pino(options) : pino(options, destination);
}
