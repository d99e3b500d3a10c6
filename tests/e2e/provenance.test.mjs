// Issue 12: provenance end to end through Polkadot.js against `commerce-node --dev`.
// Alice (the development vetting body) registers a producer (Charlie, scoped to company prefix
// 4006381), a carrier (Bob), an inspector (Ferdie) and a retailer (Dave). Charlie commissions a
// batch; Bob takes custody in two steps; Ferdie adds a temperature reading with a report's hash,
// records a wrong inspection and corrects it; Bob hands the batch to Dave, who ships it to Eve
// against her order, which completes. The history is read back through the runtime API from
// the batch's Digital Link, exported as EPCIS 2.0 JSON-LD (app/epcis.mjs, through PAPI) that
// epcis2.js validates, with the QR code's SVG. An unregistered account and an expired attester
// are refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, submit } from './lib/node.mjs';
import { exportBatch, qrSvg, validate } from './tools/provenance-export.mjs';

const UNIT = 10n ** 12n;
const GTIN = '4006381333931';
const LOT = 'LOT/E2E-1';
const ROLES = { PRODUCER: 1, CARRIER: 2, WAREHOUSE: 4, RETAILER: 8, INSPECTOR: 16 };

let node;
let api;
let k;
// Event times are checked against the chain's clock, not this machine's: a `--dev` node's
// manual-seal timestamps need not follow wall time. Events are dated a minute before the
// chain's time at the start.
let chainNow;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode({ args: ['--dev-block-time', '1000'] });
  api = node.api;
  // The chain's time is 0 until its first block.
  for (chainNow = 0; chainNow === 0; await new Promise((r) => setTimeout(r, 300))) {
    chainNow = (await api.query.timestamp.now()).toNumber();
  }
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'One'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );
});
after(async () => { await node?.stop(); });

const send = (tx, signer) => submit(api, tx, signer);
const eventOf = (events, section, method) =>
  events.find(({ event }) => event.section === section && event.method === method)?.event;

function details(extra = {}) {
  return {
    eventTime: chainNow - 60_000,
    timeZoneOffset: 60,
    disposition: 'Active',
    readPoint: '9501101020917',
    bizLocation: null,
    readings: [],
    documents: [],
    ...extra,
  };
}

async function recorded(tx, signer) {
  const { events } = await send(tx, signer);
  return eventOf(events, 'provenance', 'Recorded').data.event.toNumber();
}

async function register(who, roles, prefixes = [], expiresAt = 1_000_000) {
  await send(api.tx.provenance.registerAttester(who.address, roles, prefixes, expiresAt), k.alice);
}

test('a batch from its producer to a buyer, attested, corrected, exported as EPCIS 2.0', async () => {
  await register(k.charlie, ROLES.PRODUCER, ['4006381']);
  await register(k.bob, ROLES.CARRIER);
  await register(k.ferdie, ROLES.INSPECTOR);
  await register(k.dave, ROLES.RETAILER);

  // Refused: an unregistered account, and a producer outside its company prefixes.
  await assert.rejects(send(api.tx.provenance.commission(GTIN, LOT, null, details()), k.eve), /provenance\.NotAttester/);
  await assert.rejects(
    send(api.tx.provenance.commission('9506000134352', LOT, null, details()), k.charlie),
    /provenance\.OutsideScope/,
  );
  // A bad check digit is a clear error.
  await assert.rejects(send(api.tx.provenance.commission('4006381333932', LOT, null, details()), k.charlie), /provenance\.BadCheckDigit/);

  const created = await send(api.tx.provenance.commission(GTIN, LOT, null, details()), k.charlie);
  const batch = eventOf(created.events, 'provenance', 'BatchCreated').data.batch.toNumber();

  // Custody in two steps: Charlie ships to Bob, Bob receives naming the shipment.
  const toBob = await recorded(api.tx.provenance.ship(batch, k.bob.address, null, details({ disposition: 'InTransit' })), k.charlie);
  assert.equal((await api.query.provenance.batches(batch)).unwrap().custodian.toString(), k.charlie.address);
  const received = await send(api.tx.provenance.receive(batch, toBob, details()), k.bob);
  assert.ok(eventOf(received.events, 'provenance', 'CustodyTransferred'));
  assert.equal((await api.query.provenance.batches(batch)).unwrap().custodian.toString(), k.bob.address);

  // Ferdie inspects with a temperature reading (4.5 °C) and the hash of the logger's report.
  const reading = details({ readings: [{ kind: 'Temperature', value: 4_500 }], documents: ['0x' + 'ab'.repeat(32)] });
  await recorded(api.tx.provenance.record(batch, 'SensorReporting', reading), k.ferdie);
  // A wrong inspection, then its correction: both stay in the history.
  const wrong = await recorded(api.tx.provenance.record(batch, 'Inspecting', details({ disposition: 'Damaged' })), k.ferdie);
  const fixed = await send(api.tx.provenance.correct(wrong, 'IncorrectData', details({ disposition: 'Conformant' })), k.ferdie);
  const correction = eventOf(fixed.events, 'provenance', 'Corrected').data.correction.toNumber();

  // Bob hands over to Dave, who sells it to Eve.
  const toDave = await recorded(api.tx.provenance.ship(batch, k.dave.address, null, details()), k.bob);
  await send(api.tx.provenance.receive(batch, toDave, details()), k.dave);
  const listed = await send(api.tx.orders.createListing('Native', 10n * UNIT, 1, 'ipfs://batch', 10, 100), k.dave);
  const listing = eventOf(listed.events, 'orders', 'ListingCreated').data.listing.toNumber();
  const placed = await send(api.tx.orders.placeOrder(listing, 1, 10n * UNIT, 'Native'), k.eve);
  const order = eventOf(placed.events, 'orders', 'OrderPlaced').data.order.toNumber();
  // Only the order's vendor ships against it, only to its buyer.
  await assert.rejects(send(api.tx.provenance.ship(batch, k.charlie.address, order, details()), k.dave), /provenance\.NotOrderParties/);
  const toEve = await recorded(api.tx.provenance.ship(batch, k.eve.address, order, details()), k.dave);
  await send(api.tx.orders.shipOrder(order, '0x' + '11'.repeat(32)), k.dave);
  await send(api.tx.provenance.receive(batch, toEve, details()), k.eve);
  const confirmed = await send(api.tx.orders.confirmDelivery(order), k.eve);
  assert.equal(eventOf(confirmed.events, 'orders', 'OrderClosed').data.outcome.toString(), 'Completed');

  // From the QR code's Digital Link to the history, through the runtime API only.
  const link = 'https://id.example.com/01/04006381333931/10/LOT%2FE2E-1';
  const found = await api.call.provenanceApi.batchByDigitalLink(link);
  assert.equal(found.unwrap()[0].toNumber(), batch);
  assert.equal(found.unwrap()[1].custodian.toString(), k.eve.address);
  const history = await api.call.provenanceApi.history(batch, 0, 50);
  const steps = history.map(([, event]) => event.bizStep.type);
  assert.deepEqual(steps, [
    'Commissioning', 'Shipping', 'Receiving', 'SensorReporting', 'Inspecting', 'Inspecting',
    'Shipping', 'Receiving', 'Shipping', 'Receiving',
  ]);
  const [, wrongEvent, correctedBy] = history.find(([id]) => id.toNumber() === wrong);
  assert.equal(wrongEvent.details.disposition.type, 'Damaged');
  assert.equal(correctedBy.unwrap().toNumber(), correction);
  assert.deepEqual((await api.call.provenanceApi.batchesOfOrder(order)).map((b) => b.toNumber()), [batch]);
  assert.deepEqual((await api.call.provenanceApi.ordersOfBatch(batch)).map((o) => o.toNumber()), [order]);

  // Exported as EPCIS 2.0 JSON-LD (the app's export, through PAPI); epcis2.js accepts it.
  const { uri, document } = await exportBatch(`ws://127.0.0.1:${node.rpcPort}`, batch, { resolver: 'https://id.example.com' });
  assert.equal(uri, 'https://id.example.com/01/04006381333931/10/LOT%2FE2E-1');
  assert.deepEqual(validate(document), { success: true, errors: [] });
  const events = document.epcisBody.eventList;
  assert.equal(events.length, 10);
  assert.equal(events[0].type, 'ObjectEvent');
  assert.equal(events[0].action, 'ADD');
  assert.equal(events[0].bizStep, 'commissioning');
  assert.deepEqual(events[0].quantityList, [{ epcClass: uri }]);
  assert.deepEqual(events[3].sensorElementList, [{ sensorReport: [{ type: 'gs1:Temperature', value: 4.5, uom: 'CEL' }] }]);
  assert.equal(events[4].errorDeclaration.reason, 'incorrect_data');
  assert.deepEqual(events[4].errorDeclaration.correctiveEventIDs, [events[5].eventID]);
  assert.deepEqual(events[8].bizTransactionList, [{ type: 'po', bizTransaction: `urn:commerce-chain:order:${order}` }]);
  // The validator is not a rubber stamp: a document missing an event time is refused.
  const broken = structuredClone(document);
  delete broken.epcisBody.eventList[2].eventTime;
  assert.equal(validate(broken).success, false);
  const svg = await qrSvg(uri);
  assert.match(svg, /^<svg[^>]*viewBox/);
});

test('a later batch exports with its own Digital Link (the batch id is SCALE, little-endian)', async () => {
  // Batch ids after 0 read differently big-endian: the export must encode them as SCALE does.
  const created = await send(api.tx.provenance.commission(GTIN, 'LOT-2', null, details()), k.charlie);
  const batch = eventOf(created.events, 'provenance', 'BatchCreated').data.batch.toNumber();
  assert.ok(batch > 0);
  const { uri } = await exportBatch(`ws://127.0.0.1:${node.rpcPort}`, batch, { resolver: 'https://id.example.com' });
  assert.equal(uri, 'https://id.example.com/01/04006381333931/10/LOT-2');
});

test('an expired attester is refused', async () => {
  // Fund //One for fees, register it until three blocks from now, wait for that block.
  await send(api.tx.balances.transferKeepAlive(k.one.address, 100n * UNIT), k.alice);
  const expiresAt = (await api.rpc.chain.getHeader()).number.toNumber() + 3;
  await register(k.one, ROLES.PRODUCER, [], expiresAt);
  while ((await api.rpc.chain.getHeader()).number.toNumber() < expiresAt) await new Promise((r) => setTimeout(r, 500));
  await assert.rejects(
    send(api.tx.provenance.commission(GTIN, 'LOT-EXPIRED', null, details()), k.one),
    /provenance\.AttesterExpired/,
  );
});
