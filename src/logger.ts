import { destination as fileDestination, pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger } from 'pino';

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Values that must never be written, whatever field or message they end up in (the bot token). */
  readonly secrets?: readonly string[];
  readonly destination?: DestinationStream;
}

const REDACTED = '[redacted]';

/**
 * Structured JSON logs. Redaction works at two depths: known secret-bearing fields are censored by
 * path, and any secret value is scrubbed from the serialized line, so a token that reaches a log
 * through an error message or a stray object is still never written.
 */
export function createLogger({ level, secrets = [], destination }: LoggerOptions): Logger {
  const values = secrets.filter((secret) => secret.length > 0);
  return pino(
    {
      level,
      base: { app: 'roots-bot' },
      redact: {
        paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization'],
        censor: REDACTED,
      },
      hooks: {
        streamWrite: (line) => values.reduce((scrubbed, secret) => scrubbed.replaceAll(secret, REDACTED), line),
      },
    },
    destination ?? fileDestination({ dest: 1, sync: false }),
  );
}
