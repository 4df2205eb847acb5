#!/usr/bin/env node
// A throwaway MariaDB for tests: installed with apt-get when missing, started as root in a temp folder
// on a free port, with user app/app allowed everything (tests create a database per test file).
//   import { startMariaDb } from './mariadb.mjs';  const db = await startMariaDb({ log });  …  await db.stop();
//   node scripts/mariadb.mjs   → prints MYSQL_URL=… and MYSQL_ADMIN_URL=…, stops on Ctrl-C.
// TEST_MYSQL_URL=mysql://user:pass@host:port/db uses that server instead and starts nothing.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { aptInstall, canUseApt, findCommand, freePort, run, secondsSince } from './lib.mjs';

const DATABASE = 'member_commerce';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;

export async function startMariaDb({ log = console.log } = {}) {
  if (process.env.TEST_MYSQL_URL) return useExternal(process.env.TEST_MYSQL_URL, log);

  const bin = await ensureInstalled(log);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'mc-mariadb-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'mariadbd.log');
  let child;
  let stopping;

  const killNow = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    // The killed server may still be closing files for a moment: retry instead of leaving the folder behind.
    rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
  };
  const onSignal = async (signal) => {
    await stop();
    process.exit(128 + constants.signals[signal]);
  };
  const hooks = { exit: killNow, SIGINT: onSignal, SIGTERM: onSignal, SIGHUP: onSignal };
  for (const [event, hook] of Object.entries(hooks)) process.on(event, hook);

  function stop() {
    stopping ??= (async () => {
      for (const [event, hook] of Object.entries(hooks)) process.off(event, hook);
      if (child && child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  }

  try {
    await exec(bin.installDb, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--user=root',
      '--auth-root-authentication-method=normal',
    ]);
    const port = await freePort();
    const logFd = openSync(logFile, 'a');
    child = spawn(
      bin.server,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        '--user=root',
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${join(dir, 'sock')}`,
        '--skip-name-resolve',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=256M',
        '--innodb-flush-log-at-trx-commit=2',
        '--character-set-server=utf8mb4',
        '--collation-server=utf8mb4_unicode_ci',
        '--max-connections=500',
      ],
      { stdio: ['ignore', logFd, logFd] },
    );
    closeSync(logFd);

    const root = ['--no-defaults', '--protocol=TCP', '-h127.0.0.1', `-P${port}`, '-uroot'];
    await waitUntilReady(() => exec(bin.client, [...root, '-e', 'SELECT 1']), child, logFile);
    await exec(bin.client, [
      ...root,
      '-e',
      [
        `CREATE USER 'app'@'%' IDENTIFIED BY 'app'`,
        `CREATE USER 'app'@'localhost' IDENTIFIED BY 'app'`,
        `GRANT ALL ON *.* TO 'app'@'%' WITH GRANT OPTION`,
        `GRANT ALL ON *.* TO 'app'@'localhost' WITH GRANT OPTION`,
        `CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      ].join(';\n'),
    ]);
    log(`MariaDB ready on 127.0.0.1:${port} in ${secondsSince(started)} s (data in ${dir})`);
    return {
      url: `mysql://app:app@127.0.0.1:${port}/${DATABASE}`,
      adminUrl: `mysql://app:app@127.0.0.1:${port}/`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function useExternal(url, log) {
  const admin = new URL(url);
  admin.pathname = '/';
  log(`Using the MySQL/MariaDB server from TEST_MYSQL_URL (${admin.host})`);
  return { url, adminUrl: admin.toString(), stop: async () => {} };
}

async function ensureInstalled(log) {
  const find = () => ({
    server: findCommand('mariadbd') ?? findCommand('mysqld'),
    installDb: findCommand('mariadb-install-db') ?? findCommand('mysql_install_db'),
    client: findCommand('mariadb') ?? findCommand('mysql'),
  });
  let bin = find();
  if (bin.server && bin.installDb && bin.client) return bin;
  if (!canUseApt()) {
    throw new Error(
      'MariaDB is not installed. Install it (Debian/Ubuntu: sudo apt-get install -y mariadb-server; ' +
        'macOS: brew install mariadb), or point TEST_MYSQL_URL at a server (mysql://user:pass@host:3306/db).',
    );
  }
  log('MariaDB is not installed: installing mariadb-server with apt-get');
  await aptInstall(['mariadb-server'], { log });
  bin = find();
  if (!bin.server || !bin.installDb || !bin.client)
    throw new Error('mariadb-server was installed but mariadbd/mariadb were not found');
  return bin;
}

/** Runs a command to completion; rejects with its output when it fails. */
async function exec(command, args) {
  const { code, output } = await run(command, args, { capture: true });
  if (code !== 0) throw new Error(`${command} exited with ${code}:\n${output.trim()}`);
  return output;
}

async function waitUntilReady(probe, child, logFile) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`mariadbd exited (${child.exitCode ?? child.signalCode}) while starting:\n${tail(logFile)}`);
    }
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `MariaDB did not answer within ${READY_TIMEOUT_MS / 1000} s: ${error.message}\n${tail(logFile)}`,
        );
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function tail(file, lines = 20) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const db = await startMariaDb({ log: (line) => console.error(line) });
    console.log(`MYSQL_URL=${db.url}`);
    console.log(`MYSQL_ADMIN_URL=${db.adminUrl}`);
    console.error('Press Ctrl-C to stop.');
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
