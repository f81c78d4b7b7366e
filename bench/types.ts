import type { LoadResult } from './lib/load.js';

export interface BenchContext {
  /** A fresh temporary directory for the suite's database. */
  dataDir: string;
  /** A stand-in web build: the bench measures the API and should not wait for a Vite build. */
  webDistDir: string;
  durationSeconds: number;
  rounds: number;
}

export interface Ratio {
  name: string;
  value: number;
  /** The ratio must be at least this, or at most this when `atMost` is set. */
  target: number;
  atMost?: boolean;
}

export interface Measurement {
  name: string;
  [key: string]: string | number;
}

export interface SuiteResult {
  measurements: Array<LoadResult | Measurement>;
  ratios: Ratio[];
}
