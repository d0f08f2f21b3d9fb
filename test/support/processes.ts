import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const CLI = path.join(__dirname, 'cli-process.js');

export interface Spawned {
  child: ChildProcess;
  /** Resolves with the exit code (or signal) and how long after `since` the process ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  output: () => string;
}

/**
 * Starts `claimtrack <args>` (serve, worker) as a real process with this environment (JSON logs on stdout),
 * resolving once a log line matches `ready`. Every process is recorded in `spawned` for `killAll`.
 */
export function spawnClaimtrack(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
  options: { nodeArgs?: string[] } = {},
): Promise<Spawned> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), CLI, ...args], {
    env: { ...process.env, LOG_LEVEL: 'info', CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  spawned.push(child);
  let out = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      if (ready.test(out)) resolve({ child, exited, output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d) => {
      out += d;
    });
    void exited.then(({ code }) => reject(new Error(`claimtrack ${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

const spawned: ChildProcess[] = [];

/** SIGKILLs every process a test spawned that is still running; resolves once they are gone. */
export async function killAll(): Promise<void> {
  const running = spawned.splice(0).filter((c) => c.exitCode === null && c.signalCode === null);
  await Promise.all(
    running.map(
      (c) =>
        new Promise<void>((resolve) => {
          c.once('exit', () => resolve());
          c.kill('SIGKILL');
        }),
    ),
  );
}

/** The port a `serve` process logged it listens on. */
export function listeningPort(output: string): number {
  const m = /"port":(\d+)/.exec(output);
  if (!m) throw new Error(`no port in ${output}`);
  return Number(m[1]);
}
