// Test 6: Polkadot.js against a collator's RPC. Dave (a vendor of the development genesis)
// lists one unit, Eve orders it (her payment goes into escrow), Dave ships, Eve confirms:
// the order closes as Completed, the escrow pays Dave, and the block that closed it is
// finalized and seen by another collator. args: "<other collator>".
const { nodeApi, keyring, send, eventOf, heights, waitFor, figure, UNIT } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const started = Date.now();
  const api = await nodeApi(networkInfo, nodeName);
  const other = await nodeApi(networkInfo, args[0]);
  const key = keyring();
  const [vendor, buyer] = [key('Dave'), key('Eve')];
  const price = 5n * UNIT;
  const free = async (who) => (await api.query.system.account(who.address)).data.free.toBigInt();

  const listed = await send(api, api.tx.orders.createListing('Native', price, 1, 'ipfs://zombienet-order', 10, 100), vendor);
  const listing = eventOf(listed.events, 'orders', 'ListingCreated').data.listing.toNumber();

  const placed = await send(api, api.tx.orders.placeOrder(listing, 1, price, 'Native'), buyer);
  const order = eventOf(placed.events, 'orders', 'OrderPlaced').data.order.toNumber();
  const escrow = await api.query.escrow.escrows(order);
  if (escrow.isNone) throw new Error(`order ${order} has no escrow`);
  const soldOut = (await api.query.orders.listings(listing)).unwrap();
  if (soldOut.stock.toNumber() !== 0) throw new Error('the only unit is still in stock');

  const vendorBefore = await free(vendor);
  await send(api, api.tx.orders.shipOrder(order, '0x' + 'ab'.repeat(32)), vendor);
  const confirmed = await send(api, api.tx.orders.confirmDelivery(order), buyer, { finalized: true });
  const outcome = eventOf(confirmed.events, 'orders', 'OrderClosed').data.outcome.toString();
  if (outcome !== 'Completed') throw new Error(`order ${order} closed as ${outcome}`);
  const paid = (await free(vendor)) - vendorBefore;
  // The vendor is paid the price less the marketplace fee (1% in the development genesis),
  // minus what shipping cost him in fees: well above 90% of the price.
  if (paid < (price * 9n) / 10n) throw new Error(`the vendor received ${paid} planck for ${price}`);

  // The other collator has the block that closed the order, finalized.
  const number = (await api.rpc.chain.getHeader(confirmed.blockHash)).number.toNumber();
  await waitFor(`${args[0]} to finalize block #${number}`, 120_000, async () => (await heights(other)).finalized >= number);
  const seen = await other.rpc.chain.getBlockHash(number);
  if (seen.toHex() !== confirmed.blockHash.toHex()) {
    throw new Error(`${args[0]} finalized ${seen.toHex()} at #${number}, not ${confirmed.blockHash.toHex()}`);
  }
  const events = await (await other.at(seen)).query.system.events();
  eventOf(events, 'orders', 'OrderClosed');
  figure('an order from listing to finalized completion (4 transactions)', ((Date.now() - started) / 1000).toFixed(0), 's');
  await api.disconnect();
  await other.disconnect();
  return 1;
}

module.exports = { run };
