// Small helpers for the set-up scripts: finding executables and installing Debian packages with apt-get.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Full path of an executable on PATH, or undefined. sbin folders are searched too: mariadbd lives there. */
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

export function canUseApt() {
  return process.platform === 'linux' && process.getuid?.() === 0 && Boolean(findCommand('apt-get'));
}

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Runs a command, passing each output line to `log` (apt's progress), and resolves with its exit code. */
function runLogged(command, args, log) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop();
        for (const line of lines) if (line.trim()) log(`  ${line}`);
      });
      stream.on('end', () => rest.trim() && log(`  ${rest}`));
    }
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

// Fresh containers ship without package lists; `apt-get update` is slow, so only run it when apt knows nothing.
function aptListsMissing(packages) {
  let lists = [];
  try {
    lists = readdirSync('/var/lib/apt/lists').filter((file) => file.endsWith('_Packages'));
  } catch {}
  if (lists.length === 0) return true;
  return packages.some((name) => spawnSync('apt-cache', ['show', '--no-all-versions', name], { stdio: 'ignore' }).status !== 0);
}

/** apt-get install (as root), running apt-get update first when needed, or once more when the lists are stale. */
export async function aptInstall(packages, { log = console.log } = {}) {
  const started = Date.now();
  const update = async () => {
    log('apt-get update…');
    if ((await runLogged('apt-get', ['update'], log)) !== 0) throw new Error('apt-get update failed');
  };
  const install = () =>
    runLogged('apt-get', ['install', '-y', '--no-install-recommends', '-o', 'Dpkg::Use-Pty=0', ...packages], log);

  let updated = false;
  if (aptListsMissing(packages)) {
    await update();
    updated = true;
  }
  log(`apt-get install ${packages.join(' ')}…`);
  let code = await install();
  if (code !== 0 && !updated) {
    await update();
    code = await install();
  }
  if (code !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed (exit ${code})`);
  log(`installed ${packages.join(' ')} in ${seconds(started)}`);
}
