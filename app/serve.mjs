// Serve the built app (dist/) against a node, resolve GS1 Digital Links and serve each batch's
// EPCIS 2.0 document, `/provenance/{batch}/epcis.jsonld` (resolver.mjs, epcis.mjs):
// `node serve.mjs [--node ws://127.0.0.1:9944] [--port 8080] [--host 127.0.0.1]
// [--root https://id.example.com]`. The node URL reaches the page as /config.json; a URL's
// `?node=` overrides it in the browser. `--root` is the public origin QR codes point to (the
// resolver's `resolverRoot` and linkset anchors); by default the request's own host.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createResolver, isResolverPath } from './resolver.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const node = args.node ?? process.env.COMMERCE_NODE ?? 'ws://127.0.0.1:9944';
const port = Number(args.port ?? process.env.PORT ?? 8080);
const host = args.host ?? '127.0.0.1';
const dist = join(new URL('.', import.meta.url).pathname, 'dist');
if (!existsSync(join(dist, 'app.js'))) {
  console.error('no dist/app.js: run `npm run descriptors && npm run build` first');
  process.exit(1);
}
const resolver = await createResolver(node);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.json': 'application/json' };

export const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (isResolverPath(path)) {
    const root = args.root ?? `http://${req.headers.host ?? `${host}:${port}`}`;
    resolver.handle(req, res, root).catch((err) => {
      console.error('resolver:', err);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('The chain could not be read\n');
    });
    return;
  }
  if (path === '/config.json') {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ node }));
    return;
  }
  let file = normalize(join(dist, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) file = join(dist, 'index.html');
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
server.listen(port, host, () => console.log(`commerce-chain app on http://${host}:${port}/ (node ${node})`));
