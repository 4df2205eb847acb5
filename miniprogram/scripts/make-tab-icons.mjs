// Draws the 8 tab-bar icons (81×81 PNG, grey and gold) from simple shapes, so the repo needs no
// design files or image tools. Run once: node scripts/make-tab-icons.mjs (outputs are committed).
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const S = 81;
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
function png(alphaAt, [r, g, b]) {
  const raw = Buffer.alloc(S * (S * 4 + 1));
  for (let y = 0; y < S; y++) {
    raw[y * (S * 4 + 1)] = 0;
    for (let x = 0; x < S; x++) {
      // 4×4 supersampling for smooth edges.
      let a = 0;
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) a += alphaAt(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4) ? 1 : 0;
      const o = y * (S * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((a / 16) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(S, 0);
  ihdr.writeUInt32BE(S, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const W = 5; // stroke width
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) < W / 2;
const disc = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) < r;
const seg = (x1, y1, x2, y2) => (x, y) => {
  const dx = x2 - x1,
    dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) < W / 2;
};
const any =
  (...fs) =>
  (x, y) =>
    fs.some((f) => f(x, y));
const poly = (...pts) => any(...pts.slice(1).map((p, i) => seg(pts[i][0], pts[i][1], p[0], p[1])));

const icons = {
  home: any(
    poly([14, 38], [40.5, 14], [67, 38]),
    poly([22, 32], [22, 66], [59, 66], [59, 32]),
    poly([34, 66], [34, 48], [47, 48], [47, 66]),
  ),
  member: any(
    poly([16, 30], [28, 42], [40.5, 18], [53, 42], [65, 30], [60, 60], [21, 60], [16, 30]),
    seg(21, 67, 60, 67),
  ),
  cart: any(poly([10, 16], [20, 16], [27, 52], [62, 52], [68, 26], [23, 26]), disc(31, 63, 5), disc(58, 63, 5)),
  profile: any(ring(40.5, 28, 12), (x, y) => y > 50 && y < 68 && Math.abs(Math.hypot(x - 40.5, y - 74) - 26) < W / 2),
};

mkdirSync('src/assets/tab', { recursive: true });
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(`src/assets/tab/${name}.png`, png(shape, [138, 133, 128]));
  writeFileSync(`src/assets/tab/${name}-active.png`, png(shape, [184, 137, 62]));
}
console.log('tab icons written to src/assets/tab/');
