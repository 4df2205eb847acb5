import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..');

export const log = (message) => process.stdout.write(`${message}\n`);

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

export function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

export const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a command with inherited output; resolves with its exit code. `onLine` also sees every output line. */
export function run(command, args, { env = {}, cwd = REPO, onLine } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: onLine ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    if (onLine) {
      for (const stream of [child.stdout, child.stderr]) {
        let pending = '';
        stream.on('data', (chunk) => {
          const text = pending + chunk.toString();
          const lines = text.split('\n');
          pending = lines.pop();
          for (const line of lines) {
            (stream === child.stdout ? process.stdout : process.stderr).write(`${line}\n`);
            onLine(line);
          }
        });
        stream.on('end', () => pending && onLine(pending));
      }
    }
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** apt-get install, as root only, with `apt-get update` first when the package lists are empty. */
export async function aptInstall(packages, why) {
  if (!isRoot() || !commandExists('apt-get')) {
    throw new Error(`${why} needs ${packages.join(' ')}; install it (apt-get install ${packages.join(' ')}) or run as root`);
  }
  log(`installing ${packages.join(' ')} with apt-get (${why})…`);
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if ((await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env })) === 0) return;
  if ((await run('apt-get', ['update', '-q'], { env })) !== 0) throw new Error('apt-get update failed');
  if ((await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { env })) !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed`);
}
