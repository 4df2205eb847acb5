// Starts the real built server (server/dist/main.js) on a free port with a fresh SQLite file and the
// dev WeChat simulator, waits for /api/health, and stops it afterwards.
// E2E_BASE_URL=http://host:port skips all that and uses a server that is already running;
// E2E_SERVER_MAIN=/path/to/main.js starts another build of the server.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms (${last})`);
}

/** @returns {Promise<{ baseUrl: string, stop: () => Promise<void>, logs: () => string }>} */
export async function startServer() {
  if (process.env.E2E_BASE_URL) {
    const baseUrl = process.env.E2E_BASE_URL.replace(/\/$/, '');
    await waitForHealth(baseUrl, null, 10_000);
    return { baseUrl, stop: async () => {}, logs: () => '' };
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mc-e2e-'));
  const env = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'e2e.sqlite')}`,
    WECHAT_MODE: 'dev',
    NODE_ENV: 'test',
    MEDIA_DIR: join(dir, 'media'),
  };
  const main = process.env.E2E_SERVER_MAIN ?? join(repoRoot, 'server/dist/main.js');
  const child = spawn(process.execPath, [main], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n--- server output ---\n${output}`);
  }
  return {
    baseUrl,
    logs: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => {
            child.kill('SIGKILL');
            resolve();
          }, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
