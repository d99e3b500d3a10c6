// Issue 25: replenishment end to end through Polkadot.js against `commerce-node --dev`.
// Dave lists 5 units and gives the listing a reorder rule (at 2 units or fewer, 20 units from
// Charlie, at most 2 UNIT each); Charlie quotes 1 UNIT. Eve buys 2 (stock 3: nothing), then 1
// (stock 2): the purchase order appears by itself in the events of Eve's order, its amount on
// hold from Dave. Charlie accepts and ships, Dave receives: the stock is 22, Charlie is paid,
// and every balance is checked to the planck (fees from `TransactionFeePaid`).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, submit } from './lib/node.mjs';

const UNIT = 10n ** 12n;
const PRICE = 40n * UNIT;
const SUPPLY_PRICE = 1n * UNIT;
const REORDER = 20n;

let node;
let api;
let k;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode({ args: ['--dev-block-time', '1000'] });
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Charlie', 'Dave', 'Eve'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]));
});
after(async () => { await node?.stop(); });

const feesPaid = new Map();
async function send(tx, signer) {
  const result = await submit(api, tx, signer);
  for (const { event } of result.events) {
    if (api.events.transactionPayment.TransactionFeePaid.is(event)) {
      const who = event.data.who.toString();
      feesPaid.set(who, (feesPaid.get(who) ?? 0n) + event.data.actualFee.toBigInt());
    }
  }
  return result;
}
const fees = (pair) => feesPaid.get(pair.address) ?? 0n;
const account = async (pair) => {
  const { data } = await api.query.system.account(pair.address);
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
};
const find = (result, section, method) =>
  result.events.find(({ event }) => event.section === section && event.method === method)?.event;
const stock = async (listing) => (await api.call.commerceApi.listing(listing)).unwrap().stock.toNumber();

test('a listing sells down through its reorder point; the chain raises the purchase order; receipt restocks', async () => {
  const listed = await send(api.tx.orders.createListing('Native', PRICE, 5, 'ipfs://goods', 100, 100), k.dave);
  const listing = find(listed, 'orders', 'ListingCreated').data.listing.toNumber();
  const ruled = await send(
    api.tx.replenishment.setReorderRule(listing, k.charlie.address, 'Native', 2, REORDER, 2n * UNIT, 100),
    k.dave,
  );
  assert.ok(find(ruled, 'replenishment', 'ReorderRuleSet'));
  await send(api.tx.replenishment.quote(listing, SUPPLY_PRICE), k.charlie);
  const rule = (await api.call.replenishmentApi.reorderRule(listing)).unwrap();
  assert.equal(rule.quote.unwrap().toBigInt(), SUPPLY_PRICE);

  // 5 -> 3: above the point, nothing raised.
  const first = await send(api.tx.orders.placeOrder(listing, 2, PRICE, 'Native'), k.eve);
  assert.equal(find(first, 'replenishment', 'PurchaseOrderRaised'), undefined);
  assert.equal(await stock(listing), 3);

  // 3 -> 2: Eve's order raises the purchase order in the same extrinsic.
  const dave0 = await account(k.dave);
  const daveFees0 = fees(k.dave);
  const second = await send(api.tx.orders.placeOrder(listing, 1, PRICE, 'Native'), k.eve);
  assert.equal(await stock(listing), 2);
  const raised = find(second, 'replenishment', 'PurchaseOrderRaised');
  assert.ok(raised, 'the purchase order appears by itself');
  const po = raised.data.purchaseOrder.toNumber();
  const total = REORDER * SUPPLY_PRICE;
  assert.equal(raised.data.byRule.isTrue, true);
  assert.equal(raised.data.vendor.toString(), k.dave.address);
  assert.equal(raised.data.supplier.toString(), k.charlie.address);
  assert.equal(raised.data.quantity.toNumber(), Number(REORDER));
  assert.equal(raised.data.total.toBigInt(), total);
  // Dave did not sign anything: his amount and the deposit moved to hold, nothing else.
  assert.equal(fees(k.dave), daveFees0);
  const dave1 = await account(k.dave);
  const deposit = dave1.reserved - dave0.reserved - total;
  assert.ok(deposit > 0n, 'the purchase order holds a deposit');
  assert.equal(dave1.free, dave0.free - total - deposit);
  for (const who of [k.dave, k.charlie]) {
    const page = await api.call.replenishmentApi.purchaseOrdersOf(who.address, null, 10);
    assert.deepEqual(page.map(([id]) => id.toNumber()), [po], `${who.address} sees it`);
  }

  // Charlie accepts and ships (untraced goods: no provenance batch); Dave receives.
  const charlie0 = await account(k.charlie);
  const charlieFees0 = fees(k.charlie);
  await send(api.tx.replenishment.acceptPurchaseOrder(po), k.charlie);
  const shipped = await send(api.tx.replenishment.shipPurchaseOrder(po, REORDER, null), k.charlie);
  assert.equal(find(shipped, 'replenishment', 'PurchaseOrderShipped').data.shipped.toNumber(), Number(REORDER));
  const received = await send(api.tx.replenishment.receivePurchaseOrder(po, REORDER), k.dave);
  const receipt = find(received, 'replenishment', 'PurchaseOrderReceived');
  assert.equal(receipt.data.restocked.isTrue, true);
  assert.equal(receipt.data.batch.isNone, true);
  assert.equal(find(received, 'replenishment', 'PurchaseOrderClosed').data.outcome.toString(), 'Completed');
  assert.equal(await stock(listing), 2 + Number(REORDER));

  // To the planck: Charlie gained the total less his fees; Dave's hold and deposit are gone.
  const charlie1 = await account(k.charlie);
  assert.equal(charlie1.free, charlie0.free + total - (fees(k.charlie) - charlieFees0));
  const dave2 = await account(k.dave);
  assert.equal(dave2.reserved, dave0.reserved);
  assert.equal(dave2.free, dave0.free - total - (fees(k.dave) - daveFees0));
  assert.equal((await api.call.replenishmentApi.purchaseOrder(po)).isNone, true);
  const performance = await api.call.replenishmentApi.supplierPerformance(k.charlie.address);
  assert.equal(performance.record.closed.toNumber(), 1);
  assert.equal(performance.record.inFullOnTime.toNumber(), 1);
  assert.equal(performance.fillRate.unwrap().toNumber(), 1_000_000);
  assert.equal((await api.call.replenishmentApi.reorderRule(listing)).unwrap().open.isNone, true);
});
