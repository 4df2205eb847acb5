import { createRequire } from 'node:module';

const autocannon = createRequire(import.meta.url)('autocannon');

/**
 * Drives `url` with autocannon (`connections` keep-alive connections, no pipelining) for `seconds` after a
 * one-second warm-up, and returns requests/s and latency percentiles (ms). Loopback only.
 */
export async function cannon({ url, headers = {}, connections = 16, seconds = 5, method = 'GET' }) {
  await autocannon({ url, headers, connections, duration: 1, method });
  const r = await autocannon({ url, headers, connections, duration: seconds, method });
  return {
    perSecond: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    failures: r.errors + r.timeouts + r.non2xx,
  };
}

export const fmt = (r) =>
  `${r.perSecond.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(1).padStart(5)} ms  p99 ${r.p99.toFixed(1).padStart(5)} ms  (${r.requests} requests, ${r.failures} failed)`;
