import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` as a user runs it: a real process on a fresh data directory. Proves the first-run
 * admin, the database settings, and a graceful shutdown that lets in-flight requests finish.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'foodbank-process-'));
const webDist = path.join(dir, 'web');
mkdirSync(webDist);
// A freshly written index.html counts as built, so the test does not run a Vite build.
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>푸드뱅크</title>');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, DATA_DIR: dir, WEB_DIST_DIR: webDist, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout!.on('data', () => {
      const match = /running at (http:\/\/\S+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => reject(new Error(`server exited:\n${output}`)));
  });
  return { child, url, output: () => output, exited };
}

const login = (url: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@foodbank.local', password }),
  });

describe('the server process', () => {
  let password = '';

  it('creates the first food bank and prints a generated admin password once', async () => {
    const server = await start();
    const match = /Admin password \(shown once[^)]*\): (\S+)/.exec(server.output());
    expect(match).not.toBeNull();
    password = match![1]!;
    expect((await login(server.url, password)).status).toBe(200);
    // The password appears in the start-up notice only, never in a log line.
    expect(server.output().split(password).length - 1).toBe(1);

    const db = new Database(path.join(dir, 'foodbank.db'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  });

  it('lets an in-flight request finish on SIGTERM, then closes the database cleanly', async () => {
    const server = await start();
    expect(server.output()).not.toContain('Admin password');
    // A login spends tens of milliseconds in scrypt: the signal arrives while it is in flight.
    const inFlight = login(server.url, password);
    await new Promise((resolve) => setTimeout(resolve, 15));
    server.child.kill('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).tokenType).toBe('Bearer');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('shutting down');
    // The WAL was checkpointed into the main file and truncated on close.
    const wal = path.join(dir, 'foodbank.db-wal');
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
  });
});
