import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  latencyP99Ms: number;
  errors: number;
  non2xx: number;
}

export interface LoadOptions {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  durationSeconds?: number;
  connections?: number;
}

/** Runs autocannon against one URL and reports the mean requests per second. */
export async function measure(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    method: options.method ?? 'GET',
    headers: options.headers ?? {},
    ...(options.body ? { body: options.body } : {}),
    duration: options.durationSeconds ?? 5,
    connections: options.connections ?? 20,
    pipelining: 1,
  });
  return {
    name: options.name,
    requestsPerSecond: Math.round(result.requests.average),
    latencyP99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** Alternates the two loads so drift in machine speed hits both, and keeps each one's best round. */
export async function compare(rounds: number, a: () => Promise<LoadResult>, b: () => Promise<LoadResult>) {
  let bestA: LoadResult | undefined;
  let bestB: LoadResult | undefined;
  for (let i = 0; i < rounds; i++) {
    const ra = await a();
    const rb = await b();
    if (!bestA || ra.requestsPerSecond > bestA.requestsPerSecond) bestA = ra;
    if (!bestB || rb.requestsPerSecond > bestB.requestsPerSecond) bestB = rb;
  }
  return { a: bestA!, b: bestB! };
}
