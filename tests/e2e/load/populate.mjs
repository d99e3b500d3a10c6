// Fill a running dev node with a commerce load, for `benchmark storage` (scripts/base-weights.sh)
// to measure the database on a state shaped like a consortium's rather than on a near-empty
// genesis: VENDORS registered vendors (applied with their bond, approved by Alice, the dev
// chain's vetting body), LISTINGS_PER_VENDOR listings each, BUYERS buyers placing
// ORDERS_PER_BUYER orders each across all listings, and the orders of every other vendor
// shipped (open orders in both states, with their escrow holds, deadlines and vendor KPIs).
//
//   WS=ws://127.0.0.1:9944 node load/populate.mjs
//   VENDORS=1000 LISTINGS_PER_VENDOR=5 BUYERS=1000 ORDERS_PER_BUYER=5 (the defaults)
//
// Each step submits its transactions from many accounts at once (one batch per account) and
// waits for them all to be final; it exits non-zero if any fails. Prints what it made.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { submit } from '../lib/node.mjs';

const UNIT = 10n ** 12n;
const PRICE = UNIT;
const VENDORS = Number(process.env.VENDORS ?? 1000);
const LISTINGS_PER_VENDOR = Number(process.env.LISTINGS_PER_VENDOR ?? 5);
const BUYERS = Number(process.env.BUYERS ?? 1000);
const ORDERS_PER_BUYER = Number(process.env.ORDERS_PER_BUYER ?? 5);
// Submissions in flight at once: one WebSocket connection keeps up with this many.
const IN_FLIGHT = 250;

/** `submit` every `[tx, signer]` of `jobs`, IN_FLIGHT at a time; resolves with their results. */
async function all(api, jobs) {
  const results = [];
  for (let i = 0; i < jobs.length; i += IN_FLIGHT) {
    results.push(...(await Promise.all(jobs.slice(i, i + IN_FLIGHT).map(([tx, signer]) => submit(api, tx, signer)))));
  }
  return results;
}

async function main() {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(process.env.WS ?? 'ws://127.0.0.1:9944'), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const vendors = Array.from({ length: VENDORS }, (_, i) => keyring.addFromUri(`//Alice//populate//vendor//${i}`));
  const buyers = Array.from({ length: BUYERS }, (_, i) => keyring.addFromUri(`//Alice//populate//buyer//${i}`));
  const started = Date.now();
  const step = (what) => console.log(`populate: ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  // Funds: a vendor's bond, listing deposits and fees; a buyer's orders, deposits and fees.
  const bond = api.consts.vendors.bond.toBigInt();
  const perVendor = bond + BigInt(LISTINGS_PER_VENDOR) * 10n * UNIT + 100n * UNIT;
  const perBuyer = BigInt(ORDERS_PER_BUYER) * (PRICE + 10n * UNIT) + 20n * UNIT;
  const funding = [
    ...vendors.map((v) => api.tx.balances.transferKeepAlive(v.address, perVendor)),
    ...buyers.map((b) => api.tx.balances.transferKeepAlive(b.address, perBuyer)),
  ];
  // 500 accounts a batch, each batch from the next dev account (a thousand vendors' bonds are
  // more than one dev account holds).
  const funders = ['Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Alice'].map((n) => keyring.addFromUri(`//${n}`));
  const batches = [];
  for (let i = 0; i < funding.length; i += 500) batches.push([api.tx.utility.batchAll(funding.slice(i, i + 500)), funders[(i / 500) % funders.length]]);
  await all(api, batches);
  step(`funded ${VENDORS} vendors and ${BUYERS} buyers`);

  await all(api, vendors.map((v) => [api.tx.vendors.apply('ipfs://populate-vendor'), v]));
  for (let i = 0; i < VENDORS; i += 500) {
    await submit(api, api.tx.utility.batchAll(vendors.slice(i, i + 500).map((v) => api.tx.vendors.approve(v.address))), alice);
  }
  step(`${VENDORS} vendors applied and approved`);

  const stock = Math.ceil((BUYERS * ORDERS_PER_BUYER) / (VENDORS * LISTINGS_PER_VENDOR)) + 10;
  const listed = await all(api, vendors.map((v, i) => [api.tx.utility.batchAll(Array.from({ length: LISTINGS_PER_VENDOR }, (_, j) =>
    api.tx.orders.createListing('Native', PRICE, stock, JSON.stringify({ title: `Item ${i}.${j}` }), 14_400, 100_800))), v]));
  const listings = listed.flatMap(({ events }) => events.filter(({ event }) => api.events.orders.ListingCreated.is(event)).map(({ event }) => event.data.listing.toNumber()));
  step(`${listings.length} listings`);

  const placed = await all(api, buyers.map((b, i) => [api.tx.utility.batchAll(Array.from({ length: ORDERS_PER_BUYER }, (_, j) =>
    api.tx.orders.placeOrder(listings[(i * ORDERS_PER_BUYER + j * 7919) % listings.length], 1, PRICE, 'Native'))), b]));
  const orders = placed.flatMap(({ events }) => events.filter(({ event }) => api.events.orders.OrderPlaced.is(event)).map(({ event }) => event.data));
  step(`${orders.length} orders placed`);

  // Every other vendor ships what it sold.
  const byVendor = new Map();
  for (const o of orders) {
    const vendor = o.vendor.toString();
    if (!byVendor.has(vendor)) byVendor.set(vendor, []);
    byVendor.get(vendor).push(o.order);
  }
  const shipping = vendors.filter((_, i) => i % 2 === 0 && byVendor.has(vendors[i].address));
  const shipped = await all(api, shipping.map((v) => [api.tx.utility.batchAll(byVendor.get(v.address).map((order) => api.tx.orders.shipOrder(order, new Uint8Array(32).fill(7)))), v]));
  step(`${shipped.length} vendors shipped their orders`);

  let keys = 0;
  for (let page = await api.rpc.state.getKeysPaged('0x', 1000); page.length; page = await api.rpc.state.getKeysPaged('0x', 1000, page[page.length - 1])) {
    keys += page.length;
  }
  console.log(`populate: done: ${VENDORS} vendors, ${listings.length} listings, ${orders.length} open orders` +
    ` (${shipping.reduce((n, v) => n + byVendor.get(v.address).length, 0)} shipped); ${keys} keys in the state`);
  await api.disconnect();
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
