/**
 * A key for an Idempotency-Key header. crypto.randomUUID exists only in secure contexts, and a food
 * bank may serve the app over plain http on its own network; getRandomValues works everywhere.
 */
export function newRequestKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
