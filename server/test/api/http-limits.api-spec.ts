import { connect } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

/** Sends the head of a request and then its body one byte every 200 ms; resolves with what the server said and when it hung up. */
function dripRequest(port: number, headers: string): Promise<{ response: string; closedAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let response = '';
    const drip = setInterval(() => socket.write(' '), 200);
    const giveUp = setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      reject(new Error('the server kept a slow client for 15 s'));
    }, 15_000);
    socket.on('data', (chunk) => (response += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve({ response, closedAfterMs: Date.now() - started });
    });
    socket.write(headers);
  });
}

describe('HTTP limits: slow clients are cut, CORS only for configured origins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { REQUEST_TIMEOUT_MS: '1000', CORS_ORIGINS: 'https://shop.example.com' } });
  });
  afterAll(() => t.close());

  it('a client sending its body very slowly is answered 408 and disconnected after REQUEST_TIMEOUT_MS', async () => {
    const head =
      'POST /api/auth/wechat-login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{';
    const { response, closedAfterMs } = await dripRequest(t.config.port, head);
    expect(response).toMatch(/^HTTP\/1\.1 408/);
    expect(closedAfterMs).toBeLessThan(10_000);
  });

  it('a client that never finishes its headers is disconnected too', async () => {
    const { closedAfterMs } = await dripRequest(t.config.port, 'GET /api/health HTTP/1.1\r\nHost: test\r\nX-Slow: ');
    expect(closedAfterMs).toBeLessThan(10_000);
  });

  it('a configured origin gets CORS headers; any other origin gets none', async () => {
    const allowed = await t.http
      .options('/api/tiers')
      .set('Origin', 'https://shop.example.com')
      .set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('https://shop.example.com');
    const other = await t.http.get('/api/tiers').set('Origin', 'https://evil.example.com').expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
