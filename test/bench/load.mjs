/**
 * Runs `task` with `concurrency` workers for `seconds`, returns requests/s and latency percentiles.
 * Bounded in time and count; loopback only.
 */
export async function load(task, { concurrency = 16, seconds = 5, maxRequests = 200_000 } = {}) {
  const latencies = [];
  const deadline = performance.now() + seconds * 1000;
  let count = 0;
  let failures = 0;
  const worker = async () => {
    while (performance.now() < deadline && count < maxRequests) {
      count++;
      const start = performance.now();
      try {
        await task(count);
      } catch {
        failures++;
      }
      latencies.push(performance.now() - start);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  return { requests: latencies.length, failures, perSecond: latencies.length / elapsed, p50: pct(50), p99: pct(99) };
}

export const fmt = (r) => `${r.perSecond.toFixed(0).padStart(7)} req/s  p50 ${r.p50.toFixed(2).padStart(7)} ms  p99 ${r.p99.toFixed(2).padStart(7)} ms  (${r.requests} requests, ${r.failures} failed)`;
