import 'reflect-metadata';
import { createApp } from './app.factory';
import { loadConfig } from './config/load-config';
import { isClusterPrimary, isFirstWorker, runWorkers } from './server-workers';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  if (isClusterPrimary(config.serverWorkers)) return runWorkers(config.serverWorkers);
  const app = await createApp({ config });
  await app.listen(config.port, '0.0.0.0');
  if (!isFirstWorker()) return;
  // Let the buffered start-up log lines out first, so the URLs are the last thing on screen.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const base = config.publicUrl;
  const database = config.database.type === 'sqlite' ? `SQLite ${config.database.path}` : 'MySQL';
  const processes = config.serverWorkers > 1 ? `, ${config.serverWorkers} processes` : '';
  process.stdout.write(
    [
      '',
      `member-commerce is up (${database}, WeChat ${config.wechat.mode} mode${processes})`,
      `  Storefront (H5):  ${base}/h5/`,
      `  Admin:            ${base}/admin/`,
      `  API:              ${base}/api`,
      `  API docs:         ${base}/api/docs`,
      '',
    ].join('\n') + '\n',
  );
}

bootstrap().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
