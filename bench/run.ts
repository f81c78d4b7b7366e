import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { authSuite } from './suites/auth.js';
import { intakeSuite } from './suites/intake.js';
import { matchingSuite } from './suites/matching.js';
import { stockLookupSuite } from './suites/stock-lookup.js';
import type { BenchContext, SuiteResult } from './types.js';

/**
 * `npm run bench`: each suite measures the product against a baseline in the same run and reports
 * ratios, which stay meaningful on a noisy machine where absolute numbers do not.
 */
const SUITES: Record<string, (context: BenchContext) => Promise<SuiteResult>> = {
  auth: authSuite,
  intake: intakeSuite,
  matching: matchingSuite,
  'stock-lookup': stockLookupSuite,
};

const durationSeconds = Number(process.env.BENCH_DURATION_SECONDS || 5);
const rounds = Number(process.env.BENCH_ROUNDS || 2);
const only = process.argv.slice(2);

const results: Record<string, SuiteResult> = {};
let missed = 0;
for (const [name, suite] of Object.entries(SUITES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  const dataDir = mkdtempSync(path.join(tmpdir(), `foodbank-bench-${name}-`));
  const webDistDir = path.join(dataDir, 'web');
  mkdirSync(webDistDir);
  writeFileSync(path.join(webDistDir, 'index.html'), '<!doctype html>');
  try {
    console.log(`\n== ${name}`);
    const result = await suite({ dataDir, webDistDir, durationSeconds, rounds });
    results[name] = result;
    for (const m of result.measurements) {
      const detail = Object.entries(m)
        .filter(([key]) => key !== 'name')
        .map(([key, value]) => `${key}=${value}`)
        .join('  ');
      console.log(`  ${m.name.padEnd(34)} ${detail}`);
    }
    for (const ratio of result.ratios) {
      const ok = ratio.atMost ? ratio.value <= ratio.target : ratio.value >= ratio.target;
      if (!ok) missed++;
      const target = `${ratio.atMost ? '≤' : '≥'} ${ratio.target}`;
      console.log(`  ratio ${ratio.name}: ${ratio.value.toFixed(2)} (target ${target}) ${ok ? 'PASS' : 'MISS'}`);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/results.json',
  JSON.stringify({ at: new Date().toISOString(), node: process.version, durationSeconds, rounds, results }, null, 2) + '\n',
);
console.log(`\nwrote bench/results.json${missed ? ` — ${missed} target(s) missed` : ''}`);
process.exitCode = missed ? 1 : 0;
