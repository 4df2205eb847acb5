import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..', '..');
export const BENCH_JWT_SECRET = 'bench-secret-0123456789abcdef-0123456789';

export async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Up to three minutes: on a machine shared with other work, migrating and seeding can take that long. */
async function waitFor(url, child) {
  for (let i = 0; i < 1800; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within 180 s`);
}

function stopper(child, cleanup = () => {}) {
  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    cleanup();
  };
}

/**
 * Starts the built server (`server/dist/main.js`) and waits for health. Without `databaseUrl` it gets a fresh,
 * seeded SQLite file. `nodeArgs` e.g. ['--cpu-prof', '--cpu-prof-dir=…'] to profile it.
 */
export async function startServer({ databaseUrl, env = {}, nodeArgs = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'mc-bench-'));
  const dbPath = join(dir, 'bench.sqlite');
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(REPO, 'server/dist/main.js')], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: databaseUrl ?? `sqlite:${dbPath}`,
      WECHAT_MODE: 'dev',
      JWT_SECRET: BENCH_JWT_SECRET,
      SEED_DEMO: '1',
      LOG_LEVEL: 'warn',
      SCHEDULERS: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}/api/health`, child);
  return {
    base,
    port,
    pid: child.pid,
    databaseUrl: databaseUrl ?? `sqlite:${dbPath}`,
    stop: stopper(child, () => rmSync(dir, { recursive: true, force: true })),
  };
}

/** Starts a bench helper script (e.g. a raw baseline server) with `args`, waiting until `probePath` answers. */
export async function startScript(script, args, probePath, { env = {}, nodeArgs = [] } = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, join(import.meta.dirname, '..', script), String(port), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  await waitFor(`${base}${probePath}`, child);
  return { base, port, pid: child.pid, stop: stopper(child) };
}

/** JSON over fetch; throws on a non-2xx answer. */
export async function json(base, path, { method = 'GET', token, body } = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : undefined;
}
