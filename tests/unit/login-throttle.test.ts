import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../server/domain/login-throttle.js';

describe('LoginThrottle', () => {
  const minute = 60_000;

  it('locks a key after the limit of failures within the window', () => {
    const throttle = new LoginThrottle(3, 15 * minute);
    throttle.recordFailure('kim@example.org', 0);
    throttle.recordFailure('kim@example.org', minute);
    expect(throttle.retryAfterSeconds('kim@example.org', minute)).toBe(0);
    throttle.recordFailure('kim@example.org', 2 * minute);
    // The oldest failure (t=0) leaves the window at 15 min, so the lock lasts until then.
    expect(throttle.retryAfterSeconds('kim@example.org', 2 * minute)).toBe(13 * 60);
    expect(throttle.retryAfterSeconds('lee@example.org', 2 * minute)).toBe(0);
  });

  it('unlocks once old failures leave the window', () => {
    const throttle = new LoginThrottle(2, 10 * minute);
    throttle.recordFailure('k', 0);
    throttle.recordFailure('k', minute);
    expect(throttle.retryAfterSeconds('k', 5 * minute)).toBeGreaterThan(0);
    expect(throttle.retryAfterSeconds('k', 10 * minute)).toBe(0);
  });

  it('forgets failures after a successful sign-in', () => {
    const throttle = new LoginThrottle(2, 10 * minute);
    throttle.recordFailure('k', 0);
    throttle.reset('k');
    throttle.recordFailure('k', 1);
    expect(throttle.retryAfterSeconds('k', 2)).toBe(0);
  });

  it('stays bounded in memory under a flood of distinct keys', () => {
    const throttle = new LoginThrottle(1, 10 * minute, 100);
    for (let i = 0; i < 1000; i++) throttle.recordFailure(`user${i}`, i);
    const locked = Array.from({ length: 1000 }, (_, i) => throttle.retryAfterSeconds(`user${i}`, 1000)).filter((s) => s > 0);
    expect(locked.length).toBeLessThanOrEqual(100);
    expect(throttle.retryAfterSeconds('user999', 1000)).toBeGreaterThan(0);
  });
});
