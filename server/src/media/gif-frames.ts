/**
 * The declared size of every frame of a GIF, read from its block structure without decoding any pixels.
 * A GIF's logical screen says nothing binding: a decoder allocates each frame at its own declared size,
 * so a 34-byte file with a 1×1 screen and a 20000×20000 frame asks for 1.6 GB.
 * Returns null when the block structure is broken (the caller refuses the file).
 */
export function gifFrameSizes(bytes: Buffer): { width: number; height: number }[] | null {
  if (bytes.length < 13 || !/^GIF8[79]a$/.test(bytes.subarray(0, 6).toString('latin1'))) return null;
  let at = 13 + colourTableBytes(bytes[10]);
  const frames: { width: number; height: number }[] = [];
  while (at < bytes.length) {
    const block = bytes[at];
    if (block === 0x3b) return frames; // trailer
    if (block === 0x21) {
      const end = skipSubBlocks(bytes, at + 2);
      if (end === null) return null;
      at = end;
    } else if (block === 0x2c) {
      if (at + 10 > bytes.length) return null;
      frames.push({ width: bytes.readUInt16LE(at + 5), height: bytes.readUInt16LE(at + 7) });
      const end = skipSubBlocks(bytes, at + 10 + colourTableBytes(bytes[at + 9]) + 1); // + LZW minimum code size
      if (end === null) return null;
      at = end;
    } else {
      return null;
    }
  }
  // No trailer: decoders accept a truncated GIF with the frames read so far.
  return frames;
}

const colourTableBytes = (packed: number) => (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);

/** Index just past a chain of data sub-blocks (length byte, data, … , 0). */
function skipSubBlocks(bytes: Buffer, from: number): number | null {
  let at = from;
  while (at < bytes.length) {
    const length = bytes[at];
    at += 1 + length;
    if (length === 0) return at;
  }
  return at === bytes.length ? at : null;
}
