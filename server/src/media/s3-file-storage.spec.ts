import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IMMUTABLE_CACHE_CONTROL } from './file-storage';
import { S3FileStorage } from './s3-file-storage';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A tiny S3 stand-in: records each request, stores PUT bodies, answers GETs from them. */
function fakeS3(): Promise<{ server: Server; endpoint: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const objects = new Map<string, { body: Buffer; type: string }>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = req.url!.split('?')[0];
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.method === 'PUT') {
        objects.set(path, { body, type: String(req.headers['content-type']) });
        res.writeHead(200, { ETag: '"etag"' }).end();
      } else if (req.method === 'GET' && objects.has(path)) {
        const object = objects.get(path)!;
        res.writeHead(200, { 'Content-Type': object.type, 'Content-Length': object.body.length }).end(object.body);
      } else if (req.method === 'DELETE') {
        objects.delete(path);
        res.writeHead(204).end();
      } else {
        res
          .writeHead(404, { 'Content-Type': 'application/xml' })
          .end('<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>gone</Message></Error>');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }),
    ),
  );
}

describe('S3FileStorage', () => {
  let fake: Awaited<ReturnType<typeof fakeS3>>;
  let storage: S3FileStorage;
  beforeAll(async () => {
    fake = await fakeS3();
    storage = new S3FileStorage({
      driver: 's3',
      endpoint: fake.endpoint,
      region: 'cn-shanghai',
      bucket: 'shop-media',
      accessKeyId: 'AKIDEXAMPLE',
      secretAccessKey: 'secret-example',
      publicBaseUrl: 'https://cdn.example.com/shop',
      forcePathStyle: true,
    });
  });
  afterAll(() => {
    storage.destroy();
    fake.server.close();
  });

  it('puts an object path-style with a SigV4 signature, its content type and a year-long immutable cache', async () => {
    await storage.put('0123456789abcdef0123456789abcdef.png', Buffer.from('picture-bytes'), 'image/png');
    const put = fake.seen.find((request) => request.method === 'PUT')!;
    expect(put.url.split('?')[0]).toBe('/shop-media/0123456789abcdef0123456789abcdef.png');
    expect(put.body.toString()).toBe('picture-bytes');
    expect(put.headers['content-type']).toBe('image/png');
    expect(put.headers['cache-control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(put.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/cn-shanghai\/s3\/aws4_request, SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*, Signature=[0-9a-f]{64}$/,
    );
    expect(put.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
  });

  it('reads back what it stored, and a missing key is null', async () => {
    const stored = await storage.get('0123456789abcdef0123456789abcdef.png');
    expect(stored).toEqual({ body: Buffer.from('picture-bytes'), contentType: 'image/png' });
    expect(await storage.get('ffffffffffffffffffffffffffffffff.png')).toBeNull();
  });

  it('deletes, and names public URLs under the configured base', async () => {
    await storage.delete('0123456789abcdef0123456789abcdef.png');
    expect(fake.seen.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/shop-media/0123456789abcdef0123456789abcdef.png?x-id=DeleteObject',
    });
    expect(storage.url('abc.jpg')).toBe('https://cdn.example.com/shop/abc.jpg');
  });

  it('refuses keys that could leave the bucket prefix', async () => {
    await expect(storage.put('../secrets', Buffer.from('x'), 'image/png')).rejects.toThrow(/Unsafe storage key/);
  });
});
