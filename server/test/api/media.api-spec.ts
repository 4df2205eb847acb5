import { Jimp } from 'jimp';
import type {
  AdminProductView,
  ApiErrorBody,
  AuditLogView,
  Page,
  ProductView,
  UploadedMediaView,
} from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';

const MAX_BYTES = 100_000;

/** A real PNG of the given size; `noisy` makes it compress badly (to exceed the size limit). */
async function png(width: number, height: number, noisy = false): Promise<Buffer> {
  const image = new Jimp({ width, height, color: 0xd4a24cff });
  if (noisy)
    for (let i = 0; i < image.bitmap.data.length; i++) image.bitmap.data[i] = (i * 7919 + ((i * i) % 251)) % 256;
  return image.getBuffer('image/png');
}

/** A 1×1 logical screen whose one frame declares width × height (a decompression bomb of a few dozen bytes). */
function gifWithFrame(width: number, height: number): Buffer {
  const frame = Buffer.alloc(10);
  frame[0] = 0x2c;
  frame.writeUInt16LE(width, 5);
  frame.writeUInt16LE(height, 7);
  return Buffer.concat([
    Buffer.from('GIF89a'),
    Buffer.from([1, 0, 1, 0, 0, 0, 0]),
    frame,
    Buffer.from([2, 2, 0x4c, 0x01, 0, 0x3b]),
  ]);
}

describe('product media', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { MEDIA_MAX_BYTES: String(MAX_BYTES) } });
  });
  afterAll(() => t.close());

  const upload = async (
    bytes: Buffer,
    filename: string,
    contentType: string,
    role: 'operator' | 'finance' = 'operator',
  ) =>
    t.http
      .post('/api/admin/media')
      .set(await t.staff(role))
      .attach('file', bytes, { filename, contentType });

  it('an upload is stored under its content hash with a thumbnail, both served with year-long immutable caching', async () => {
    const res = await upload(await png(480, 360), 'rice.png', 'image/png');
    expect(res.status).toBe(201);
    const media = res.body as UploadedMediaView;
    expect(media).toMatchObject({ width: 480, height: 360, contentType: 'image/png' });
    expect(media.url).toMatch(/^\/media\/[0-9a-f]{32}\.png$/);
    expect(media.thumbUrl).toBe(media.url.replace('.png', '.thumb.jpg'));

    const original = await t.http.get(media.url).expect(200);
    expect(original.headers['content-type']).toBe('image/png');
    expect(original.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const thumb = await t.http.get(media.thumbUrl).buffer(true).expect(200);
    expect(thumb.headers['content-type']).toBe('image/jpeg');
    expect(thumb.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const decoded = await Jimp.read(thumb.body as Buffer);
    expect([decoded.width, decoded.height]).toEqual([360, 270]);
  });

  it('the same picture uploaded twice gets the same URL', async () => {
    const bytes = await png(50, 50);
    const first = (await upload(bytes, 'a.png', 'image/png')).body as UploadedMediaView;
    const second = (await upload(bytes, 'b.png', 'image/png')).body as UploadedMediaView;
    expect(second.url).toBe(first.url);
  });

  it('a file that is not a picture is refused by its bytes, whatever its name and declared type', async () => {
    const res = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'evil.png', 'image/png');
    expect(res.status).toBe(415);
    expect((res.body as ApiErrorBody).code).toBe('MEDIA_TYPE_NOT_ALLOWED');
  });

  it('a picture above the size limit is refused with 413', async () => {
    const bytes = await png(200, 200, true);
    expect(bytes.length).toBeGreaterThan(MAX_BYTES);
    const res = await upload(bytes, 'big.png', 'image/png');
    expect(res.status).toBe(413);
    expect((res.body as ApiErrorBody).code).toBe('MEDIA_TOO_LARGE');
  });

  it('a GIF whose frame declares more pixels than the cap is refused before decoding, whatever its logical screen', async () => {
    const res = await upload(gifWithFrame(20_000, 20_000), 'tiny.gif', 'image/gif');
    expect(res.status).toBe(413);
    expect((res.body as ApiErrorBody).code).toBe('MEDIA_TOO_LARGE');
  });

  it('pictures are decoded off the request thread: an upload never runs the decoder where requests are served', async () => {
    const read = jest.spyOn(Jimp, 'read');
    const fromBuffer = jest.spyOn(Jimp, 'fromBuffer');
    try {
      const res = await upload(await png(300, 200), 'worker.png', 'image/png');
      expect(res.status).toBe(201);
      const thumb = await t.http
        .get((res.body as UploadedMediaView).thumbUrl)
        .buffer(true)
        .expect(200);
      expect(thumb.headers['content-type']).toBe('image/jpeg');
      expect(read).not.toHaveBeenCalled();
      expect(fromBuffer).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
      fromBuffer.mockRestore();
    }
  });

  it('an upload without a file, or as JSON, is a 400', async () => {
    const form = await t.http
      .post('/api/admin/media')
      .set(await t.staff('operator'))
      .field('note', 'no file');
    expect(form.status).toBe(400);
    expect((form.body as ApiErrorBody).code).toBe('MEDIA_FILE_MISSING');
    const json = await t.http
      .post('/api/admin/media')
      .set(await t.staff('operator'))
      .send({ url: 'x' });
    expect(json.status).toBe(400);
    expect((json.body as ApiErrorBody).code).toBe('MEDIA_FILE_MISSING');
  });

  it('only staff who write the catalogue may upload, and uploads are audited', async () => {
    expect((await upload(await png(10, 10), 'x.png', 'image/png', 'finance')).status).toBe(403);
    expect((await t.http.post('/api/admin/media').attach('file', await png(10, 10), 'x.png')).status).toBe(401);
    const log = (
      await t.http
        .get('/api/admin/audit-logs')
        .query({ pageSize: 100 })
        .set(await t.staff('admin'))
        .expect(200)
    ).body as Page<AuditLogView>;
    expect(log.items.some((row) => row.action === 'media.upload' && row.staffUsername === 'operator')).toBe(true);
  });

  it('a SKU keeps its own pictures, and the storefront shows them on that SKU', async () => {
    const media = (await upload(await png(120, 120), 'sku.png', 'image/png')).body as UploadedMediaView;
    const staff = await t.staff('operator');
    const created = (
      await t.http
        .post('/api/admin/products')
        .set(staff)
        .send({
          title: '测试礼盒',
          category: '测试',
          images: [],
          skus: [
            { code: 'MEDIA-A', name: '红色', listPriceFen: 1000, stock: 5, images: [media.url] },
            { code: 'MEDIA-B', name: '蓝色', listPriceFen: 1000, stock: 5 },
          ],
        })
        .expect(201)
    ).body as AdminProductView;
    expect(created.skus.map((sku) => sku.images)).toEqual([[media.url], []]);
    const blue = created.skus[1];
    await t.http
      .patch(`/api/admin/skus/${blue.id}`)
      .set(staff)
      .send({ images: [media.thumbUrl] })
      .expect(200);
    const shown = (await t.http.get(`/api/products/${created.id}`).expect(200)).body as ProductView;
    expect(shown.skus.map((sku) => sku.images)).toEqual([[media.url], [media.thumbUrl]]);
  });
});
