// A batch's on-chain history as an EPCIS 2.0 JSON-LD document (`EPCISDocument`), for the
// resolver's `gs1:epcis` link (`/provenance/{batch}/epcis.jsonld`) and the export tool in
// tests/e2e/tools/provenance-export.mjs, which validates it with epcis2.js.
//
// `exportBatch(api, client, batchId, { resolver })` returns `{ uri, document }`, or null if the
// chain has no such batch: `uri` is the batch's GS1 Digital Link on `resolver` (the Digital Link
// domain, default https://id.gs1.org). `api` is the PAPI typed API for the app's descriptors
// (`commerce`), `client` its PAPI client. Everything is read at one finalized block, held while
// the export runs, through the runtime API (`ProvenanceApi.history`, `digital_link`) and the
// `Provenance.Batches` storage.
//
// Every event is exported, corrections included: an event declared erroneous carries its
// `errorDeclaration` naming the correcting event. Event ids are name-based UUIDs from the
// chain's genesis hash and the event id, so an export is stable. A serialised item is an EPC
// (`epcList`), a lot a class (`quantityList`); GLNs become `{resolver}/414/{gln}`, the SSCC of
// an aggregation `{resolver}/00/{sscc}`. An event's `recordTime` is the timestamp of the block
// that recorded it, read over the legacy JSON-RPC (`state_getStorage` of `Timestamp.Now` at
// that block: PAPI reads storage only at the blocks it holds) or, if the node has pruned that
// block's state, from the block's timestamp inherent (blocks are kept by default), so no
// archive node is needed.
import { createHash } from 'node:crypto';
import { Binary } from 'polkadot-api';

export const CONTEXT = [
  'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld',
  { cc: 'https://github.com/commerce-chain/commerce-chain/blob/main/docs/provenance.md#' },
];

/** twox128("Timestamp") ++ twox128("Now"). */
const TIMESTAMP_NOW = '0xf0c365c3cf59d671eb72da0e7a4113c49f1f0515f462cdcf84e0f1d6045dfcbb';
/** Events read per `ProvenanceApi.history` call. */
const PAGE = 100;

const SENSORS = {
  Temperature: { type: 'gs1:Temperature', uom: 'CEL', scale: 1000 },
  RelativeHumidity: { type: 'gs1:RelativeHumidity', uom: 'A93', scale: 1000 },
  AbsolutePressure: { type: 'gs1:AbsolutePressure', uom: 'PAL', scale: 1 },
  Illuminance: { type: 'gs1:Illuminance', uom: 'LUX', scale: 1000 },
};

/** The text of a fixed byte array (a hex string in PAPI). */
const ascii = (hex) => Binary.toText(Binary.fromHex(hex));
const snake = (name) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();

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

/** A SCALE compact integer at `bytes[i]`: `[value, index after it]`. */
function compactAt(bytes, i) {
  const mode = bytes[i] & 3;
  if (mode < 3) {
    const n = 1 << mode;
    let value = 0;
    for (let j = n - 1; j >= 0; j--) value = value * 256 + bytes[i + j];
    return [BigInt(Math.floor(value / 4)), i + n];
  }
  const n = (bytes[i] >> 2) + 4;
  let value = 0n;
  for (let j = n; j >= 1; j--) value = (value << 8n) | BigInt(bytes[i + j]);
  return [value, i + 1 + n];
}

/** Little-endian bytes (hex) as a bigint. */
const leToBigInt = (hex) => BigInt(`0x${hex.slice(2).match(/../g).reverse().join('') || '0'}`);

/**
 * The timestamp (ms) of block `number`: `Timestamp.Now` in its state, else the `Timestamp.set`
 * inherent in its body (a bare extrinsic: length, version 4 or 5, call, compact moment).
 */
async function blockTime(api, client, number) {
  const hash = await client._request('chain_getBlockHash', [number]);
  if (!hash) throw new Error(`no block #${number}`);
  try {
    const now = await client._request('state_getStorage', [TIMESTAMP_NOW, hash]);
    if (now) return Number(leToBigInt(now));
  } catch {
    // The node has pruned that block's state: read its timestamp inherent below.
  }
  const call = await api.tx.Timestamp.set({ now: 0n }).getEncodedData();
  const { block } = await client._request('chain_getBlock', [hash]);
  for (const hex of block.extrinsics) {
    const bytes = Binary.fromHex(hex);
    const [, at] = compactAt(bytes, 0);
    if ((bytes[at] === 4 || bytes[at] === 5) && bytes[at + 1] === call[0] && bytes[at + 2] === call[1]) {
      return Number(compactAt(bytes, at + 3)[0]);
    }
  }
  throw new Error(`no timestamp in block #${number}`);
}

/** The batch's history as an EPCIS 2.0 document and its Digital Link, or null: see above. */
export async function exportBatch(api, client, batchId, { resolver: domain = 'https://id.gs1.org' } = {}) {
  const resolver = domain.replace(/\/$/, '');
  const batch = BigInt(batchId);
  if (batch < 0n || batch >= 1n << 64n) return null;
  const { genesisHash } = await client.getChainSpecData();
  const genesis = genesisHash.toLowerCase();
  const { hash } = await client.getFinalizedBlock();
  const release = client.hodlBlock(hash);
  try {
    const at = { at: hash };
    const record = await api.query.Provenance.Batches.getValue(batch, at);
    if (!record) return null;

    const ids = new Map();
    /** The EPC or class of a batch: serialised items are EPCs, lots are classes. */
    const identify = async (id) => {
      if (!ids.has(id)) {
        const [found, path] = await Promise.all([
          id === batch ? record : api.query.Provenance.Batches.getValue(id, at),
          api.apis.ProvenanceApi.digital_link(id, at),
        ]);
        if (!found || !path) throw new Error(`no batch ${id}`);
        ids.set(id, { uri: resolver + Binary.toText(path), serial: found.key.serial !== undefined });
      }
      return ids.get(id);
    };
    const split = (list) => ({
      epcs: list.filter((i) => i.serial).map((i) => i.uri),
      classes: list.filter((i) => !i.serial).map((i) => ({ epcClass: i.uri })),
    });
    const times = new Map();
    const recordTime = async (block) => {
      if (!times.has(block)) times.set(block, new Date(await blockTime(api, client, block)).toISOString());
      return times.get(block);
    };

    const entries = [];
    for (let from = 0; from < record.events; from += PAGE) {
      const page = await api.apis.ProvenanceApi.history(batch, from, PAGE, at);
      entries.push(...page);
      if (page.length === 0) break;
    }
    const recordOf = new Map(entries.map(([id, event]) => [id, event]));
    const eventList = [];
    for (const [id, event, correctedBy] of entries) {
      const d = event.details;
      const common = {
        eventID: eventId(genesis, id),
        eventTime: new Date(Number(d.event_time)).toISOString(),
        eventTimeZoneOffset: offset(d.time_zone_offset),
        recordTime: await recordTime(event.recorded_at),
      };
      const kind = event.kind;
      let out;
      if (kind.type === 'Commission' || kind.type === 'Observe') {
        const { epcs, classes } = split([await identify(event.batch)]);
        out = { type: 'ObjectEvent', ...common, epcList: epcs, quantityList: classes, action: kind.type === 'Commission' ? 'ADD' : 'OBSERVE' };
      } else if (kind.type === 'Aggregate') {
        const children = [];
        for (const child of kind.value.children) children.push(await identify(child));
        const { epcs, classes } = split(children);
        out = {
          type: 'AggregationEvent', ...common,
          parentID: `${resolver}/00/${ascii(kind.value.parent)}`,
          childEPCs: epcs, childQuantityList: classes, action: 'ADD',
        };
      } else {
        const inputs = [];
        for (const input of kind.value.inputs) inputs.push(await identify(input));
        const input = split(inputs);
        const output = split([await identify(kind.value.output)]);
        out = {
          type: 'TransformationEvent', ...common,
          inputEPCList: input.epcs, inputQuantityList: input.classes,
          outputEPCList: output.epcs, outputQuantityList: output.classes,
        };
      }
      out.bizStep = snake(event.biz_step.type);
      out.disposition = snake(d.disposition.type);
      if (d.read_point !== undefined) out.readPoint = { id: `${resolver}/414/${ascii(d.read_point)}` };
      if (d.biz_location !== undefined) out.bizLocation = { id: `${resolver}/414/${ascii(d.biz_location)}` };
      if (event.order !== undefined) {
        out.bizTransactionList = [{ type: 'po', bizTransaction: `urn:commerce-chain:order:${event.order}` }];
      }
      if (event.to !== undefined) {
        out.destinationList = [{ type: 'owning_party', destination: `urn:commerce-chain:account:${event.to}` }];
      }
      if (d.readings.length > 0) {
        out.sensorElementList = [{
          sensorReport: d.readings.map((r) => {
            const s = SENSORS[r.kind.type];
            return { type: s.type, value: Number(r.value) / s.scale, uom: s.uom };
          }),
        }];
      }
      if (correctedBy !== undefined) {
        const correction = recordOf.get(correctedBy);
        out.errorDeclaration = {
          declarationTime: correction ? await recordTime(correction.recorded_at) : common.recordTime,
          reason: correction?.corrects ? snake(correction.corrects[1].type) : 'incorrect_data',
          correctiveEventIDs: [eventId(genesis, correctedBy)],
        };
      }
      out['cc:attester'] = event.attester;
      out['cc:documents'] = d.documents.map((h) => h.toLowerCase());
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
    return { uri: (await identify(batch)).uri, document };
  } finally {
    release();
  }
}
