import { probePicture } from './picture-probe';

const pngHeader = (width: number, height: number) => {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(bytes);
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  return bytes;
};

describe('probePicture', () => {
  it('knows a PNG by its magic bytes and reads its size from the header', () => {
    expect(probePicture(pngHeader(640, 480))).toEqual({
      ext: 'png',
      contentType: 'image/png',
      width: 640,
      height: 480,
    });
  });

  it('refuses text, SVG and other formats with MEDIA_TYPE_NOT_ALLOWED', () => {
    for (const bytes of [
      Buffer.from('hello'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'),
      Buffer.from('BM....'),
    ]) {
      expect(() => probePicture(bytes)).toThrow(
        expect.objectContaining({ code: 'MEDIA_TYPE_NOT_ALLOWED', status: 415 }),
      );
    }
  });

  it('refuses a picture whose canvas would take too much memory to decode', () => {
    expect(() => probePicture(pngHeader(20_000, 20_000))).toThrow(
      expect.objectContaining({ code: 'MEDIA_TOO_LARGE', status: 413 }),
    );
  });
});

describe('probePicture on GIFs', () => {
  const gif = (...frames: [number, number][]) =>
    Buffer.concat([
      Buffer.from('GIF89a'),
      Buffer.from([1, 0, 1, 0, 0, 0, 0]),
      ...frames.map(([width, height]) => {
        const descriptor = Buffer.alloc(10);
        descriptor[0] = 0x2c;
        descriptor.writeUInt16LE(width, 5);
        descriptor.writeUInt16LE(height, 7);
        return Buffer.concat([descriptor, Buffer.from([2, 2, 0x4c, 0x01, 0])]);
      }),
      Buffer.from([0x3b]),
    ]);

  it('bounds decoding by every frame: one huge frame behind a 1×1 screen, or many frames together, are too large', () => {
    expect(() => probePicture(gif([20_000, 20_000]))).toThrow(
      expect.objectContaining({ code: 'MEDIA_TOO_LARGE', status: 413 }),
    );
    expect(() => probePicture(gif(...Array.from({ length: 20 }, (): [number, number] => [2_000, 1_500])))).toThrow(
      expect.objectContaining({ code: 'MEDIA_TOO_LARGE' }),
    );
    expect(probePicture(gif([1, 1], [1, 1]))).toMatchObject({ ext: 'gif', width: 1, height: 1 });
  });
});
