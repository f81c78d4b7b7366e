import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_SOURCES = ['web/src', 'web/messages', 'web/index.html', 'vite.config.ts'].map((p) => path.join(ROOT, p));

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(target).reduce((max, name) => Math.max(max, newestMtime(path.join(target, name))), stat.mtimeMs);
}

/** True when the built app is missing or older than its sources (after a pull, say). */
export function webBuildIsStale(distDir: string): boolean {
  const index = path.join(distDir, 'index.html');
  if (!existsSync(index)) return true;
  const sourcesExist = WEB_SOURCES.some((p) => existsSync(p));
  return sourcesExist && Math.max(...WEB_SOURCES.map(newestMtime)) > statSync(index).mtimeMs;
}

/** Builds the web app with Vite when it is not built yet, so `npm start` is the only command needed. */
export async function ensureWebBuilt(distDir: string, log: (message: string) => void): Promise<void> {
  if (!webBuildIsStale(distDir)) return;
  log('Building the web app…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: distDir, emptyOutDir: true } });
}
