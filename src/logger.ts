import pino, { type Logger } from 'pino';

export type { Logger };

const BATCHED = Symbol('claimtrack.batchedLog');

/**
 * Structured JSON logs; pretty in a terminal. Keys and article bodies never reach the logs:
 * the auth header and any `body` field are redacted wherever they appear.
 *
 * On stdout, lines from a `batchedLog` child (one per HTTP request) are written in batches of 4 KB or once
 * a second instead of one write(2) each: at a few thousand requests a second that system call cost as much
 * as a listing's query. Every other line is written at once, with whatever batch is waiting before it, so
 * start-up, errors and shutdown appear when they happen. pino flushes at exit; a SIGKILL loses at most the
 * last second of request lines.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { pid: process.pid },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', 'body', '*.body', 'key', '*.key'],
      censor: '[redacted]',
    },
  };
  if (destination) return pino(options, destination);
  if (process.stdout.isTTY && !process.env.CI) {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true } } });
  }
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 1000 });
  return pino(
    {
      ...options,
      hooks: {
        logMethod(args, method) {
          method.apply(this, args);
          if (!(this as Logger & { [BATCHED]?: boolean })[BATCHED]) stdout.flush();
        },
      },
    },
    stdout,
  );
}

/** A child whose lines may wait for the next batch (see createLogger): for high-volume, routine lines. */
export function batchedLog(log: Logger): Logger {
  const child = log.child({}) as Logger & { [BATCHED]?: boolean };
  child[BATCHED] = true;
  return child;
}
