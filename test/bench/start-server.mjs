import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');

export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Starts the built server (`server/dist/main.js`) on a fresh, seeded SQLite file and waits for health. */
export async function startServer(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-'));
  const port = await freePort();
  const dbPath = join(dir, 'bench.sqlite');
  const child = spawn(process.execPath, [join(REPO, 'server/dist/main.js')], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: `sqlite:${dbPath}`, WECHAT_MODE: 'dev', LOG_LEVEL: 'warn', SCHEDULERS: '0', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    dbPath,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
