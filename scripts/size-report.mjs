// Prints raw, gzip (level 9) and brotli (quality 11) sizes of every file under a folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const root = process.argv[2] ?? 'dist';

/**
 * @param {string} dir
 * @returns {Generator<string>}
 */
function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

const rows = [...files(root)].map((path) => {
  const bytes = readFileSync(path);
  return {
    file: relative(root, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const width = Math.max(5, ...rows.map((row) => row.file.length));
/** @type {(file: string, raw: number | string, gzip: number | string, brotli: number | string) => string} */
const line = (file, raw, gzip, brotli) => `${file.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}  ${String(brotli).padStart(9)}`;
console.log(line('file', 'raw', 'gzip', 'brotli'));
for (const row of rows) console.log(line(row.file, row.raw, row.gzip, row.brotli));
console.log(line('total', total.raw, total.gzip, total.brotli));
