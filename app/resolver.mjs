// A GS1-Conformant resolver (GS1 resolver standard 1.2) for the chain's provenance records,
// served by the app's server: a product's QR code carries a GS1 Digital Link URI on this host,
// `/01/{gtin}/10/{lot}[/21/{serial}]`, which the chain's `ProvenanceApi` resolves to a batch.
//
// - A browser (no `linkType`, no linkset Accept) is redirected (307) to the default link: the
//   batch's page in the app (`/provenance/{batch}`), with a `Link` header to the linkset.
// - `Accept: application/linkset+json`, or `?linkType=linkset` (or the deprecated `all`):
//   200 with the RFC 9264 linkset (GS1's linkset schema), `Content-Type:
//   application/linkset+json` and the JSON-LD context in a `Link` header.
// - `?linkType=gs1:defaultLink` / `gs1:traceability` / `gs1:epcis`: redirect to that link;
//   another link type: 404.
// - A well-formed key the chain does not know: 404. A malformed path: 400.
// - `/.well-known/gs1resolver`: the resolver description file.
// - `/provenance/{batch}/epcis.jsonld`, the linkset's `gs1:epcis` link: the batch's history as
//   an EPCIS 2.0 JSON-LD document (epcis.mjs; `Content-Type: application/ld+json`), its EPCs
//   and classes Digital Links on the resolver root; an unknown batch: 404.
//
// It reads the chain through the runtime API (PAPI, typed by the same descriptors as the app;
// the EPCIS document's record times also over the node's legacy JSON-RPC), so it serves
// whichever node it is given and keeps no state of its own.
import { Binary, createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import WebSocket from 'ws';
import { exportBatch } from './epcis.mjs';

const CONTEXT = 'https://ref.gs1.org/standards/resolver/linkset-context';
const GS1 = 'https://gs1.org/voc/';
/** `/01/{gtin}` with optional `/10/{lot}` and `/21/{serial}`: GS1 Digital Link's key path. */
const KEY_PATH = /^\/01\/(\d{8}|\d{12,14})(?:\/10\/([^/]{1,20}))?(?:\/21\/([^/]{1,20}))?\/?$/;
/** `/provenance/{batch}/epcis.jsonld`: a batch's history as EPCIS 2.0 JSON-LD. */
const EPCIS_PATH = /^\/provenance\/(\d{1,20})\/epcis\.jsonld$/;

export function isResolverPath(path) {
  return path === '/.well-known/gs1resolver' || path.startsWith('/01/') || EPCIS_PATH.test(path);
}

export async function createResolver(nodeUrl) {
  const { commerce } = await import('./.papi/descriptors/dist/index.js');
  const client = createClient(getWsProvider(nodeUrl, { websocketClass: WebSocket }));
  const api = client.getTypedApi(commerce);
  return { handle: (req, res, root) => handle(api, client, req, res, root), destroy: () => client.destroy() };
}

function description(root) {
  return {
    name: 'commerce-chain provenance resolver',
    resolverRoot: root,
    supportedPrimaryKeys: ['01'],
    supportedLinkType: [{ namespace: GS1, prefix: 'gs1:' }],
    linkTypeDefaultCanBeLinkset: false,
    jsonLdContextLocation: CONTEXT,
  };
}

function send(res, status, headers, body) {
  res.writeHead(status, {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, HEAD, OPTIONS',
    'access-control-expose-headers': 'Link, Location',
    ...headers,
  });
  res.end(body);
}

async function handle(api, client, req, res, root) {
  const url = new URL(req.url, root);
  if (req.method === 'OPTIONS') return send(res, 204, {});
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { allow: 'GET, HEAD, OPTIONS' });
  if (url.pathname === '/.well-known/gs1resolver') {
    return send(res, 200, { 'content-type': 'application/json' }, JSON.stringify(description(root), null, 2));
  }
  const epcis = url.pathname.match(EPCIS_PATH);
  if (epcis) {
    const exported = await exportBatch(api, client, epcis[1], { resolver: root });
    if (!exported) return send(res, 404, { 'content-type': 'text/plain' }, `No batch ${epcis[1]} on this chain\n`);
    return send(res, 200, { 'content-type': 'application/ld+json' }, JSON.stringify(exported.document, null, 2));
  }
  const key = url.pathname.match(KEY_PATH);
  if (!key) return send(res, 400, { 'content-type': 'text/plain' }, 'Not a GS1 Digital Link key path: /01/{gtin}[/10/{lot}][/21/{serial}]\n');
  const [, gtin, lot, serial] = key;
  const path = url.pathname.replace(/\/$/, '');
  const found = await api.apis.ProvenanceApi.batch_by_digital_link(Binary.fromText(path));
  if (!found) return send(res, 404, { 'content-type': 'text/plain' }, `No batch on this chain has the key ${path}\n`);
  const [batch] = found;
  const anchor = `${root}${path}`;
  const page = `${root}/provenance/${batch}`;
  const what = `GTIN ${gtin}${lot ? `, lot ${decodeURIComponent(lot)}` : ''}${serial ? `, serial ${decodeURIComponent(serial)}` : ''}`;
  const links = {
    defaultLink: { href: page, title: `Provenance of ${what}` },
    traceability: { href: page, title: `Where ${what} has been, attested on chain`, type: 'text/html', hreflang: ['en'] },
    epcis: { href: `${page}/epcis.jsonld`, title: `The EPCIS 2.0 events of ${what}`, type: 'application/ld+json' },
  };
  const linkset = {
    linkset: [
      {
        anchor,
        itemDescription: `Batch ${batch}: ${what}`,
        [`${GS1}defaultLink`]: [links.defaultLink],
        [`${GS1}traceability`]: [links.traceability],
        [`${GS1}epcis`]: [links.epcis],
      },
    ],
  };
  const wanted = (url.searchParams.get('linkType') ?? '').replace(/^gs1:/, '').replace(GS1, '');
  const accept = req.headers.accept ?? '';
  if (wanted === 'linkset' || wanted === 'all' || (!wanted && accept.includes('application/linkset+json'))) {
    return send(
      res,
      200,
      { 'content-type': 'application/linkset+json', link: `<${CONTEXT}>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"` },
      JSON.stringify(linkset, null, 2),
    );
  }
  const target = Object.hasOwn(links, wanted || 'defaultLink') ? links[wanted || 'defaultLink'] : undefined;
  if (!target) return send(res, 404, { 'content-type': 'text/plain' }, `No ${wanted} link for ${path}\n`);
  const query = new URLSearchParams(url.searchParams);
  query.delete('linkType');
  const location = query.size ? `${target.href}?${query}` : target.href;
  return send(res, 307, { location, link: `<${anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json"` });
}
