/**
 * The baseline checkout is measured against: node:http and mysql2 on the API's own MariaDB database, doing only
 * what a correct checkout of this project must, with the same crypto code (the built server's WeChat simulator,
 * payment-parameter signer and notify verifier) and the same simulated WeChat state in the database:
 *  - `POST /api/orders`: read the address, the active term and the SKUs (price, member price); in one READ
 *    COMMITTED transaction insert the order, its lines (one statement), its history row and its pending payment,
 *    and take the stock last (`UPDATE sku … WHERE stock >= n`), commit; then WeChat's prepay, store the prepay id,
 *    sign the `wx.requestPayment` parameters (RSA).
 *  - `POST /api/dev/wechat/pay/:outTradeNo/confirm`: the simulator pays, signs and encrypts the notification and
 *    posts it to the notify route below, as the API's simulator does.
 *  - `POST /api/payments/wechat/notify`: verify (RSA), decrypt; lock the order and its payment with one
 *    `SELECT … FOR UPDATE`, mark the payment and the order paid, write the history row, commit.
 * No framework, no validation pipe, no logging, the shipping policy read with the address: an optimistic baseline.
 * Usage (the bench starts it): node raw-checkout-server.mjs <port> <mysql://…> <jwt secret>
 */
import { createSecretKey } from 'node:crypto';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './lib/start-server.mjs';

const requireServer = createRequire(join(REPO, 'server/package.json'));
const jwt = createRequire(requireServer.resolve('@nestjs/jwt'))('jsonwebtoken');
const mysql = requireServer('mysql2/promise');
const { WechatSimulator } = requireServer('./dist/wechat/dev/wechat-simulator.js');
const { signPaymentParams } = requireServer('./dist/wechat/pay/payment-params.js');
const { parseWechatPayNotification } = requireServer('./dist/wechat/pay/notify-verifier.js');
const { newOutTradeNo } = requireServer('./dist/orders/out-trade-no.js');

const [port, databaseUrl, secretText] = process.argv.slice(2);
const secret = createSecretKey(Buffer.from(secretText));
const TTL_MS = 30 * 60_000;
const NOTIFY_URL = `http://127.0.0.1:${port}/api/payments/wechat/notify`;

const pool = mysql.createPool({
  uri: databaseUrl,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
  supportBigNumbers: true,
  connectionLimit: 20,
});
pool.on('connection', (connection) => connection.query('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED'));
const query = async (sql, params) => (await pool.query(sql, params))[0];

/** The simulated WeChat's state in the same table as the API's simulator, one statement per step. */
const store = {
  async findOrder(outTradeNo) {
    const [row] = await query('SELECT * FROM dev_wechat_order WHERE outTradeNo = ?', [outTradeNo]);
    return row ? Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null)) : undefined;
  },
  async insertOrder(order) {
    try {
      await query('INSERT INTO dev_wechat_order SET ?', [{ transactionId: null, successTime: null, ...order }]);
      return true;
    } catch (error) {
      if (error.code === 'ER_DUP_ENTRY') return false;
      throw error;
    }
  },
  async updateOrder(outTradeNo, from, patch) {
    return (
      (await query('UPDATE dev_wechat_order SET ? WHERE outTradeNo = ? AND state IN (?)', [patch, outTradeNo, from]))
        .affectedRows > 0
    );
  },
};
const [keys] = await query("SELECT * FROM dev_wechat_keys WHERE name = 'simulator'", []);
const simulator = new WechatSimulator(keys, store);
const platform = {
  publicKey: simulator.platformPublicKeyObject,
  publicKeyId: simulator.platformPublicKeyId,
  apiV3Key: simulator.apiV3Key,
};

class HttpError extends Error {
  constructor(status, code) {
    super(code);
    this.status = status;
    this.code = code;
  }
}

async function createOrder(customerId, { items, addressId }) {
  const now = new Date();
  const [address] = await query(
    'SELECT a.name, a.phone, a.province, a.city, a.district, a.detail, c.openid, sp.flatFeeFen, sp.freeAboveFen FROM address a JOIN customer c ON c.id = a.customerId LEFT JOIN shipping_policy sp ON sp.id = 1 WHERE a.id = ? AND a.customerId = ?',
    [addressId, customerId],
  );
  if (!address) throw new HttpError(404, 'ADDRESS_NOT_FOUND');
  const [term] = await query(
    "SELECT t.id, t.tierId, t.end, t.snapshot FROM membership_term t JOIN membership m ON m.id = t.membershipId WHERE m.customerId = ? AND m.status != 'REVOKED' AND t.start <= ? AND t.end > ? ORDER BY t.start DESC LIMIT 1",
    [customerId, now, now],
  );
  const ids = items.map((item) => item.skuId).sort((a, b) => a - b);
  const skus = await query(
    'SELECT s.id, s.name, s.listPriceFen, p.title, p.images, p.onSale, mp.priceFen FROM sku s JOIN product p ON p.id = s.productId LEFT JOIN sku_member_price mp ON mp.skuId = s.id AND mp.tierId = ? WHERE s.id IN (?) ORDER BY s.id',
    [term?.tierId ?? 0, ids],
  );
  if (skus.length !== ids.length || skus.some((sku) => !sku.onSale)) throw new HttpError(409, 'PRODUCT_NOT_ON_SALE');
  const discountBp = term ? JSON.parse(term.snapshot).defaultDiscountBp : undefined;
  const lines = skus.map((sku) => {
    const quantity = items.find((item) => item.skuId === sku.id).quantity;
    const unit =
      sku.priceFen ??
      (discountBp === undefined ? sku.listPriceFen : Math.round((sku.listPriceFen * discountBp) / 10_000));
    return {
      skuId: sku.id,
      name: `${sku.title} ${sku.name}`.slice(0, 200),
      image: JSON.parse(sku.images ?? '[]')[0] ?? null,
      quantity,
      unitListPriceFen: sku.listPriceFen,
      unitPriceFen: unit,
      lineTotalFen: unit * quantity,
    };
  });
  const goodsFen = lines.reduce((sum, line) => sum + line.lineTotalFen, 0);
  const shippingFen =
    address.flatFeeFen === null
      ? 0
      : address.freeAboveFen !== null && goodsFen >= address.freeAboveFen
        ? 0
        : address.flatFeeFen;
  const order = {
    outTradeNo: newOutTradeNo(now),
    customerId,
    kind: 'PRODUCT',
    status: 'PENDING_PAYMENT',
    totalFen: goodsFen + shippingFen,
    listTotalFen: lines.reduce((sum, line) => sum + line.unitListPriceFen * line.quantity, 0),
    shippingFen,
    pricedAsTierId: term?.tierId ?? null,
    termId: term?.id ?? null,
    address: JSON.stringify({
      name: address.name,
      phone: address.phone,
      province: address.province,
      city: address.city,
      district: address.district,
      detail: address.detail,
    }),
    expiresAt: term && term.end < new Date(now.getTime() + TTL_MS) ? term.end : new Date(now.getTime() + TTL_MS),
  };
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const [{ insertId }] = await connection.query('INSERT INTO customer_order SET ?', [order]);
    order.id = insertId;
    await connection.query(
      'INSERT INTO order_line (orderId, skuId, name, image, quantity, unitListPriceFen, unitPriceFen, lineTotalFen) VALUES ?',
      [
        lines.map((l) => [
          insertId,
          l.skuId,
          l.name,
          l.image,
          l.quantity,
          l.unitListPriceFen,
          l.unitPriceFen,
          l.lineTotalFen,
        ]),
      ],
    );
    await connection.query(
      "INSERT INTO order_event (orderId, fromStatus, toStatus, note) VALUES (?, NULL, 'PENDING_PAYMENT', '')",
      [insertId],
    );
    await connection.query("INSERT INTO payment (orderId, outTradeNo, amountFen, status) VALUES (?, ?, ?, 'PENDING')", [
      insertId,
      order.outTradeNo,
      order.totalFen,
    ]);
    for (const line of lines) {
      const [{ affectedRows }] = await connection.query(
        'UPDATE sku SET stock = stock - ? WHERE id = ? AND stock >= ?',
        [line.quantity, line.skuId, line.quantity],
      );
      if (!affectedRows) throw new HttpError(409, 'OUT_OF_STOCK');
    }
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
  const { prepay_id } = await simulator.createPrepay({
    appid: simulator.appId,
    mchid: simulator.mchId,
    description: lines[0].name.slice(0, 120),
    out_trade_no: order.outTradeNo,
    notify_url: NOTIFY_URL,
    amount: { total: order.totalFen, currency: 'CNY' },
    payer: { openid: address.openid },
  });
  await query('UPDATE payment SET prepayId = ? WHERE orderId = ?', [prepay_id, order.id]);
  return {
    order: { id: order.id, outTradeNo: order.outTradeNo, status: order.status, totalFen: order.totalFen },
    payment: await signPaymentParams(simulator.appId, prepay_id, simulator.merchantPrivateKeyObject),
  };
}

async function confirm(outTradeNo) {
  await simulator.confirmPayment(outTradeNo);
  return {
    notifyStatus: await simulator.deliverNotification(
      NOTIFY_URL,
      await simulator.buildTransactionNotification(outTradeNo),
    ),
  };
}

async function settle(headers, body) {
  const { transaction } = parseWechatPayNotification(headers, body, platform);
  if (transaction.tradeState !== 'SUCCESS') return;
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    const [[row]] = await connection.query(
      'SELECT o.id, o.status, o.totalFen, p.id AS paymentId, p.status AS paymentStatus FROM customer_order o JOIN payment p ON p.orderId = o.id WHERE o.outTradeNo = ? FOR UPDATE',
      [transaction.outTradeNo],
    );
    if (!row) throw new HttpError(404, 'ORDER_NOT_FOUND');
    const ours =
      transaction.appid === simulator.appId &&
      transaction.mchid === simulator.mchId &&
      transaction.amount.totalFen === row.totalFen;
    if (row.paymentStatus === 'PENDING' && row.status === 'PENDING_PAYMENT' && ours) {
      const now = new Date();
      await connection.query(
        "UPDATE payment SET status = 'SUCCESS', transactionId = ?, raw = ?, paidFen = ?, succeededAt = ? WHERE id = ?",
        [
          transaction.transactionId,
          JSON.stringify(transaction.raw),
          transaction.amount.totalFen,
          new Date(transaction.successTime),
          row.paymentId,
        ],
      );
      await connection.query("UPDATE customer_order SET status = 'PAID', paidAt = ? WHERE id = ?", [now, row.id]);
      await connection.query(
        "INSERT INTO order_event (orderId, fromStatus, toStatus, note) VALUES (?, 'PENDING_PAYMENT', 'PAID', ?)",
        [row.id, `wechat ${transaction.transactionId}`],
      );
    }
    await connection.commit();
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

function customerOf(request) {
  try {
    const payload = jwt.verify((request.headers.authorization ?? '').replace(/^Bearer /, ''), secret);
    if (payload.typ === 'customer') return Number(payload.sub);
  } catch {}
  throw new HttpError(401, 'UNAUTHENTICATED');
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const send = (response, status, body) => {
  response.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
};

const server = createServer(async (request, response) => {
  try {
    const body = await readBody(request);
    const confirmPath = request.url.match(/^\/api\/dev\/wechat\/pay\/([\w-]+)\/confirm$/);
    if (request.method === 'GET' && request.url === '/api/health') return send(response, 200, { ok: true });
    if (request.method === 'POST' && request.url === '/api/orders')
      return send(response, 201, await createOrder(customerOf(request), JSON.parse(body)));
    if (request.method === 'POST' && confirmPath) return send(response, 201, await confirm(confirmPath[1]));
    if (request.method === 'POST' && request.url === '/api/payments/wechat/notify') {
      await settle(request.headers, body);
      return send(response, 204);
    }
    send(response, 404, { statusCode: 404, code: 'NOT_FOUND' });
  } catch (error) {
    if (error instanceof HttpError)
      return send(response, error.status, { statusCode: error.status, code: error.code, message: error.code });
    process.stderr.write(`raw checkout: ${error.stack}\n`);
    send(response, 500, { statusCode: 500, code: 'INTERNAL', message: String(error.message) });
  }
});
server.keepAliveTimeout = 60_000;
server.listen(Number(port), '127.0.0.1');
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
