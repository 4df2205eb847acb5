import type { DataSource } from 'typeorm';

/**
 * Runs `work` while holding a named lock shared by every process on the same database (MySQL/MariaDB
 * `GET_LOCK`, scoped to the database name because the lock is server-wide). Boot steps that must happen once
 * — migrations, the demo seed — take it, so N processes can start at the same moment. SQLite serves one
 * process, so there it simply runs.
 */
export async function withDatabaseLock<T>(
  dataSource: DataSource,
  name: string,
  work: () => Promise<T>,
  timeoutSeconds = 120,
): Promise<T> {
  if (dataSource.options.type !== 'mysql') return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const [{ got }] = (await runner.query(`SELECT GET_LOCK(CONCAT(DATABASE(), ':', ?), ?) AS got`, [
      name,
      timeoutSeconds,
    ])) as { got: number | null }[];
    if (Number(got) !== 1)
      throw new Error(`Timed out after ${timeoutSeconds} s waiting for the database lock "${name}"`);
    try {
      return await work();
    } finally {
      await runner.query(`SELECT RELEASE_LOCK(CONCAT(DATABASE(), ':', ?))`, [name]);
    }
  } finally {
    await runner.release();
  }
}
