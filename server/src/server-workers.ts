import cluster from 'node:cluster';

/** A worker that dies this soon after starting is not restarted (a boot error would otherwise loop forever). */
const RESTART_AFTER_MS = 5_000;

/**
 * `SERVER_WORKERS` processes sharing one port (node:cluster hands each connection to the next worker). Every process
 * is an ordinary API process: whatever several processes must share lives in the database (docs/operations.md), so
 * workers need nothing from each other. The primary only forks, restarts a worker that crashed, and passes
 * SIGTERM/SIGINT on so each worker finishes its requests.
 */
export function runWorkers(count: number): void {
  const startedAt = new Map<number, number>();
  let stopping = false;
  const fork = (): void => {
    const worker = cluster.fork();
    startedAt.set(worker.id, Date.now());
  };
  for (let i = 0; i < count; i++) fork();
  cluster.on('exit', (worker, code, signal) => {
    const ranMs = Date.now() - (startedAt.get(worker.id) ?? 0);
    startedAt.delete(worker.id);
    if (stopping) {
      if (startedAt.size === 0) process.exit(0);
      return;
    }
    process.stderr.write(`API worker ${worker.process.pid} exited (${signal ?? code})\n`);
    if (ranMs >= RESTART_AFTER_MS) fork();
    else if (startedAt.size === 0) process.exit(1);
  });
  const stop = (signal: NodeJS.Signals): void => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    if (startedAt.size === 0) process.exit(0);
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

/** The primary of a cluster forks; a worker (or a single process) serves. */
export function isClusterPrimary(count: number): boolean {
  return count > 1 && cluster.isPrimary;
}

/** In a worker: the first one prints the start-up banner, the others stay quiet. */
export function isFirstWorker(): boolean {
  return cluster.isPrimary || cluster.worker?.id === 1;
}
