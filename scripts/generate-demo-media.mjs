#!/usr/bin/env node
// Draws the demo catalogue's product pictures and home banners once, as small JPEGs committed under
// server/assets/demo-media/ (the seed copies them into the file storage). Re-run only when the demo catalogue
// changes: `node scripts/generate-demo-media.mjs` (needs Debian's Chromium and fonts-wqy-microhei).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO } from './lib.mjs';

const { chromium } = createRequire(join(REPO, 'test', 'package.json'))('playwright-core');
const OUT = join(REPO, 'server', 'assets', 'demo-media');
const catalog = readFileSync(join(REPO, 'server/src/database/seed/demo-catalog.ts'), 'utf8');
const products = [...catalog.matchAll(/p\('([^']+)', '([^']+)', '([^']+)', '([^']+)'/g)].map(
  ([, title, subtitle, category, code]) => ({ title, subtitle, category, code }),
);

/** Background and accent per category. */
const palettes = {
  粮油米面: ['#f6ead2', '#e8cf9f', '#b8893e'],
  休闲零食: ['#f7e3d3', '#e9b48f', '#a65b2a'],
  生鲜水果: ['#e7f1dc', '#bcd9a0', '#4f7f2d'],
  肉禽蛋品: ['#f6dede', '#e3a9a4', '#a23b32'],
  海鲜水产: ['#dcebf5', '#a7cbe6', '#2e6a99'],
  茶饮冲调: ['#e4eedc', '#b6cf9c', '#4d6b35'],
  乳品饮料: ['#e6eef7', '#bcd0ea', '#3c6ea8'],
  家居日用: ['#eeeae4', '#d3c8b8', '#7a6a55'],
  个护美妆: ['#f5e4ec', '#e3b3c9', '#a0456f'],
  母婴用品: ['#fbefd9', '#f3cf8e', '#c07d12'],
};

/** Simple vector drawings, centred in a 600×600 box; `c` is [light, mid, dark]. */
const motifs = {
  sack: (
    c,
  ) => `<path d="M200 200 Q300 160 400 200 L430 470 Q300 510 170 470 Z" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/>
    <path d="M215 205 Q300 240 385 205" fill="none" stroke="${c[2]}" stroke-width="10"/><rect x="230" y="300" width="140" height="90" rx="14" fill="${c[1]}"/>
    <g fill="${c[2]}">${[0, 1, 2, 3, 4].map((i) => `<ellipse cx="${255 + i * 22}" cy="345" rx="7" ry="12" transform="rotate(25 ${255 + i * 22} 345)"/>`).join('')}</g>`,
  bottle: (
    c,
  ) => `<rect x="265" y="140" width="70" height="50" rx="8" fill="${c[2]}"/><path d="M245 200 H355 Q395 250 395 300 V470 Q395 495 370 495 H230 Q205 495 205 470 V300 Q205 250 245 200 Z" fill="${c[1]}" stroke="${c[2]}" stroke-width="6"/>
    <rect x="225" y="330" width="150" height="100" rx="10" fill="#fffaf0"/><circle cx="300" cy="380" r="28" fill="${c[2]}" opacity="0.8"/>`,
  noodle: (
    c,
  ) => `<rect x="170" y="230" width="260" height="200" rx="20" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/>
    ${[0, 1, 2, 3, 4, 5, 6, 7].map((i) => `<line x1="${195 + i * 30}" y1="250" x2="${195 + i * 30}" y2="410" stroke="${c[1]}" stroke-width="10" stroke-linecap="round"/>`).join('')}<rect x="170" y="310" width="260" height="40" fill="${c[2]}"/>`,
  nuts: (c) =>
    `${[
      [240, 300, 60],
      [345, 290, 55],
      [290, 380, 62],
      [390, 385, 45],
      [205, 395, 42],
    ]
      .map(
        ([x, y, r]) =>
          `<ellipse cx="${x}" cy="${y}" rx="${r}" ry="${r * 0.8}" fill="${c[1]}" stroke="${c[2]}" stroke-width="5"/><path d="M${x - r * 0.5} ${y} Q${x} ${y - r * 0.4} ${x + r * 0.5} ${y}" stroke="${c[2]}" stroke-width="4" fill="none"/>`,
      )
      .join('')}`,
  giftbox: (
    c,
  ) => `<rect x="180" y="250" width="240" height="210" rx="12" fill="${c[1]}" stroke="${c[2]}" stroke-width="6"/><rect x="165" y="215" width="270" height="55" rx="10" fill="${c[2]}"/>
    <rect x="285" y="215" width="30" height="245" fill="#fffaf0"/><path d="M300 215 Q250 150 230 200 Q260 220 300 215 Q350 150 370 200 Q340 220 300 215" fill="#fffaf0" stroke="${c[2]}" stroke-width="4"/>`,
  chocolate: (c) =>
    `<rect x="190" y="180" width="220" height="300" rx="14" fill="#5a3522"/>${[0, 1, 2].map((r) => [0, 1].map((k) => `<rect x="${210 + k * 95}" y="${200 + r * 92}" width="85" height="80" rx="8" fill="#6e4430" stroke="#3e2417" stroke-width="4"/>`).join('')).join('')}<rect x="190" y="380" width="220" height="100" rx="0" fill="${c[1]}"/>`,
  fruit: (c) => `${[
    [245, 340, 95],
    [365, 330, 85],
    [305, 420, 80],
  ]
    .map(
      ([x, y, r]) =>
        `<circle cx="${x}" cy="${y}" r="${r}" fill="${c[2]}"/><ellipse cx="${x - r * 0.35}" cy="${y - r * 0.35}" rx="${r * 0.22}" ry="${r * 0.14}" fill="#ffffff" opacity="0.45"/>`,
    )
    .join('')}
    <path d="M300 240 Q320 190 360 185 Q340 235 300 240" fill="#5d8f33"/>`,
  cherry:
    () => `<path d="M300 180 Q290 260 240 350 M300 180 Q330 260 370 340" stroke="#4d6b35" stroke-width="8" fill="none"/><path d="M300 180 Q350 150 380 175 Q340 200 300 180" fill="#5d8f33"/>
    <circle cx="235" cy="390" r="62" fill="#8e1b2a"/><circle cx="375" cy="380" r="62" fill="#a3202f"/><ellipse cx="215" cy="370" rx="14" ry="9" fill="#fff" opacity="0.5"/><ellipse cx="355" cy="360" rx="14" ry="9" fill="#fff" opacity="0.5"/>`,
  pineapple:
    () => `<ellipse cx="300" cy="380" rx="100" ry="120" fill="#e8b530" stroke="#b07d12" stroke-width="6"/>${[0, 1, 2, 3].map((i) => `<path d="M215 ${320 + i * 40} L385 ${300 + i * 40}" stroke="#b07d12" stroke-width="4"/><path d="M215 ${300 + i * 40} L385 ${320 + i * 40}" stroke="#b07d12" stroke-width="4"/>`).join('')}
    <path d="M300 265 L250 160 L290 220 L300 140 L310 220 L350 160 Z" fill="#4f8a2d"/>`,
  steak:
    () => `<path d="M170 330 Q170 230 290 230 Q430 225 440 320 Q450 430 320 440 Q200 450 175 390 Z" fill="#b23a3a" stroke="#7c2222" stroke-width="6"/>
    <path d="M200 320 Q260 300 300 340 Q350 380 410 350" stroke="#f3d9d0" stroke-width="12" fill="none"/><path d="M215 380 Q280 370 330 400" stroke="#f3d9d0" stroke-width="8" fill="none"/><ellipse cx="395" cy="300" rx="26" ry="20" fill="#f3d9d0"/>`,
  eggs: () =>
    `<rect x="150" y="330" width="300" height="120" rx="20" fill="#c9b79b"/>${[0, 1, 2].map((i) => `<ellipse cx="${210 + i * 90}" cy="320" rx="45" ry="58" fill="#f7ead4" stroke="#c9a77a" stroke-width="4"/>`).join('')}`,
  lamb: () =>
    `${[0, 1, 2, 3].map((i) => `<g transform="translate(${170 + i * 70} ${260 + (i % 2) * 40})"><circle cx="40" cy="60" r="55" fill="#d9706b"/><path d="M40 60 m-40 0 a40 40 0 1 0 80 0 a28 28 0 1 0 -56 0 a16 16 0 1 0 32 0" fill="none" stroke="#fbe4df" stroke-width="8"/></g>`).join('')}`,
  fish: (
    c,
  ) => `<path d="M160 320 Q300 200 430 320 Q300 440 160 320 Z" fill="${c[1]}" stroke="${c[2]}" stroke-width="6"/><path d="M430 320 L500 260 L490 320 L500 380 Z" fill="${c[2]}"/>
    <circle cx="215" cy="305" r="12" fill="${c[2]}"/><path d="M270 270 Q300 320 270 370 M320 265 Q350 320 320 375" stroke="${c[2]}" stroke-width="5" fill="none" opacity="0.6"/>`,
  salmon: () =>
    `<path d="M150 360 L450 280 L460 380 L160 440 Z" fill="#f08a5d" stroke="#c85a30" stroke-width="6"/>${[0, 1, 2, 3, 4].map((i) => `<path d="M${190 + i * 55} ${352 - i * 14} Q${210 + i * 55} ${395 - i * 14} ${200 + i * 55} ${432 - i * 14}" stroke="#fde1d2" stroke-width="8" fill="none"/>`).join('')}`,
  shrimp:
    () => `<path d="M390 230 Q470 330 380 420 Q300 470 230 420 Q290 430 330 390 Q380 330 330 270 Z" fill="#e4553c" stroke="#a83420" stroke-width="6"/>
    ${[0, 1, 2].map((i) => `<path d="M${360 + i * 12} ${270 + i * 45} Q${400 + i * 6} ${300 + i * 45} ${350 + i * 10} ${320 + i * 45}" stroke="#a83420" stroke-width="5" fill="none"/>`).join('')}<path d="M390 230 Q330 170 260 180 M395 235 Q360 160 300 150" stroke="#a83420" stroke-width="4" fill="none"/>`,
  tea: (
    c,
  ) => `<path d="M190 290 H410 Q405 440 300 450 Q195 440 190 290 Z" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/><path d="M410 320 Q470 320 460 370 Q450 410 400 400" fill="none" stroke="${c[2]}" stroke-width="10"/>
    <ellipse cx="300" cy="292" rx="110" ry="16" fill="${c[1]}"/><path d="M260 250 Q245 220 265 195 Q285 170 270 140 M320 250 Q305 220 325 195 Q345 170 330 140" stroke="${c[1]}" stroke-width="8" fill="none" stroke-linecap="round"/>
    <path d="M450 180 Q420 120 370 150 Q410 200 450 180" fill="${c[2]}"/>`,
  coffee: () =>
    `${[
      [230, 300],
      [320, 280],
      [280, 370],
      [370, 360],
      [200, 400],
      [330, 440],
    ]
      .map(
        ([x, y], i) =>
          `<g transform="rotate(${i * 40} ${x} ${y})"><ellipse cx="${x}" cy="${y}" rx="48" ry="36" fill="#6b4226" stroke="#3f2414" stroke-width="4"/><path d="M${x - 40} ${y} Q${x} ${y - 14} ${x + 40} ${y}" stroke="#3f2414" stroke-width="6" fill="none"/></g>`,
      )
      .join('')}`,
  sachets: (c) =>
    `${[0, 1, 2, 3].map((i) => `<rect x="${170 + i * 68}" y="${200 + (i % 2) * 30}" width="60" height="230" rx="10" fill="${i % 2 ? c[1] : c[2]}" stroke="#fffaf0" stroke-width="4"/>`).join('')}<circle cx="420" cy="420" r="30" fill="#c8322d"/><circle cx="455" cy="395" r="22" fill="#c8322d"/>`,
  carton: (
    c,
  ) => `<path d="M220 220 L300 170 L380 220 V470 H220 Z" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/><path d="M220 220 H380" stroke="${c[2]}" stroke-width="6"/>
    <path d="M220 330 Q260 300 300 330 Q340 360 380 330 V470 H220 Z" fill="${c[1]}"/><text x="300" y="290" font-size="44" text-anchor="middle" fill="${c[2]}" font-family="WenQuanYi Micro Hei">奶</text>`,
  can: (c) =>
    `${[0, 1, 2].map((i) => `<g transform="translate(${170 + i * 95} ${220 + (i % 2) * 30})"><rect width="80" height="220" rx="16" fill="${[c[2], c[1], '#e39a6b'][i]}" stroke="#fffaf0" stroke-width="4"/><rect x="10" y="70" width="60" height="70" rx="8" fill="#fffaf0" opacity="0.8"/></g>`).join('')}`,
  yogurt: (
    c,
  ) => `<path d="M210 250 H390 L370 460 Q300 480 230 460 Z" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/><ellipse cx="300" cy="250" rx="95" ry="22" fill="${c[1]}" stroke="${c[2]}" stroke-width="5"/>
    <circle cx="300" cy="360" r="40" fill="${c[1]}"/>`,
  tissue: (c) =>
    `<rect x="170" y="270" width="260" height="170" rx="18" fill="${c[1]}" stroke="${c[2]}" stroke-width="6"/><ellipse cx="300" cy="275" rx="60" ry="14" fill="${c[2]}"/><path d="M255 275 Q270 180 300 200 Q330 180 345 275" fill="#ffffff" stroke="${c[2]}" stroke-width="4"/>`,
  pods: () =>
    `${[
      [230, 300],
      [330, 290],
      [280, 380],
      [380, 380],
      [190, 390],
    ]
      .map(
        ([x, y]) =>
          `<circle cx="${x}" cy="${y}" r="52" fill="#4a90c8" opacity="0.9"/><path d="M${x - 52} ${y} A52 52 0 0 0 ${x + 52} ${y} Z" fill="#7ac070"/><ellipse cx="${x - 18}" cy="${y - 22}" rx="14" ry="8" fill="#fff" opacity="0.6"/>`,
      )
      .join('')}`,
  bedding: (c) =>
    `<rect x="150" y="300" width="300" height="80" rx="14" fill="${c[1]}" stroke="${c[2]}" stroke-width="5"/><rect x="160" y="240" width="280" height="70" rx="14" fill="#fffaf0" stroke="${c[2]}" stroke-width="5"/><rect x="140" y="370" width="320" height="80" rx="14" fill="${c[2]}" opacity="0.85"/>`,
  toothbrush: (c) =>
    `<rect x="275" y="190" width="50" height="290" rx="24" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/><rect x="283" y="150" width="34" height="60" rx="10" fill="${c[1]}"/><circle cx="300" cy="300" r="12" fill="${c[2]}"/><rect x="250" y="470" width="100" height="30" rx="10" fill="${c[2]}"/>`,
  tube: (c) =>
    `<path d="M240 170 H360 L380 430 H220 Z" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/><rect x="250" y="430" width="100" height="50" rx="10" fill="${c[2]}"/><rect x="245" y="260" width="110" height="80" rx="8" fill="${c[1]}"/>`,
  mask: (c) =>
    `<rect x="180" y="200" width="240" height="270" rx="22" fill="${c[1]}" stroke="${c[2]}" stroke-width="6"/><ellipse cx="300" cy="320" rx="75" ry="90" fill="#fffaf0"/><ellipse cx="272" cy="300" rx="14" ry="8" fill="${c[1]}"/><ellipse cx="328" cy="300" rx="14" ry="8" fill="${c[1]}"/><path d="M280 360 Q300 372 320 360" stroke="${c[1]}" stroke-width="6" fill="none"/>`,
  diaper: (c) =>
    `<path d="M170 250 H430 Q420 360 360 430 H240 Q180 360 170 250 Z" fill="#fffaf0" stroke="${c[2]}" stroke-width="6"/><path d="M170 250 H430 V290 H170 Z" fill="${c[1]}"/><circle cx="300" cy="360" r="22" fill="${c[1]}"/>`,
  blocks: () =>
    `${[
      ['#e05a47', 180, 360],
      ['#f0b429', 290, 360],
      ['#3f8fd2', 235, 260],
      ['#5bb374', 345, 260],
      ['#9b6bd3', 400, 360],
    ]
      .map(
        ([f, x, y]) =>
          `<g><rect x="${x}" y="${y}" width="100" height="90" rx="10" fill="${f}"/><circle cx="${x + 28}" cy="${y - 4}" r="14" fill="${f}"/><circle cx="${x + 72}" cy="${y - 4}" r="14" fill="${f}"/></g>`,
      )
      .join('')}`,
  cup: (c) =>
    `<rect x="240" y="170" width="120" height="40" rx="12" fill="${c[2]}"/><rect x="230" y="205" width="140" height="280" rx="30" fill="${c[1]}" stroke="${c[2]}" stroke-width="6"/><rect x="250" y="250" width="18" height="180" rx="9" fill="#fff" opacity="0.5"/>`,
};

const motifFor = {
  'RICE-5KG': 'sack',
  'OIL-5L': 'bottle',
  'NOODLE-2KG': 'noodle',
  'NUTS-30': 'nuts',
  FLOWERCAKE: 'giftbox',
  'CHOCO-72': 'chocolate',
  'APPLE-5KG': 'fruit',
  'CHERRY-2KG': 'cherry',
  'PINEAPPLE-4': 'pineapple',
  'STEAK-10': 'steak',
  'EGG-30': 'eggs',
  'LAMB-1KG': 'lamb',
  'SALMON-500': 'salmon',
  'HAIRTAIL-2KG': 'fish',
  'SHRIMP-2KG': 'shrimp',
  'TEA-LONGJING': 'tea',
  'COFFEE-1KG': 'coffee',
  'GOJI-30': 'sachets',
  'MILK-24': 'carton',
  'SODA-15': 'can',
  'YOGURT-1KG': 'yogurt',
  'TISSUE-24': 'tissue',
  'PODS-100': 'pods',
  'BEDDING-18': 'bedding',
  TOOTHBRUSH: 'toothbrush',
  CLEANSER: 'tube',
  'MASK-20': 'mask',
  'DIAPER-L': 'diaper',
  'BLOCKS-500': 'blocks',
  'CUP-500': 'cup',
};

/** Second SKUs with a picture of their own (shown when the customer picks them). */
const skuPictures = [
  { code: 'RICE-10KG', like: 'RICE-5KG', title: '五常稻花香大米 10kg', category: '粮油米面', badge: '家庭装' },
  { code: 'NUTS-60', like: 'NUTS-30', title: '每日坚果 60 袋', category: '休闲零食', badge: '量贩装' },
];

const productSvg = ({ title, category, code, like, badge }) => {
  const c = palettes[category] ?? palettes['家居日用'];
  const motif = motifs[motifFor[like ?? code]] ?? motifs.giftbox;
  const badgeSvg = badge
    ? `<rect x="456" y="24" width="120" height="44" rx="22" fill="#c8322d"/><text x="516" y="54" font-size="24" text-anchor="middle" fill="#fff" font-family="WenQuanYi Micro Hei">${badge}</text>`
    : '';
  return `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <defs><radialGradient id="bg" cx="50%" cy="40%" r="75%"><stop offset="0" stop-color="#ffffff"/><stop offset="0.55" stop-color="${c[0]}"/><stop offset="1" stop-color="${c[1]}"/></radialGradient></defs>
  <rect width="600" height="600" fill="url(#bg)"/><ellipse cx="300" cy="500" rx="190" ry="24" fill="${c[2]}" opacity="0.15"/>
  <g>${motif(c)}</g>
  <rect x="24" y="24" width="104" height="40" rx="20" fill="${c[2]}"/><text x="76" y="52" font-size="22" text-anchor="middle" fill="#fff" font-family="WenQuanYi Micro Hei">会员优选</text>
  <text x="300" y="566" font-size="30" text-anchor="middle" fill="#2b2620" font-family="WenQuanYi Micro Hei">${title}</text>${badgeSvg}
</svg>`;
};

const banners = [
  {
    file: 'banner-fresh.jpg',
    title: '车厘子季 · 会员抢先购',
    subtitle: '智利 JJ 级空运直达，会员提前 48 小时',
    colors: ['#7a1424', '#c0392b'],
    motif: 'cherry',
  },
  {
    file: 'banner-kitchen.jpg',
    title: '新米上市 会员价 79 元起',
    subtitle: '五常稻花香，当季现磨',
    colors: ['#8a5a14', '#d4a24c'],
    motif: 'sack',
  },
  {
    file: 'banner-tea.jpg',
    title: '明前龙井 头采限量',
    subtitle: '核心产区，会员专享',
    colors: ['#2f4a22', '#6d9a4a'],
    motif: 'tea',
  },
];

const bannerSvg = ({
  title,
  subtitle,
  colors,
  motif,
}) => `<svg xmlns="http://www.w3.org/2000/svg" width="750" height="300" viewBox="0 0 750 300">
  <defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${colors[0]}"/><stop offset="1" stop-color="${colors[1]}"/></linearGradient></defs>
  <rect width="750" height="300" fill="url(#bg)"/><circle cx="610" cy="150" r="135" fill="#ffffff" opacity="0.14"/>
  <g transform="translate(440 -20) scale(0.56)">${motifs[motif](['#f6ead2', '#e8cf9f', '#b8893e'])}</g>
  <text x="44" y="130" font-size="42" fill="#fff" font-family="WenQuanYi Micro Hei">${title}</text>
  <text x="44" y="182" font-size="24" fill="#fff" opacity="0.85" font-family="WenQuanYi Micro Hei">${subtitle}</text>
  <rect x="44" y="214" width="150" height="46" rx="23" fill="#fff"/><text x="119" y="245" font-size="22" text-anchor="middle" fill="${colors[0]}" font-family="WenQuanYi Micro Hei">立即查看</text>
</svg>`;

async function shoot(page, svg, width, height, scale, path) {
  await page.setViewportSize({ width: Math.round(width * scale), height: Math.round(height * scale) });
  await page.setContent(
    `<html><body style="margin:0">${svg.replace(/width="(\d+)" height="(\d+)"/, `width="${Math.round(width * scale)}" height="${Math.round(height * scale)}"`)}</body></html>`,
  );
  writeFileSync(
    path,
    await page.screenshot({
      type: 'jpeg',
      quality: 72,
      clip: { x: 0, y: 0, width: Math.round(width * scale), height: Math.round(height * scale) },
    }),
  );
}

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
const page = await browser.newPage();
for (const product of [...products, ...skuPictures]) {
  const svg = productSvg(product);
  await shoot(page, svg, 600, 600, 1, join(OUT, `${product.code}.jpg`));
  await shoot(page, svg, 600, 600, 0.6, join(OUT, `${product.code}.thumb.jpg`)); // 360 px, as uploads get
}
for (const banner of banners) {
  const svg = bannerSvg(banner);
  await shoot(page, svg, 750, 300, 1, join(OUT, banner.file));
  await shoot(page, svg, 750, 300, 0.48, join(OUT, banner.file.replace('.jpg', '.thumb.jpg')));
}
await browser.close();
console.log(
  `${products.length} products, ${skuPictures.length} SKU pictures and ${banners.length} banners drawn into ${OUT}`,
);
