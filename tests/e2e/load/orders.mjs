// Load harness: how many orders a `commerce-node --dev` takes in, block by block.
//
//   scripts/load.sh                                   # 20 buyers x 50 orders against a fresh dev node
//   BUYERS=40 ORDERS_PER_BUYER=100 scripts/load.sh    # a bigger burst
//   WS=ws://127.0.0.1:9944 scripts/load.sh            # against a running dev node
//   DEV_BLOCK_TIME_MS=6000 scripts/load.sh            # the fresh dev node's block time (default 3000)
//
// Alice funds BUYERS fresh accounts in one batch; Dave lists one product with enough stock for
// every order. Each buyer then signs ORDERS_PER_BUYER `orders.place_order` transactions (nonces in
// sequence) and all of them are submitted at once. The harness follows the best blocks until
// every order is either placed (`orders.OrderPlaced`) or failed (`system.ExtrinsicFailed`) and
// prints, per block: extrinsics, orders placed, failures, and the normal-class weight used
// (reference time and proof size, as a share of the block's normal limit). At the end it checks
// the listing's stock against the orders placed and prints throughput figures.
//
// It reports figures; it asserts only that nothing was lost (every submitted order accounted
// for, stock consistent). Timings depend on the machine and on the dev node's block time.
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { startDevNode, submit } from '../lib/node.mjs';

const UNIT = 10n ** 12n;
const BUYERS = Number(process.env.BUYERS ?? 20);
const ORDERS_PER_BUYER = Number(process.env.ORDERS_PER_BUYER ?? 50);
const TIMEOUT_MS = Number(process.env.TIMEOUT_MS ?? 300_000);
const PRICE = UNIT;
const TOTAL = BUYERS * ORDERS_PER_BUYER;

const pct = (num, den) => (den === 0n ? 'n/a' : `${(Number((num * 10000n) / den) / 100).toFixed(2)}%`);

async function connect() {
  if (process.env.WS) {
    const provider = new WsProvider(process.env.WS);
    const api = await ApiPromise.create({ provider, noInitWarn: true });
    return { api, stop: () => api.disconnect() };
  }
  const blockTime = process.env.DEV_BLOCK_TIME_MS;
  return startDevNode({ args: blockTime ? ['--dev-block-time', blockTime] : [] });
}

async function main() {
  await cryptoWaitReady();
  const node = await connect();
  const { api } = node;
  try {
    await run(api);
  } finally {
    await node.stop();
  }
}

async function run(api) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const vendor = keyring.addFromUri('//Dave');
  const buyers = Array.from({ length: BUYERS }, (_, i) => keyring.addFromUri(`//Alice//load//${i}`));
  const runtime = await api.rpc.state.getRuntimeVersion();
  console.log(`load: ${BUYERS} buyers x ${ORDERS_PER_BUYER} orders = ${TOTAL} place_order against ` +
    `${runtime.specName.toString()} v${runtime.specVersion.toNumber()}`);

  // Set up: fund the buyers (price + order deposit + fees per order, with room to spare) and
  // list one product with a unit for every order, windows long enough to outlast the run.
  const perBuyer = BigInt(ORDERS_PER_BUYER) * (PRICE + UNIT) + 10n * UNIT;
  const funding = buyers.map((b) => api.tx.balances.transferKeepAlive(b.address, perBuyer));
  for (let i = 0; i < funding.length; i += 200) {
    await submit(api, api.tx.utility.batchAll(funding.slice(i, i + 200)), alice);
  }
  const listed = await submit(
    api, api.tx.orders.createListing(PRICE, TOTAL, 'ipfs://load-harness', 1000, 1000), vendor);
  const listingId = listed.events
    .find(({ event }) => api.events.orders.ListingCreated.is(event)).event.data.listing.toNumber();

  // Sign everything first, so the burst measures the chain rather than the signer.
  const signStart = Date.now();
  const txs = [];
  for (const buyer of buyers) {
    const first = (await api.rpc.system.accountNextIndex(buyer.address)).toNumber();
    for (let n = 0; n < ORDERS_PER_BUYER; n++) {
      txs.push(await api.tx.orders.placeOrder(listingId, 1, PRICE).signAsync(buyer, { nonce: first + n }));
    }
  }
  console.log(`signed ${txs.length} transactions in ${Date.now() - signStart} ms`);

  const limits = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap();
  const maxRef = limits.refTime.toBigInt();
  const maxProof = limits.proofSize.toBigInt();

  let placed = 0;
  let failed = 0;
  const failures = new Map();
  const rows = [];
  let lastIncluded = null;
  const done = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out: ${placed + failed}/${TOTAL} accounted for`)), TIMEOUT_MS);
    let unsub = () => {};
    let chain = Promise.resolve();
    api.rpc.chain.subscribeNewHeads((header) => {
      // Handle heads one after another, in order.
      chain = chain.then(async () => {
        const hash = header.hash;
        const at = await api.at(hash);
        const [block, events, weight] = await Promise.all([
          api.rpc.chain.getBlock(hash), at.query.system.events(), at.query.system.blockWeight(),
        ]);
        let blockPlaced = 0;
        let blockFailed = 0;
        for (const { event } of events) {
          if (api.events.orders.OrderPlaced.is(event) && event.data.listing.toNumber() === listingId) blockPlaced++;
          if (api.events.system.ExtrinsicFailed.is(event)) {
            blockFailed++;
            const err = event.data.dispatchError;
            const name = err.isModule
              ? (({ section, name: n }) => `${section}.${n}`)(api.registry.findMetaError(err.asModule))
              : err.toString();
            failures.set(name, (failures.get(name) ?? 0) + 1);
          }
        }
        if (blockPlaced + blockFailed > 0) {
          const now = Date.now();
          lastIncluded = now;
          placed += blockPlaced;
          failed += blockFailed;
          rows.push({
            block: header.number.toNumber(),
            extrinsics: block.block.extrinsics.length,
            placed: blockPlaced,
            failed: blockFailed,
            refTime: pct(weight.normal.refTime.toBigInt(), maxRef),
            proofSize: pct(weight.normal.proofSize.toBigInt(), maxProof),
          });
        }
        if (placed + failed >= TOTAL) {
          clearTimeout(timer);
          unsub();
          resolve();
        }
      }).catch(reject);
    }).then((u) => { unsub = u; }, reject);
  });

  const submitStart = Date.now();
  const submitted = await Promise.allSettled(txs.map((tx) => api.rpc.author.submitExtrinsic(tx)));
  const rejected = submitted.filter((r) => r.status === 'rejected');
  console.log(`submitted ${txs.length - rejected.length} in ${Date.now() - submitStart} ms` +
    (rejected.length ? `; the pool refused ${rejected.length} (${rejected[0].reason.message})` : ''));
  failed += rejected.length;
  if (rejected.length) failures.set('pool refused', rejected.length);
  await done;

  console.table(rows);
  const listing = (await api.query.orders.listings(listingId)).unwrap();
  const reserved = listing.reserved.toNumber();
  console.log(`placed ${placed}, failed ${failed}${failures.size ? ` (${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}`);
  console.log(`blocks with orders: ${rows.length}; most orders in one block: ${Math.max(...rows.map((r) => r.placed))}`);
  const total = (lastIncluded - submitStart) / 1000;
  console.log(`from submission to the last inclusion: ${total.toFixed(1)} s ` +
    `(${(placed / total).toFixed(1)} orders/s; dev block time ${process.env.DEV_BLOCK_TIME_MS ?? 3000} ms)`);
  console.log(`listing ${listingId}: stock ${listing.stock.toNumber()}, reserved ${reserved}`);
  if (reserved !== placed || listing.stock.toNumber() + reserved !== TOTAL) {
    throw new Error(`stock inconsistent: reserved ${reserved} for ${placed} orders placed`);
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
