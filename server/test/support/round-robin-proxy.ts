import { createServer, request as httpRequest, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  base: string;
  /** Requests each backend received, by index. */
  hits: number[];
  /** Take a backend out of rotation (it was killed) or put it back (it was restarted). */
  setUp(index: number, up: boolean): void;
  close(): Promise<void>;
}

/**
 * A load balancer in front of N API processes, as production runs them: each request goes to the next live
 * backend in turn, on a fresh connection (a pooled socket to a killed process would fail a request it never saw). A backend that refuses the connection is skipped (the request never reached it); one that
 * dies mid-request costs that request a 502, as a real balancer would answer.
 */
export async function startRoundRobinProxy(backends: string[], port = 0): Promise<RoundRobinProxy> {
  const up = backends.map(() => true);
  const hits = backends.map(() => 0);
  let next = 0;

  const pick = (tried: Set<number>): number | undefined => {
    for (let i = 0; i < backends.length; i++) {
      const index = (next + i) % backends.length;
      if (up[index] && !tried.has(index)) {
        next = index + 1;
        return index;
      }
    }
    return undefined;
  };

  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const tried = new Set<number>();
    const attempt = () => {
      const index = pick(tried);
      if (index === undefined) return res.headersSent ? res.end() : res.writeHead(502).end('{"code":"BAD_GATEWAY"}');
      tried.add(index);
      hits[index]++;
      const target = new URL(req.url ?? '/', backends[index]);
      const upstream = httpRequest(
        target,
        { method: req.method, headers: { ...req.headers, host: target.host }, agent: false },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('error', () => res.destroy());
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') return attempt();
        if (!res.headersSent) res.writeHead(502).end('{"code":"BAD_GATEWAY"}');
        else res.destroy();
      });
      upstream.end(body);
    };
    attempt();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    setUp: (index, isUp) => {
      up[index] = isUp;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
