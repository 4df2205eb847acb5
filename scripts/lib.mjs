// Helpers shared by the set-up scripts: running commands, finding executables, installing Debian packages.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..');

export const log = (message) => process.stdout.write(`${message}\n`);

export const secondsSince = (started) => ((Date.now() - started) / 1000).toFixed(1);

/**
 * Runs a command and resolves with { code, output }. Output is inherited unless `capture` (kept in `output`)
 * or `onLine(line, 'stdout' | 'stderr')` (called for each line instead of printing) is given.
 * Never rejects on a non-zero exit.
 */
export function run(command, args, { env = {}, cwd = REPO, capture = false, onLine } = {}) {
  return new Promise((done, fail) => {
    const piped = capture || Boolean(onLine);
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: piped ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    if (piped) {
      for (const name of ['stdout', 'stderr']) {
        const stream = child[name];
        let pending = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          output += chunk;
          if (!onLine) return;
          const lines = (pending + chunk).split('\n');
          pending = lines.pop();
          lines.forEach((line) => onLine(line, name));
        });
        stream.on('end', () => pending && onLine?.(pending, name));
      }
    }
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Full path of an executable, or undefined. The sbin folders are searched too: mariadbd lives there. */
export function findCommand(name) {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const dir of dirs.filter(Boolean)) {
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {}
  }
  return undefined;
}

export const canUseApt = () =>
  process.platform === 'linux' && process.getuid?.() === 0 && Boolean(findCommand('apt-get'));

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

// `apt-get update` takes a while, so it only runs when apt does not know a package (fresh container),
// or once more when an install fails (stale lists point at files the mirror no longer has).
function aptNeedsUpdate(packages) {
  let lists = [];
  try {
    lists = readdirSync('/var/lib/apt/lists').filter((file) => file.includes('_Packages'));
  } catch {}
  if (lists.length === 0) return true;
  return packages.some(
    (name) => spawnSync('apt-cache', ['show', '--no-all-versions', name], { stdio: 'ignore' }).status !== 0,
  );
}

/** apt-get install as root, printing apt's progress lines indented. Callers check canUseApt() first. */
export async function aptInstall(packages, { log: print = log } = {}) {
  const started = Date.now();
  const options = { env: { DEBIAN_FRONTEND: 'noninteractive' }, onLine: (line) => line.trim() && print(`  ${line}`) };
  const update = async () => {
    print('apt-get update…');
    if ((await run('apt-get', ['update'], options)).code !== 0) throw new Error('apt-get update failed');
  };
  const install = async () => {
    print(`apt-get install ${packages.join(' ')}…`);
    const args = ['install', '-y', '--no-install-recommends', '-o', 'Dpkg::Use-Pty=0', ...packages];
    return (await run('apt-get', args, options)).code === 0;
  };

  const updatedFirst = aptNeedsUpdate(packages);
  if (updatedFirst) await update();
  let installed = await install();
  if (!installed && !updatedFirst) {
    await update();
    installed = await install();
  }
  if (!installed) throw new Error(`apt-get install ${packages.join(' ')} failed`);
  print(`installed ${packages.join(' ')} in ${secondsSince(started)} s`);
}
