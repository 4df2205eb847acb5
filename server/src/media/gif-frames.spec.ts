import { gifFrameSizes } from './gif-frames';

const frame = (width: number, height: number) => {
  const descriptor = Buffer.alloc(10);
  descriptor[0] = 0x2c;
  descriptor.writeUInt16LE(width, 5);
  descriptor.writeUInt16LE(height, 7);
  return Buffer.concat([descriptor, Buffer.from([2, 2, 0x4c, 0x01, 0])]);
};
const screen = (width: number, height: number, globalTable = false) => {
  const lsd = Buffer.from([width & 0xff, width >> 8, height & 0xff, height >> 8, globalTable ? 0x80 : 0, 0, 0]);
  return Buffer.concat([Buffer.from('GIF89a'), lsd, globalTable ? Buffer.alloc(6) : Buffer.alloc(0)]);
};
const graphicControl = Buffer.from([0x21, 0xf9, 4, 0, 0, 0, 0, 0]);

describe('gifFrameSizes', () => {
  it('reads every frame, past extensions and colour tables, whatever the logical screen says', () => {
    const gif = Buffer.concat([
      screen(1, 1, true),
      graphicControl,
      frame(10, 20),
      graphicControl,
      frame(20_000, 20_000),
      Buffer.from([0x3b]),
    ]);
    expect(gifFrameSizes(gif)).toEqual([
      { width: 10, height: 20 },
      { width: 20_000, height: 20_000 },
    ]);
  });

  it('is null for a broken block structure or something that is not a GIF', () => {
    expect(gifFrameSizes(Buffer.concat([screen(1, 1), Buffer.from([0x99])]))).toBeNull();
    expect(gifFrameSizes(Buffer.from('not a gif at all'))).toBeNull();
  });
});
