// Issue 3: the commerce flow end to end through Polkadot.js against `commerce-node --dev`.
// A vendor lists two units; three buyers race for them; one order ships and completes, one is
// cancelled, one is disputed and the council rules a split. Balances and stock are checked to
// the unit, with every transaction fee taken from the chain's own events.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, submit } from './lib/node.mjs';

const UNIT = 10n ** 12n;
const PRICE = 40n * UNIT;

let node;
let api;
let k;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );
});
after(async () => { await node?.stop(); });

// Fees each account paid, from `TransactionFeePaid` events of the transactions we sent.
const feesPaid = new Map();
function recordFees(events = []) {
  for (const { event } of events) {
    if (api.events.transactionPayment.TransactionFeePaid.is(event)) {
      const who = event.data.who.toString();
      feesPaid.set(who, (feesPaid.get(who) ?? 0n) + event.data.actualFee.toBigInt());
    }
  }
}
async function send(tx, signer) {
  try {
    const result = await submit(api, tx, signer);
    recordFees(result.events);
    return result;
  } catch (err) {
    recordFees(err.events);
    throw err;
  }
}
const fee = (pair) => feesPaid.get(pair.address) ?? 0n;
const account = async (pair) => {
  const { data } = await api.query.system.account(pair.address);
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
};
const eventOf = (events, method) => events.find(({ event }) => event.section === 'orders' && event.method === method)?.event;

test('list, race, ship, complete, cancel, dispute and rule: balances and stock exact', async () => {
  const vendor = k.dave;
  // The marketplace fee account: PalletId `cmrc/fee` as a keyless account ("modl" + id + zeros).
  const feeAccountId = api.registry.createType(
    'AccountId', new Uint8Array([...new TextEncoder().encode('modlcmrc/fee'), ...new Uint8Array(20)]),
  ).toString();
  const feeAccountFree = async () => (await api.query.system.account(feeAccountId)).data.free.toBigInt();
  const before = {
    vendor: await account(vendor), feeAccount: await feeAccountFree(),
    eve: await account(k.eve), charlie: await account(k.charlie), bob: await account(k.bob),
  };
  const marketplaceFee = (await api.query.escrow.marketplaceFee()).toBigInt(); // parts per billion

  // The vendor lists two units.
  const listed = await send(api.tx.orders.createListing('Native', PRICE, 2, 'ipfs://bafy-commerce-e2e', 10, 100), vendor);
  const listingId = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toNumber();
  const listingDeposit = (await account(vendor)).reserved - before.vendor.reserved;
  assert.ok(listingDeposit > 0n, 'the listing holds a deposit');

  // Three buyers race for the two units: all three transactions are submitted at once and
  // land in the same block. Exactly two get an order; the third is refused and pays only fees.
  const racers = [k.eve, k.charlie, k.bob];
  const race = await Promise.allSettled(
    racers.map((b) => send(api.tx.orders.placeOrder(listingId, 1, PRICE, 'Native'), b)),
  );
  assert.equal(race.filter((r) => r.status === 'fulfilled').length, 2, 'exactly two orders');
  const lost = race.findIndex((r) => r.status === 'rejected');
  assert.equal(race[lost].reason.message, 'orders.InsufficientStock');
  const winners = race.map((r, i) => i).filter((i) => i !== lost);
  const [buyerA, buyerB, buyerC] = [racers[winners[0]], racers[winners[1]], racers[lost]];
  const orderA = eventOf(race[winners[0]].value.events, 'OrderPlaced').data.order.toNumber();
  const orderB = eventOf(race[winners[1]].value.events, 'OrderPlaced').data.order.toNumber();
  let listing = (await api.query.orders.listings(listingId)).unwrap();
  assert.equal(listing.stock.toNumber(), 0);
  assert.equal(listing.reserved.toNumber(), 2);

  // A ships and completes.
  await send(api.tx.orders.shipOrder(orderA, '0x' + '11'.repeat(32)), vendor);
  const completed = await send(api.tx.orders.confirmDelivery(orderA), buyerA);
  assert.equal(eventOf(completed.events, 'OrderClosed').data.outcome.toString(), 'Completed');

  // B cancels: full refund, the unit returns to stock.
  const cancelled = await send(api.tx.orders.cancelOrder(orderB), buyerB);
  assert.equal(eventOf(cancelled.events, 'OrderClosed').data.outcome.toString(), 'CancelledByBuyer');
  listing = (await api.query.orders.listings(listingId)).unwrap();
  assert.equal(listing.stock.toNumber(), 1);

  // C, who lost the race, now gets the returned unit; it ships and C disputes it.
  const placedC = await send(api.tx.orders.placeOrder(listingId, 1, PRICE, 'Native'), buyerC);
  const orderC = eventOf(placedC.events, 'OrderPlaced').data.order.toNumber();
  await send(api.tx.orders.shipOrder(orderC, '0x' + '22'.repeat(32)), vendor);
  await send(api.tx.escrow.openDispute(orderC, '0x' + '33'.repeat(32)), buyerC);
  assert.equal((await api.query.orders.orders(orderC)).unwrap().state.toString(), 'Disputed');

  // The council rules: a quarter back to the buyer. Alice proposes, Bob seconds, Alice closes.
  const toBuyer = PRICE / 4n;
  const ruling = api.tx.escrow.rule(orderC, toBuyer);
  const proposed = await send(api.tx.council.propose(2, ruling, ruling.method.encodedLength), k.alice);
  const { proposalIndex, proposalHash } = proposed.events.find(({ event }) => event.method === 'Proposed').event.data;
  await send(api.tx.council.vote(proposalHash, proposalIndex, true), k.alice);
  await send(api.tx.council.vote(proposalHash, proposalIndex, true), k.bob);
  const closed = await send(
    api.tx.council.close(proposalHash, proposalIndex, { refTime: 10_000_000_000n, proofSize: 1_000_000n }, ruling.method.encodedLength),
    k.alice,
  );
  const ruled = closed.events.find(({ event }) => event.section === 'escrow' && event.method === 'DisputeRuled');
  assert.ok(ruled, 'the motion ruled the dispute');
  assert.equal(eventOf(closed.events, 'OrderClosed').data.outcome.toString(), 'DisputeSettled');

  // Exact balances. The fee is `marketplaceFee` parts per billion of each vendor payout,
  // rounded down.
  const feeOn = (amount) => (amount * marketplaceFee) / 1_000_000_000n;
  const payoutA = PRICE - feeOn(PRICE);
  const vendorShareC = PRICE - toBuyer;
  const payoutC = vendorShareC - feeOn(vendorShareC);
  const name = (pair) => Object.keys(k).find((n) => k[n] === pair);
  const [a, b, c] = [buyerA, buyerB, buyerC].map(name);
  const after = { vendor: await account(vendor), [a]: await account(buyerA), [b]: await account(buyerB), [c]: await account(buyerC) };
  assert.equal(after[a].free, before[a].free - PRICE - fee(buyerA));
  assert.equal(after[b].free, before[b].free - fee(buyerB));
  assert.equal(after[c].free, before[c].free - PRICE + toBuyer - fee(buyerC));
  for (const who of [a, b, c]) {
    assert.equal(after[who].reserved, before[who].reserved, `${who} has nothing left on hold`);
  }
  assert.equal(after.vendor.free, before.vendor.free - listingDeposit + payoutA + payoutC - fee(vendor));
  assert.equal(after.vendor.reserved, before.vendor.reserved + listingDeposit);
  assert.equal(await feeAccountFree(), before.feeAccount + feeOn(PRICE) + feeOn(vendorShareC));

  // Final stock: both units sold, none reserved; no open orders or escrows remain.
  listing = (await api.query.orders.listings(listingId)).unwrap();
  assert.equal(listing.stock.toNumber(), 0);
  assert.equal(listing.reserved.toNumber(), 0);
  for (const id of [orderA, orderB, orderC]) {
    assert.ok((await api.query.orders.orders(id)).isNone);
    assert.ok((await api.query.escrow.escrows(id)).isNone);
  }
});

test('the CommerceApi runtime API serves listings and an account\'s orders', async () => {
  const vendor = k.ferdie;
  const buyer = k.charlie;
  const listed = await send(api.tx.orders.createListing('Native', UNIT, 5, 'ipfs://bafy-api', 10, 100), vendor);
  const listingId = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toNumber();
  const placed = await send(api.tx.orders.placeOrder(listingId, 2, UNIT, 'Native'), buyer);
  const orderId = eventOf(placed.events, 'OrderPlaced').data.order.toNumber();

  const listing = await api.call.commerceApi.listing(listingId);
  assert.ok(listing.isSome);
  assert.equal(listing.unwrap().reserved.toNumber(), 2);
  const order = await api.call.commerceApi.order(orderId);
  assert.equal(order.unwrap().total.toBigInt(), 2n * UNIT);
  const page = await api.call.commerceApi.ordersOf(buyer.address, null, 10);
  assert.deepEqual(page.map(([id]) => id.toNumber()), [orderId]);
  assert.equal((await api.call.commerceApi.order(999_999)).isNone, true);
});
