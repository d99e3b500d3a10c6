// Issue 10: the vendor registry end to end through Polkadot.js against `commerce-node --dev`
// (1-second blocks, the development presets' 20-block KPI periods and lenient policy).
// Two vendors apply and the vetting body (Alice) approves them. Vendor A lets every order miss
// its shipping deadline, three periods in a row: a warning, then probation, then the failed
// cure slashes 10% of A's bond and suspends A. The buyers were refunded in full by the chain, so
// they are owed nothing: the slash goes to the treasury. A's listing takes no more orders and A
// cannot change it. A replacement tender opens for it (its opener holds a deposit until the
// close): B commits a sealed bid and reveals it, a third vendor commits and never reveals (its
// deposit goes to the treasury), B wins a listing of the goods at its bid, A's listing is
// emptied and cannot be tendered again, and a buyer orders from B. Balances are checked to the
// unit.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, submit } from './lib/node.mjs';

const UNIT = 10n ** 12n;
const PRICE = 40n * UNIT;
const SHIP_WINDOW = 10;

let node;
let api;
let k;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode({ args: ['--dev-block-time', '1000'] });
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );
});
after(async () => { await node?.stop(); });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const free = async (pair) => (await api.query.system.account(pair.address)).data.free.toBigInt();
const vendorRecord = async (pair) => (await api.call.vendorsApi.vendor(pair.address)).unwrap();
const currentPeriod = async () => (await api.call.vendorsApi.currentPeriod()).toNumber();

/** Wait until KPI period `n` has started and the `on_idle` sweep has had a block to run. */
async function waitForPeriod(n) {
  const deadline = Date.now() + 120_000;
  while ((await currentPeriod()) < n) {
    if (Date.now() > deadline) throw new Error(`period ${n} did not start`);
    await sleep(300);
  }
  const start = (await api.query.vendors.currentPeriod()).start.toNumber();
  while ((await api.rpc.chain.getHeader()).number.toNumber() < start + 1) await sleep(300);
}

/** Bob and Dave each order one unit of `listing` now; vendor A never ships. Returns the ids. */
async function twoOrdersVendorAIgnores(listing) {
  const ids = [];
  for (const buyer of [k.bob, k.dave]) {
    const placed = await submit(api, api.tx.orders.placeOrder(listing, 1, PRICE, 'Native'), buyer);
    ids.push(placed.events.find(({ event }) => event.method === 'OrderPlaced').event.data.order.toNumber());
  }
  // The ship-by deadline passes and `on_idle` refunds both.
  const deadline = Date.now() + 60_000;
  for (const id of ids) {
    while ((await api.query.orders.orders(id)).isSome) {
      if (Date.now() > deadline) throw new Error(`order ${id} did not time out`);
      await sleep(300);
    }
  }
  return ids;
}

test('a vendor that keeps missing deadlines is warned, put on probation, slashed and suspended, and replaced once', async () => {
  const [vendorA, vendorB] = [k.eve, k.charlie];
  // Both apply with their bond; Alice, the vetting body, approves them in one batch.
  for (const vendor of [vendorA, vendorB]) {
    await submit(api, api.tx.vendors.apply(`ipfs://profile-${vendor.address}`), vendor);
  }
  await submit(api, api.tx.utility.batchAll([vendorA, vendorB].map((v) => api.tx.vendors.approve(v.address))), k.alice);
  const bond = api.consts.vendors.bond.toBigInt();
  for (const vendor of [vendorA, vendorB]) {
    const record = await vendorRecord(vendor);
    assert.equal(record.status.toString(), 'Active');
    assert.equal(record.bond.toBigInt(), bond);
  }

  const listedA = await submit(api, api.tx.orders.createListing('Native', PRICE, 20, 'ipfs://vendor-a', SHIP_WINDOW, 100), vendorA);
  const listingA = listedA.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toNumber();

  // Three periods in which both of A's orders miss their deadline. Each starts at a period's
  // first block, so that the orders end (at the ship-by deadline, 10 blocks on) in the same
  // 20-block period.
  const first = (await currentPeriod()) + 1;
  await waitForPeriod(first);
  await twoOrdersVendorAIgnores(listingA);
  await waitForPeriod(first + 1);
  let record = await vendorRecord(vendorA);
  assert.equal(record.status.toString(), 'Active');
  assert.equal(record.warned.isTrue, true, 'first breach: a warning');
  const kpis = (await api.call.vendorsApi.performance(vendorA.address)).find(([p]) => p.period.toNumber() === first);
  assert.equal(kpis[0].missedDeadlines.toNumber(), 2);
  assert.equal(kpis[1].onTime.toNumber(), 0);
  assert.equal(kpis[2].unwrap().toString(), 'Breached');

  await twoOrdersVendorAIgnores(listingA);
  await waitForPeriod(first + 2);
  record = await vendorRecord(vendorA);
  assert.ok(record.status.isProbation, `second breach: probation (${record.status})`);
  assert.equal((await api.call.vendorsApi.maySell(vendorA.address)).isTrue, true, 'on probation it still sells');

  await twoOrdersVendorAIgnores(listingA);
  const treasury = api.registry.createType(
    'AccountId', new Uint8Array([...new TextEncoder().encode('modlcmrc/fee'), ...new Uint8Array(20)]),
  ).toString();
  const treasuryFree = async () => (await api.query.system.account(treasury)).data.free.toBigInt();
  const [bobBefore, daveBefore, eveReservedBefore, treasuryBeforeSlash] = [
    await free(k.bob), await free(k.dave), (await api.query.system.account(vendorA.address)).data.reserved.toBigInt(),
    await treasuryFree(),
  ];
  await waitForPeriod(first + 3);

  // The cure failed: 10% of the bond is slashed. Bob and Dave got every late order back in
  // full: they lost nothing and are owed nothing, so all of it goes to the treasury (a vendor
  // cannot route its slash to accounts of its own by refunding them).
  const slash = bond / 10n;
  record = await vendorRecord(vendorA);
  assert.equal(record.status.toString(), 'Suspended');
  assert.equal(record.bond.toBigInt(), bond - slash);
  assert.equal(await free(k.bob), bobBefore);
  assert.equal(await free(k.dave), daveBefore);
  assert.equal(await treasuryFree(), treasuryBeforeSlash + slash);
  assert.equal((await api.query.system.account(vendorA.address)).data.reserved.toBigInt(), eveReservedBefore - slash);
  assert.equal((await api.call.vendorsApi.maySell(vendorA.address)).isTrue, false);
  // The suspended vendor cannot empty, reprice or remove the listing its replacement takes.
  await assert.rejects(
    submit(api, api.tx.orders.updateListing(listingA, 1, 0), vendorA),
    (err) => err.message === 'orders.ListingFrozen',
  );
  await assert.rejects(
    submit(api, api.tx.orders.delist(listingA), vendorA),
    (err) => err.message === 'orders.ListingFrozen',
  );

  // A's listing takes no new order.
  await assert.rejects(
    submit(api, api.tx.orders.placeOrder(listingA, 1, PRICE, 'Native'), k.bob),
    (err) => err.message === 'orders.VendorNotActive',
  );

  // The replacement tender: anyone opens it for the suspended vendor's listing.
  const bobReserved = async () => (await api.query.system.account(k.bob.address)).data.reserved.toBigInt();
  const bobReservedBefore = await bobReserved();
  const opened = await submit(api, api.tx.vendors.openReplacementTender(listingA), k.bob);
  const { tender, commitEnd, revealEnd, maxShipWindow, currency, referencePrice } = opened.events
    .find(({ event }) => event.method === 'TenderOpened').event.data;
  // The tender states the currency of its reference price (the listing's), and the price.
  assert.ok(currency.isNative, `a CMRC listing's tender is in CMRC, not ${currency.toString()}`);
  assert.equal(referencePrice.toBigInt(), PRICE);
  const deposit = (await api.query.vendors.tenders(tender)).unwrap().rules.deposit.toBigInt();
  // The opener holds the tender's deposit until the close.
  assert.equal(await bobReserved(), bobReservedBefore + deposit);
  // B bids 35 CMRC a unit, shipping within the listing's window; Ferdie (a genesis vendor) bids and never
  // reveals. A sealed bid is blake2_256 of SCALE (tender, bidder, unit price, ship window, salt).
  const salt = new Uint8Array(32).fill(7);
  const sealed = (bidder, price, window) => blake2AsU8a(api.createType(
    '(u32, AccountId32, u128, u32, [u8; 32])', [tender, bidder.address, price, window, salt]).toU8a(), 256);
  const bidPrice = 35n * UNIT;
  assert.equal(maxShipWindow.toNumber(), SHIP_WINDOW);
  await submit(api, api.tx.vendors.commitBid(tender, sealed(vendorB, bidPrice, SHIP_WINDOW)), vendorB);
  const committed = await submit(api, api.tx.vendors.commitBid(tender, sealed(k.ferdie, 30n * UNIT, SHIP_WINDOW)), k.ferdie);
  const ferdieFee = committed.events.find(({ event }) => event.method === 'TransactionFeePaid').event.data.actualFee.toBigInt();
  const ferdieAfterCommit = await api.query.system.account(k.ferdie.address);
  assert.equal(ferdieAfterCommit.data.reserved.toBigInt() >= deposit, true);
  // A suspended vendor may not bid.
  await assert.rejects(
    submit(api, api.tx.vendors.commitBid(tender, sealed(vendorA, bidPrice, SHIP_WINDOW)), vendorA),
    (err) => err.message === 'vendors.NotAnActiveVendor',
  );
  const waitForBlock = async (n) => {
    while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await sleep(300);
  };
  await waitForBlock(commitEnd.toNumber());
  await submit(api, api.tx.vendors.revealBid(tender, bidPrice, SHIP_WINDOW, salt), vendorB);
  await waitForBlock(revealEnd.toNumber());
  const treasuryBefore = await treasuryFree();
  const closed = await submit(api, api.tx.vendors.closeTender(tender), k.bob);
  const award = closed.events.find(({ event }) => event.method === 'TenderAwarded').event.data;
  assert.equal(award.winner.toString(), vendorB.address);
  assert.equal(award.unitPrice.toBigInt(), bidPrice);
  // Bob's deposit as the opener is back; A's listing is emptied and cannot be tendered again.
  assert.equal(await bobReserved(), bobReservedBefore);
  assert.equal((await api.query.orders.listings(listingA)).unwrap().stock.toNumber(), 0);
  await assert.rejects(
    submit(api, api.tx.vendors.openReplacementTender(listingA), k.bob),
    (err) => err.message === 'vendors.InvalidTerms',
  );
  // Ferdie's deposit went to the treasury; the rest of Ferdie's balance is as it was.
  assert.equal((await api.query.system.account(treasury)).data.free.toBigInt(), treasuryBefore + deposit);
  const ferdieNow = await api.query.system.account(k.ferdie.address);
  assert.equal(ferdieNow.data.free.toBigInt(), ferdieAfterCommit.data.free.toBigInt());
  assert.equal(ferdieNow.data.reserved.toBigInt(), ferdieAfterCommit.data.reserved.toBigInt() - deposit);
  assert.ok(ferdieFee > 0n);

  // A buyer orders from B's new listing, at B's price, of A's goods.
  const newListing = award.listing.toNumber();
  const listing = (await api.query.orders.listings(newListing)).unwrap();
  assert.equal(listing.vendor.toString(), vendorB.address);
  // The missed orders were restocked: the tender offered A's whole stock.
  assert.equal(listing.stock.toNumber(), 20);
  const placed = await submit(api, api.tx.orders.placeOrder(newListing, 1, bidPrice, 'Native'), k.bob);
  assert.ok(placed.events.some(({ event }) => event.method === 'OrderPlaced'));
});

test('only approved vendors may list', async () => {
  await assert.rejects(
    submit(api, api.tx.orders.createListing('Native', PRICE, 1, 'ipfs://x', SHIP_WINDOW, 100), k.bob),
    (err) => err.message === 'orders.NotAVendor',
  );
  // Approval is the vetting body's: Bob cannot approve himself.
  await submit(api, api.tx.vendors.apply('ipfs://bob'), k.bob);
  await assert.rejects(
    submit(api, api.tx.vendors.approve(k.bob.address), k.bob),
    (err) => err.message === 'BadOrigin',
  );
});
