import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { DatabaseConfig } from '../../src/config/app-config';

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
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: 'reliability-test-secret-0123456789', LOG_LEVEL: 'warn', PORT: String(chosen), ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += chunk));
  const base = `http://127.0.0.1:${chosen}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      // not listening yet
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
