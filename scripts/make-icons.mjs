// Renders the app icons from public/icon.svg (run by hand after changing it:
// `node scripts/make-icons.mjs`); the PNGs are committed.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';

const svg = readFileSync('public/icon.svg', 'utf8');
// The logo sits inside the central 80% circle, so the same art is a safe maskable icon.
/** @type {[string, number][]} */
const icons = [
  ['icon-192.png', 192],
  ['icon-512.png', 512],
  ['icon-maskable-512.png', 512],
  ['apple-touch-icon.png', 180],
];
for (const [file, size] of icons) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
  writeFileSync(`public/${file}`, png);
  console.log(`public/${file}: ${size}×${size}, ${png.length} bytes`);
}
