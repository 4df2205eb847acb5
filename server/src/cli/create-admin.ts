import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { DataSource } from 'typeorm';
import { loadDatabaseConfig } from '../config/load-config';
import { dataSourceOptions } from '../database/data-source-options';
import { createFirstAdmin, FirstAdminError } from '../staff/first-admin';

/**
 * `pnpm --filter @member-commerce/server staff:create-admin -- --username <name>`: the first admin of an empty
 * database (migrated first). The password comes from ADMIN_PASSWORD or, when unset, the first line on stdin
 * (running the file directly), never from the command line (it would show in the process list and shell history).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--username');
  const username = at >= 0 ? args[at + 1] : process.env.ADMIN_USERNAME;
  if (!username)
    throw new FirstAdminError(
      'usage: staff:create-admin -- --username <name>   (password from ADMIN_PASSWORD or stdin)',
    );
  const password = process.env.ADMIN_PASSWORD ?? (await readLine(`password for ${username}: `));
  // `pnpm --filter … staff:create-admin` does not pass stdin through: say how to give the password instead.
  if (!password)
    throw new FirstAdminError(
      'no password: export ADMIN_PASSWORD (e.g. read -rs ADMIN_PASSWORD; export ADMIN_PASSWORD), or pipe it to node dist/cli/create-admin.js',
    );
  const dataSource = new DataSource(dataSourceOptions(loadDatabaseConfig()));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    const admin = await createFirstAdmin(dataSource, { username, password });
    process.stdout.write(`created admin "${admin.username}" (id ${admin.id})\n`);
  } finally {
    await dataSource.destroy();
  }
}

function readLine(prompt: string): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write(prompt);
  const lines = createInterface({ input: process.stdin });
  return new Promise((resolve) => {
    lines.once('line', (line) => {
      resolve(line); // before close(): closing emits 'close' at once
      lines.close();
    });
    lines.once('close', () => resolve(''));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`staff:create-admin: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
