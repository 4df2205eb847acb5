import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './start-server.mjs';

/**
 * The statement probe (statement-probe.cjs) for bench processes: `launch` goes into startServer/startScript
 * (node args and env), `read(pids)` asks each process for its totals so far and adds them up.
 */
export function statementProbe() {
  const dir = mkdtempSync(join(tmpdir(), 'mc-probe-'));
  return {
    launch: {
      nodeArgs: ['--require', join(import.meta.dirname, 'statement-probe.cjs')],
      env: { STATEMENT_PROBE_DIR: dir, STATEMENT_PROBE_MYSQL2_FROM: join(REPO, 'server') },
    },
    async read(pids) {
      const sum = { statements: 0, byShape: {}, lockHeldMs: {} };
      for (const pid of pids) {
        const file = join(dir, `${pid}.json`);
        const asked = Date.now();
        process.kill(pid, 'SIGWINCH');
        let totals;
        for (let i = 0; i < 200 && !totals; i++) {
          await new Promise((r) => setTimeout(r, 25));
          if (existsSync(file)) {
            const read = JSON.parse(readFileSync(file, 'utf8'));
            if (read.at >= asked) totals = read;
          }
        }
        if (!totals) throw new Error(`process ${pid} did not answer the statement probe`);
        sum.statements += totals.statements;
        for (const [shape, n] of Object.entries(totals.byShape)) sum.byShape[shape] = (sum.byShape[shape] ?? 0) + n;
        sum.lockHeldMs[pid] = totals.lockHeldMs;
      }
      return sum;
    },
    /** What happened between two readings. */
    since(before, after) {
      const byShape = Object.fromEntries(
        Object.entries(after.byShape)
          .map(([shape, n]) => [shape, n - (before.byShape[shape] ?? 0)])
          .filter(([, n]) => n > 0),
      );
      return {
        statements: after.statements - before.statements,
        byShape,
        lockHeldMs: Object.entries(after.lockHeldMs).flatMap(([pid, list]) =>
          list.slice(before.lockHeldMs[pid]?.length ?? 0),
        ),
      };
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
