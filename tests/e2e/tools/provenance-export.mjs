// Export a batch's on-chain history as an EPCIS 2.0 JSON-LD document, validated with epcis2.js,
// and print the GS1 Digital Link URI its QR code carries (optionally writing the QR code as SVG).
//
//   node tools/provenance-export.mjs --link 'https://id.example.com/01/04006381333931/10/LOT-1'
//   node tools/provenance-export.mjs --batch 0 --ws ws://127.0.0.1:9944 --out h.jsonld --qr qr.svg
//
// Options: --ws (default ws://127.0.0.1:9944), --batch ID or --link URI, --resolver (the
// Digital Link domain, default https://id.gs1.org), --out FILE (default: stdout), --qr FILE.
// Exits 1 if the batch is not found or the document does not validate.
//
// As a module: `exportBatch(api, batchId, { resolver })` returns `{ uri, document }`, and
// `validate(document)` returns epcis2.js's `{ success, errors }`.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { createHash } from 'node:crypto';
import epcis from 'epcis2.js';
import QRCode from 'qrcode';

const { validateEpcisDocument } = epcis;

export const CONTEXT = [
  'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
  { cc: 'https://github.com/commerce-chain/commerce-chain/blob/main/docs/provenance.md#' },
];

// The content of a Bytes or a fixed byte array, as text (toU8a would add a length prefix).
const ascii = (bytes) => bytes.toUtf8();
const snake = (name) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

const SENSORS = {
  Temperature: { type: 'gs1:Temperature', uom: 'CEL', scale: 1000 },
  RelativeHumidity: { type: 'gs1:RelativeHumidity', uom: 'A93', scale: 1000 },
  AbsolutePressure: { type: 'gs1:AbsolutePressure', uom: 'PAL', scale: 1 },
  Illuminance: { type: 'gs1:Illuminance', uom: 'LUX', scale: 1000 },
};

/** `+01:00` from minutes east of UTC. */
function offset(minutes) {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A stable event id: a name-based UUID from the chain's genesis hash and the event id. */
function eventId(genesis, id) {
  const h = createHash('sha256').update(`${genesis}:${id}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The Digital Link of a batch: `{resolver}{path}`. The path comes from
 * `ProvenanceApi_digital_link` through `state_call`, decoded here: @polkadot/api 16.5's
 * `api.call` wraps an `Option<Vec<u8>>` result whole (prefix and all) in the option's value.
 */
async function linkOf(api, batchId, resolver) {
  // The argument is the SCALE encoding of the u64 batch id: little-endian (`toHex()` of a
  // Polkadot.js integer is big-endian, for display, and only batch 0 reads the same).
  const arg = api.createType('u64', batchId).toHex(true);
  const raw = await api.rpc.state.call('ProvenanceApi_digital_link', arg);
  const path = api.createType('Option<Bytes>', raw.toU8a(true));
  if (path.isNone) throw new Error(`no batch ${batchId}`);
  return resolver + ascii(path.unwrap());
}

/** The EPC or class of a batch: serialised items are EPCs, lots are classes. */
async function identify(api, batchId, resolver, cache) {
  if (!cache.has(batchId)) {
    const key = (await api.query.provenance.batches(batchId)).unwrap().key;
    cache.set(batchId, { uri: await linkOf(api, batchId, resolver), serial: key.serial.isSome });
  }
  return cache.get(batchId);
}

function split(ids) {
  return {
    epcs: ids.filter((i) => i.serial).map((i) => i.uri),
    classes: ids.filter((i) => !i.serial).map((i) => ({ epcClass: i.uri })),
  };
}

async function recordTime(api, block, cache) {
  if (!cache.has(block)) {
    const hash = await api.rpc.chain.getBlockHash(block);
    const at = await (await api.at(hash)).query.timestamp.now();
    cache.set(block, new Date(at.toNumber()).toISOString());
  }
  return cache.get(block);
}

/**
 * The batch's history as an EPCIS 2.0 document: every event, corrections included; an event
 * declared erroneous carries its `errorDeclaration` naming the correcting event.
 */
export async function exportBatch(api, batchId, { resolver: domain = 'https://id.gs1.org' } = {}) {
  const resolver = domain.replace(/\/$/, '');
  const genesis = api.genesisHash.toHex();
  const ids = new Map();
  const times = new Map();
  const entries = [];
  for (let from = 0; ; from += 100) {
    const page = await api.call.provenanceApi.history(batchId, from, 100);
    entries.push(...page);
    if (page.length < 100) break;
  }
  const recordOf = new Map();
  for (const [id, event] of entries) recordOf.set(id.toString(), event);
  const eventList = [];
  for (const [id, event, correctedBy] of entries) {
    const d = event.details;
    const common = {
      eventID: eventId(genesis, id.toString()),
      eventTime: new Date(d.eventTime.toNumber()).toISOString(),
      eventTimeZoneOffset: offset(d.timeZoneOffset.toNumber()),
      recordTime: await recordTime(api, event.recordedAt.toNumber(), times),
    };
    const kind = event.kind;
    let out;
    if (kind.isCommission || kind.isObserve) {
      const { epcs, classes } = split([await identify(api, event.batch.toNumber(), resolver, ids)]);
      out = { type: 'ObjectEvent', ...common, epcList: epcs, quantityList: classes, action: kind.isCommission ? 'ADD' : 'OBSERVE' };
    } else if (kind.isAggregate) {
      const children = [];
      for (const child of kind.asAggregate.children) children.push(await identify(api, child.toNumber(), resolver, ids));
      const { epcs, classes } = split(children);
      out = {
        type: 'AggregationEvent', ...common,
        parentID: `${resolver}/00/${ascii(kind.asAggregate.parent)}`,
        childEPCs: epcs, childQuantityList: classes, action: 'ADD',
      };
    } else {
      const inputs = [];
      for (const input of kind.asTransform.inputs) inputs.push(await identify(api, input.toNumber(), resolver, ids));
      const input = split(inputs);
      const output = split([await identify(api, kind.asTransform.output.toNumber(), resolver, ids)]);
      out = {
        type: 'TransformationEvent', ...common,
        inputEPCList: input.epcs, inputQuantityList: input.classes,
        outputEPCList: output.epcs, outputQuantityList: output.classes,
      };
    }
    out.bizStep = snake(event.bizStep.type);
    out.disposition = snake(d.disposition.type);
    if (d.readPoint.isSome) out.readPoint = { id: `${resolver}/414/${ascii(d.readPoint.unwrap())}` };
    if (d.bizLocation.isSome) out.bizLocation = { id: `${resolver}/414/${ascii(d.bizLocation.unwrap())}` };
    if (event.order.isSome) {
      out.bizTransactionList = [{ type: 'po', bizTransaction: `urn:commerce-chain:order:${event.order.unwrap()}` }];
    }
    if (event.to.isSome) {
      out.destinationList = [{ type: 'owning_party', destination: `urn:commerce-chain:account:${event.to.unwrap()}` }];
    }
    if (d.readings.length > 0) {
      out.sensorElementList = [{
        sensorReport: d.readings.map((r) => {
          const s = SENSORS[r.kind.type];
          return { type: s.type, value: Number(r.value.toBigInt()) / s.scale, uom: s.uom };
        }),
      }];
    }
    if (correctedBy.isSome) {
      const correction = recordOf.get(correctedBy.unwrap().toString());
      out.errorDeclaration = {
        declarationTime: correction ? await recordTime(api, correction.recordedAt.toNumber(), times) : common.recordTime,
        reason: correction ? snake(correction.corrects.unwrap()[1].type) : 'incorrect_data',
        correctiveEventIDs: [eventId(genesis, correctedBy.unwrap().toString())],
      };
    }
    out['cc:attester'] = event.attester.toString();
    out['cc:documents'] = d.documents.map((h) => h.toHex());
    for (const key of Object.keys(out)) {
      if (Array.isArray(out[key]) && out[key].length === 0) delete out[key];
    }
    eventList.push(out);
  }
  const document = {
    '@context': CONTEXT,
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: new Date().toISOString(),
    epcisBody: { eventList },
  };
  return { uri: await linkOf(api, batchId, resolver), document };
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
  const { ApiPromise, WsProvider } = await import('@polkadot/api');
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
  );
  const api = await ApiPromise.create({ provider: new WsProvider(args.ws ?? 'ws://127.0.0.1:9944'), noInitWarn: true });
  try {
    let batch = args.batch !== undefined ? Number(args.batch) : null;
    if (batch === null) {
      const found = await api.call.provenanceApi.batchByDigitalLink(args.link ?? '');
      if (found.isNone) throw new Error(`no batch for ${args.link}`);
      batch = found.unwrap()[0].toNumber();
    }
    const { uri, document } = await exportBatch(api, batch, { resolver: args.resolver });
    const verdict = validate(document);
    const text = JSON.stringify(document, null, 2);
    if (args.out) writeFileSync(args.out, text); else console.log(text);
    if (args.qr) writeFileSync(args.qr, await qrSvg(uri));
    console.error(`batch ${batch}: ${uri}`);
    console.error(`${document.epcisBody.eventList.length} events; EPCIS 2.0 ${verdict.success ? 'valid' : `INVALID: ${verdict.errors}`}`);
    process.exitCode = verdict.success ? 0 : 1;
  } finally {
    await api.disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => { console.error(err.message); process.exit(1); });
}
