// Builds the cockpit into dist/: one hashed, minified JS bundle and one CSS file (uPlot's styles included), an
// index.html that names them, and .gz/.br copies of each for the server to send as they are. Run by `npm run build`,
// which the .NET build of Aura.Server calls when web/ changed.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

const result = await build({
  entryPoints: [join(root, 'src/main.js'), join(root, 'src/styles.css')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  legalComments: 'none',
  write: false,
  outdir: 'out',
  metafile: false,
  logLevel: 'warning',
});

await rm(dist, { recursive: true, force: true });
await mkdir(join(dist, 'assets'), { recursive: true });

let total = 0;
const names = {};
for (const file of result.outputFiles) {
  const ext = file.path.endsWith('.css') ? 'css' : 'js';
  const hash = createHash('sha256').update(file.contents).digest('hex').slice(0, 12);
  const name = `assets/app-${hash}.${ext}`;
  names[ext] = name;
  await emit(name, file.contents);
}

const template = await readFile(join(root, 'src/index.html'), 'utf8');
const html = template.replace('%CSS%', '/' + names.css).replace('%JS%', '/' + names.js);
await emit('index.html', Buffer.from(html));

async function emit(name, bytes) {
  await writeFile(join(dist, name), bytes);
  const gzip = gzipSync(bytes, { level: 9 });
  total += gzip.length;
  // Tiny files gain nothing from a compressed copy, and the server then sends them as they are.
  if (gzip.length < bytes.length * 0.9) {
    await writeFile(join(dist, name + '.gz'), gzip);
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    await writeFile(join(dist, name + '.br'), brotli);
  }
}

console.log(`cockpit: ${names.js}, ${names.css}; ${(total / 1024).toFixed(1)} KiB gzipped in all`);
