import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry point in its own process, so the load generator never shares its event
 * loop, and resolves with the URL it prints. Its output goes to a file, not a pipe: reading a
 * pipe of per-request log lines would tax the load generator during the run.
 */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  urlPattern: RegExp,
  outputFile: string,
): Promise<RunningServer> {
  const fd = openSync(outputFile, 'w');
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = urlPattern.exec(readFileSync(outputFile, 'utf8'));
    if (match) return { url: match[1]!, stop: () => (child.kill('SIGTERM'), exit) };
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${entry} did not start:\n${readFileSync(outputFile, 'utf8')}`);
    }
    await sleep(100);
  }
}
