/**
 * Preloaded into a bench server (`node --require statement-probe.cjs …`, the API and the raw baseline alike):
 * counts every statement the process sends to MariaDB through mysql2 (BEGIN, SET and COMMIT included), by
 * statement shape, and how long each connection holds a hot stock row: from the answer to its
 * `UPDATE sku … stock - n` to the answer to its COMMIT or ROLLBACK. On SIGWINCH (Nest's shutdown hooks take SIGUSR2) it writes the totals so far to
 * `$STATEMENT_PROBE_DIR/<pid>.json`. Deterministic: the count does not depend on the machine's load.
 */
const { renameSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const dir = process.env.STATEMENT_PROBE_DIR;
const serverDir = process.env.STATEMENT_PROBE_MYSQL2_FROM;
// By path: mysql2's package exports hide its internals; the absolute path is the same module the app loads.
const BaseConnection = require(
  join(dirname(require.resolve('mysql2', { paths: [serverDir] })), 'lib/base/connection.js'),
);

const totals = { statements: 0, byShape: {}, lockHeldMs: [] };
const HOT_ROW = /^\s*UPDATE\s+`?sku`?\s+SET\s+`?stock`?\s*=\s*`?stock`?\s*-/i;
const END = /^\s*(COMMIT|ROLLBACK)\b/i;

/** `UPDATE sku`, `INSERT INTO customer_order`, `SELECT … FROM payment`, `START TRANSACTION` … */
function shapeOf(sql) {
  const text = String(sql).replace(/\s+/g, ' ').trim();
  const verb = text.split(' ')[0].toUpperCase();
  const table = (re) => (text.match(re)?.[1] ?? '?').replace(/`/g, '');
  if (verb === 'SELECT') return `SELECT FROM ${table(/\bFROM\s+(`?\w+`?)/i)}`;
  if (verb === 'INSERT') return `INSERT INTO ${table(/\bINTO\s+(`?\w+`?)/i)}`;
  if (verb === 'UPDATE') return `UPDATE ${table(/^UPDATE\s+(`?\w+`?)/i)}`;
  if (verb === 'DELETE') return `DELETE FROM ${table(/\bFROM\s+(`?\w+`?)/i)}`;
  return text.slice(0, 40);
}

function wrap(method) {
  const original = BaseConnection.prototype[method];
  BaseConnection.prototype[method] = function probed(sql, values, cb) {
    const text = typeof sql === 'string' ? sql : (sql?.sql ?? '');
    totals.statements++;
    const shape = shapeOf(text);
    if (process.env.STATEMENT_PROBE_DEBUG && !totals.byShape[shape])
      process.stderr.write(`probe: ${JSON.stringify(text.slice(0, 120))}\n`);
    totals.byShape[shape] = (totals.byShape[shape] ?? 0) + 1;
    const command = original.call(this, sql, values, cb);
    const connection = this;
    if (HOT_ROW.test(text)) command?.once?.('end', () => (connection.__hotRowSince ??= performance.now()));
    else if (END.test(text) && connection.__hotRowSince !== undefined) {
      const since = connection.__hotRowSince;
      connection.__hotRowSince = undefined;
      command?.once?.('end', () => totals.lockHeldMs.push(performance.now() - since));
    }
    return command;
  };
}
wrap('query');
wrap('execute');

process.on('SIGWINCH', () => {
  if (!dir) return;
  // Written aside and renamed, so the bench never reads half a file.
  writeFileSync(join(dir, `${process.pid}.tmp`), JSON.stringify({ at: Date.now(), ...totals }));
  renameSync(join(dir, `${process.pid}.tmp`), join(dir, `${process.pid}.json`));
});
