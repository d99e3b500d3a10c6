// Issue 23 with the other client dapps use: PAPI (polkadot-api 2, no generated descriptors: the
// unsafe API reads every type from the node's metadata). Polkadot.js sets the scene (the council
// rates cUSD, Dave lists at 12.50 cUSD, Alice sends Pat cUSD; Pat holds no CMRC). PAPI then
// reads the listing through the `CommerceApi` runtime API and the asset's metadata, shows
// "12.50 cUSD", and Pat places the order signing with PAPI, the fee paid in cUSD
// (`ChargeAssetTxPayment` with `asset: 1`): every cUSD unit of Pat's is accounted for.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Binary, createClient } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { getWsProvider } from 'polkadot-api/ws';
import WebSocket from 'ws';
import { councilMotion } from './lib/council.mjs';
import { startDevNode, submit } from './lib/node.mjs';

const CUSD = 1;
const PRICE = 12_500_000n; // 12.50 cUSD
const RATE_FIXED = 2_000_000n * 10n ** 18n; // 1 cUSD = 2 CMRC, as a FixedU128

let node;
let client;
let k;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Alice', 'Bob', 'Dave', 'Pat'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]));
  // Node 20 has no global WebSocket: PAPI is given the `ws` class.
  client = createClient(getWsProvider(`ws://127.0.0.1:${node.rpcPort}`, { websocketClass: WebSocket }));
});
after(async () => {
  client?.destroy();
  await node?.stop();
});

/** "12.50 cUSD": an amount in an asset's smallest units, shown with the asset's metadata. */
function show(units, { symbol, decimals }) {
  const scale = 10n ** BigInt(decimals);
  const cents = (units % scale).toString().padStart(decimals, '0').slice(0, 2);
  // PAPI 2 gives byte strings as `Uint8Array`s.
  return `${units / scale}.${cents} ${Binary.toText(symbol)}`;
}

test('PAPI reads a listing in cUSD, shows it, and a buyer holding only cUSD orders paying the fee in it', async () => {
  const pjs = node.api;
  await councilMotion(pjs, pjs.tx.assetRate.create(CUSD, RATE_FIXED), k.alice, k.bob);
  const listed = await submit(pjs, pjs.tx.orders.createListing({ WithId: CUSD }, PRICE, 3, 'ipfs://bafy-papi', 10, 100), k.dave);
  // Listing and order ids are `u64`: PAPI takes and gives them as bigints.
  const id = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toBigInt();
  await submit(pjs, pjs.tx.assets.transferKeepAlive(CUSD, k.pat.address, 100_000_000n), k.alice);

  const api = client.getUnsafeApi();
  const listing = await api.apis.CommerceApi.listing(id);
  assert.deepEqual(listing.currency, { type: 'WithId', value: CUSD });
  assert.equal(listing.unit_price, PRICE);
  const metadata = await api.query.Assets.Metadata.getValue(CUSD);
  assert.equal(show(listing.unit_price, metadata), '12.50 cUSD');

  const account = async () => (await api.query.Assets.Account.getValue(CUSD, k.pat.address))?.balance ?? 0n;
  const native = await api.query.System.Account.getValue(k.pat.address);
  assert.equal(native.data.free, 0n, 'Pat holds no CMRC');
  const before = await account();

  const signer = getPolkadotSigner(k.pat.publicKey, 'Sr25519', (payload) => k.pat.sign(payload));
  const order = api.tx.Orders.place_order({
    listing: id,
    quantity: 1,
    max_unit_price: PRICE,
    currency: { type: 'WithId', value: CUSD },
  });
  const result = await order.signAndSubmit(signer, { asset: CUSD });
  assert.ok(result.ok, `the order failed: ${JSON.stringify(result.dispatchError)}`);
  const feePaid = result.events.find((e) => e.type === 'AssetTxPayment' && e.value.type === 'AssetTxFeePaid');
  assert.ok(feePaid, 'the fee was paid in an asset');
  assert.equal(feePaid.value.value.who, k.pat.address);
  assert.equal(feePaid.value.value.asset_id, CUSD);
  const fee = feePaid.value.value.actual_fee;
  assert.ok(fee > 0n);
  const placed = result.events.find((e) => e.type === 'Orders' && e.value.type === 'OrderPlaced').value.value;
  assert.deepEqual(placed.currency, { type: 'WithId', value: CUSD });

  // The price and the deposit are held, the fee paid; nothing else moved.
  const stored = await api.query.Orders.Orders.getValue(placed.order);
  assert.ok(stored.deposit > 0n);
  assert.equal(await account(), before - PRICE - stored.deposit - fee);
  assert.equal((await api.query.System.Account.getValue(k.pat.address)).data.free, 0n);
  console.log(`Pat paid ${show(PRICE, metadata)}, a deposit of ${show(stored.deposit, metadata)} and a fee of ${fee} units`);
});
