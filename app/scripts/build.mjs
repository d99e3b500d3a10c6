// Bundle the app into dist/: one ES module (`app.js`), the page and its style. Prints the
// bundle's size, raw and gzipped (the figure docs/app.md reports).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const app = new URL('..', import.meta.url).pathname;
const descriptors = join(app, '.papi/descriptors/dist/index.js');
if (!existsSync(descriptors)) {
  console.error('no PAPI descriptors: run `npm run descriptors` first');
  process.exit(1);
}
const dist = join(app, 'dist');
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(app, 'src/main.ts')],
  outfile: join(dist, 'app.js'),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  alias: { '@polkadot-api/descriptors': descriptors },
  // libsodium-wrappers 0.7's ES module imports `./libsodium.mjs`, which ships in the `libsodium`
  // package: point the import there.
  plugins: [{
    name: 'libsodium-esm',
    setup(b) {
      b.onResolve({ filter: /^\.\/libsodium\.mjs$/ }, () => ({ path: join(app, 'node_modules/libsodium/dist/modules-esm/libsodium.mjs') }));
    },
  }],
  logLevel: 'warning',
});
for (const f of ['index.html', 'style.css']) copyFileSync(join(app, 'static', f), join(dist, f));
const js = readFileSync(join(dist, 'app.js'));
console.log(`app.js: ${statSync(join(dist, 'app.js')).size} bytes, ${gzipSync(js).length} gzipped`);
