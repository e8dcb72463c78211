// Builds the cockpit into dist/: hashed, minified ES modules (the app, and uPlot as a chunk the timeline loads after the
// first paint) and one CSS file (uPlot's styles included) under assets/, an index.html that names the entry files, and
// .gz/.br copies of each for the server to send as they are. Run by `npm run build`, which the .NET build of
// Aura.Server calls when web/ changed.
import { build } from 'esbuild';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const assets = join(dist, 'assets');

const result = await build({
  entryPoints: { app: join(root, 'src/main.js'), style: join(root, 'src/styles.css') },
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox115', 'safari16'],
  legalComments: 'none',
  write: false,
  outdir: assets,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunk-[hash]',
  metafile: true,
  logLevel: 'warning',
});

await rm(dist, { recursive: true, force: true });
await mkdir(assets, { recursive: true });

const entries = {};
for (const [path, output] of Object.entries(result.metafile.outputs)) {
  if (output.entryPoint?.endsWith('main.js')) entries.js = basename(path);
  if (output.entryPoint?.endsWith('styles.css') && path.endsWith('.css')) entries.css = basename(path);
}

let total = 0;
let initial = 0;
for (const file of result.outputFiles) {
  const name = basename(file.path);
  // The CSS entry also yields an empty JS stub; nothing loads it.
  if (name.startsWith('style-') && name.endsWith('.js')) continue;
  const gz = await emit(join('assets', name), file.contents);
  total += gz;
  if (name === entries.js || name === entries.css) initial += gz;
}

const template = await readFile(join(root, 'src/index.html'), 'utf8');
const html = template.replace('%CSS%', `/assets/${entries.css}`).replace('%JS%', `/assets/${entries.js}`);
const page = await emit('index.html', Buffer.from(html));

async function emit(name, bytes) {
  await writeFile(join(dist, name), bytes);
  const gzip = gzipSync(bytes, { level: 9 });
  // Tiny files gain nothing from a compressed copy, and the server then sends them as they are.
  if (gzip.length < bytes.length * 0.9) {
    await writeFile(join(dist, name + '.gz'), gzip);
    await writeFile(join(dist, name + '.br'), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
    return gzip.length;
  }
  return bytes.length;
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`cockpit: ${entries.js}, ${entries.css}; gzipped ${kib(initial + page)} before the first paint, ${kib(total + page)} in all`);
