import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { DatabaseConfig } from '../../src/config/app-config';
import { startRoundRobinProxy } from './round-robin-proxy';

export interface ServerProcess {
  base: string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export function databaseUrl(database: DatabaseConfig): string {
  return database.type === 'sqlite' ? `sqlite:${database.path}` : database.url;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
    server.on('error', reject);
  });
}

/** Runs the built server (`server/dist/main.js`) as its own process, as production does. */
export async function startServerProcess(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '../../dist/main.js')], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      JWT_SECRET: 'reliability-test-secret-0123456789',
      LOG_LEVEL: 'warn',
      PORT: String(chosen),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${chosen}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    // Five minutes: on a machine shared with other suites, migrating a fresh MariaDB database can take longer than 30 s.
    if (i === 3000) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer /api/health within 300 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    kill: (signal = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** How many API processes the reliability specs run: `TEST_PROCESSES=2` puts two behind a round-robin proxy. */
function processCount(): number {
  const count = Number(process.env.TEST_PROCESSES ?? 1);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`TEST_PROCESSES must be a positive integer (got "${process.env.TEST_PROCESSES}")`);
  return count;
}

export interface ServerCluster {
  /** Where clients talk to: the proxy with several processes, the process itself with one. */
  base: string;
  size: number;
  /** Requests each process received through the proxy (empty with one process). */
  hits: number[];
  /** SIGKILLs process `index` (default: the first); with several, the others keep serving. */
  kill(index?: number): Promise<void>;
  /** Starts process `index` again on its port and puts it back in rotation. */
  restart(index?: number): Promise<void>;
  /** Starts every killed process again. */
  restartStopped(): Promise<void>;
  close(): Promise<void>;
}

/**
 * N built servers on one database, as production runs them behind a load balancer. They start together
 * (migrations and the demo seed take a database lock); `PUBLIC_URL` is the balancer, so what the app tells
 * others to call (the dev simulator's notify URL) goes through it too.
 */
export async function startServerCluster(
  env: Record<string, string> | ((base: string) => Record<string, string>),
  size = processCount(),
): Promise<ServerCluster> {
  const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
  const backends = ports.map((port) => `http://127.0.0.1:${port}`);
  const proxy = size > 1 ? await startRoundRobinProxy(backends) : undefined;
  const base = proxy?.base ?? backends[0];
  const envOf = { PUBLIC_URL: base, ...(typeof env === 'function' ? env(base) : env) };
  const processes: (ServerProcess | undefined)[] = await Promise.all(
    ports.map((port) => startServerProcess(envOf, port)),
  );
  const cluster: ServerCluster = {
    base,
    size,
    hits: proxy?.hits ?? [],
    async kill(index = 0) {
      proxy?.setUp(index, false);
      await processes[index]?.kill('SIGKILL');
      processes[index] = undefined;
    },
    async restart(index = 0) {
      await processes[index]?.kill('SIGKILL');
      processes[index] = await startServerProcess(envOf, ports[index]);
      proxy?.setUp(index, true);
    },
    async restartStopped() {
      for (const index of ports.keys()) if (!processes[index]) await cluster.restart(index);
    },
    async close() {
      await Promise.all(processes.map((server) => server?.kill('SIGKILL')));
      await proxy?.close();
    },
  };
  return cluster;
}
