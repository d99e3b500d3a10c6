// Export a batch's on-chain history as an EPCIS 2.0 JSON-LD document, validated with epcis2.js,
// and print the GS1 Digital Link URI its QR code carries (optionally writing the QR code as SVG).
// The document is the app's (app/epcis.mjs, the one the resolver serves at
// `/provenance/{batch}/epcis.jsonld`), read through PAPI with the app's descriptors: build them
// first (`npm run descriptors` in app/).
//
//   node tools/provenance-export.mjs --link 'https://id.example.com/01/04006381333931/10/LOT-1'
//   node tools/provenance-export.mjs --batch 0 --ws ws://127.0.0.1:9944 --out h.jsonld --qr qr.svg
//
// Options: --ws (default ws://127.0.0.1:9944), --batch ID or --link URI, --resolver (the
// Digital Link domain, default https://id.gs1.org), --out FILE (default: stdout), --qr FILE.
// Exits 1 if the batch is not found or the document does not validate.
//
// As a module: `exportBatch(wsUrl, batchId, { resolver })` connects to the node, returns
// `{ uri, document }` and disconnects (it throws if there is no such batch);
// `validate(document)` returns epcis2.js's `{ success, errors }`; `qrSvg(uri)` the QR code.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import epcis from 'epcis2.js';
import { Binary, createClient } from 'polkadot-api';
import { getWsProvider } from 'polkadot-api/ws';
import QRCode from 'qrcode';
import WebSocket from 'ws';
import { exportBatch as exportFromChain } from '../../../app/epcis.mjs';

const { validateEpcisDocument } = epcis;

/** Run `fn({ api, client })` with a PAPI client of the node at `ws`, typed by the app's descriptors. */
async function withChain(ws, fn) {
  const { commerce } = await import('../../../app/.papi/descriptors/dist/index.js');
  const client = createClient(getWsProvider(ws, { websocketClass: WebSocket }));
  try {
    return await fn({ api: client.getTypedApi(commerce), client });
  } finally {
    client.destroy();
  }
}

async function exportWith({ api, client }, batchId, opts) {
  const exported = await exportFromChain(api, client, batchId, opts);
  if (!exported) throw new Error(`no batch ${batchId}`);
  return exported;
}

/** The batch's history as an EPCIS 2.0 document, and its Digital Link: `{ uri, document }`. */
export function exportBatch(ws, batchId, opts = {}) {
  return withChain(ws, (chain) => exportWith(chain, batchId, opts));
}

/** epcis2.js's verdict on a document: `{ success, errors }`. */
export function validate(document) {
  return validateEpcisDocument(document, false);
}

/** The QR code of a Digital Link, as SVG text. */
export function qrSvg(uri) {
  return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M' });
}

async function main() {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
  );
  await withChain(args.ws ?? 'ws://127.0.0.1:9944', async (chain) => {
    let batch = args.batch !== undefined ? BigInt(args.batch) : null;
    if (batch === null) {
      const found = await chain.api.apis.ProvenanceApi.batch_by_digital_link(Binary.fromText(args.link ?? ''));
      if (!found) throw new Error(`no batch for ${args.link}`);
      [batch] = found;
    }
    const { uri, document } = await exportWith(chain, batch, { resolver: args.resolver });
    const verdict = validate(document);
    const text = JSON.stringify(document, null, 2);
    if (args.out) writeFileSync(args.out, text); else console.log(text);
    if (args.qr) writeFileSync(args.qr, await qrSvg(uri));
    console.error(`batch ${batch}: ${uri}`);
    console.error(`${document.epcisBody.eventList.length} events; EPCIS 2.0 ${verdict.success ? 'valid' : `INVALID: ${verdict.errors}`}`);
    process.exitCode = verdict.success ? 0 : 1;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => { console.error(err.message); process.exit(1); });
}
