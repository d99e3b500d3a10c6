// Load harness: the whole order lifecycle in bursts against `commerce-node --dev`, block by
// block, next to a burst of plain transfers in the same run.
//
//   scripts/load.sh                                # 100 buyers x 10 orders, 10 vendors, fresh node
//   SENDERS=1000 ORDERS_PER_SENDER=10 scripts/load.sh   # the 10,000 burst
//   WS=ws://127.0.0.1:9944 scripts/load.sh         # against a running dev node
//   DEV_BLOCK_TIME_MS=1000 scripts/load.sh         # the fresh dev node's block time (default 3000)
//
// Set-up: Alice funds SENDERS buyers and VENDORS vendors in batches; the vendors apply with
// their bond and Alice (the dev chain's vetting body) approves them; each vendor lists one
// product with stock for its share of the orders. Then four phases, each a burst of pre-signed,
// immortal transactions (nonces in sequence per sender) submitted at once:
//   1. transfers   each buyer sends ORDERS_PER_SENDER `balances.transfer_keep_alive` (the yardstick)
//   2. place       each buyer places ORDERS_PER_SENDER `orders.place_order`, round robin over vendors
//   3. ship        each vendor ships every order it received (`orders.ship_order`)
//   4. confirm     each buyer confirms each of its orders (`orders.confirm_delivery`)
// The harness follows the chain's blocks and matches every included extrinsic to the
// transactions it submitted, so it knows of each one whether it landed, failed (with the
// decoded error) or was lost (not included and no longer in the pool). It prints, per phase and
// per block: transactions landed and failed, the block's extrinsics, and the normal class's
// reference time and proof size used. A phase ends when all its transactions are accounted for
// (the next phase's nonces must not collide with a transaction still in the pool); it never
// waits silently: a transaction whose nonce was used without it, or the phase timeout, ends it
// with a report.
//
// It reports figures, and exits non-zero if anything failed or was lost, or if the chain does
// not end where the lifecycle must (no open order, every unit accounted for).
import { writeFileSync } from 'node:fs';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { startDevNode, submit } from '../lib/node.mjs';

const UNIT = 10n ** 12n;
const SENDERS = Number(process.env.SENDERS ?? 100);
const ORDERS_PER_SENDER = Number(process.env.ORDERS_PER_SENDER ?? 10);
const VENDORS = Number(process.env.VENDORS ?? 10);
const PHASE_TIMEOUT_MS = Number(process.env.PHASE_TIMEOUT_MS ?? 900_000);
// Blocks without progress after which the harness checks whether the transactions left can
// still land (their sender's nonce has not passed them); those that cannot are lost.
const STALL_BLOCKS = 5;
const IN_FLIGHT = 256;
// PIPELINE=n: how many of one sender's transactions go out in one round of submissions, before
// the pool has answered for the earlier ones. The node validates concurrent submissions in any
// order, so a nonce can reach the pool before the one it follows; see docs/performance.md for
// what the fork-aware pool then does with a deep chain. 1 (the default) keeps each sender's
// nonces in order; 0 sends IN_FLIGHT at a time whoever they are from.
const PIPELINE = Number(process.env.PIPELINE ?? 1);
// SHIP_BATCH=n: each vendor ships its orders n at a time in `utility.force_batch` (1: one
// `ship_order` extrinsic per order).
const SHIP_BATCH = Number(process.env.SHIP_BATCH ?? 1);
// LOAD_TRACE=1 prints each block the follower reads (to stderr), to see where a phase waits.
const TRACE = process.env.LOAD_TRACE === '1';
const PRICE = UNIT;
const TOTAL = SENDERS * ORDERS_PER_SENDER;
// PHASES=place,ship runs only those bursts (place always runs when ship or confirm does, since
// they need its orders; ship runs when confirm does). Default: all four.
const PHASES = new Set((process.env.PHASES ?? 'transfer,place,ship,confirm').split(','));
if (PHASES.has('confirm')) PHASES.add('ship');
if (PHASES.has('ship')) PHASES.add('place');

const pct = (num, den) => (den === 0n ? 'n/a' : `${(Number((num * 10000n) / den) / 100).toFixed(2)}%`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function connect() {
  if (process.env.WS) {
    const provider = new WsProvider(process.env.WS);
    const api = await ApiPromise.create({ provider, noInitWarn: true });
    return { api, url: process.env.WS, stop: () => api.disconnect() };
  }
  // POOL_LIMIT=default keeps the node's own pool limits; NODE_ARGS adds flags (e.g.
  // `-ltxpool=debug`).
  const limit = process.env.POOL_LIMIT ?? String(Math.max(8192, 2 * TOTAL));
  const args = limit === 'default' ? [] : ['--pool-limit', limit, '--pool-kbytes', process.env.POOL_KBYTES ?? String(Math.max(20480, 4 * Number(limit)))];
  if (process.env.DEV_BLOCK_TIME_MS) args.push('--dev-block-time', process.env.DEV_BLOCK_TIME_MS);
  if (process.env.NODE_ARGS) args.push(...process.env.NODE_ARGS.split(/\s+/).filter(Boolean));
  console.log(`fresh dev node: ${args.join(' ')}`);
  const node = await startDevNode({ args });
  return { ...node, url: `ws://127.0.0.1:${node.rpcPort}` };
}

/**
 * Follows the chain's blocks in order, handing each to the current listener. It polls the best
 * head on a connection of its own rather than subscribing on the one that submits: under a
 * burst of 10,000 submissions a node drops a subscription (or the connection) whose messages
 * are not read fast enough, and a follower that misses a block would wait forever.
 */
async function follow(url) {
  const api = await ApiPromise.create({ provider: new WsProvider(url), noInitWarn: true });
  let listener = null;
  let failure = null;
  let stopped = false;
  let next = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  const loop = (async () => {
    while (!stopped) {
      try {
        const best = (await api.rpc.chain.getHeader()).number.toNumber();
        for (; next <= best && !stopped; next++) {
          const hash = await api.rpc.chain.getBlockHash(next);
          const at = await api.at(hash);
          const [block, events, weight] = await Promise.all([
            api.rpc.chain.getBlock(hash), at.query.system.events(), at.query.system.blockWeight(),
          ]);
          if (TRACE) console.error(`follower: #${next} ${block.block.extrinsics.length} extrinsics, ${events.length} events`);
          if (listener) listener({ number: next, block: block.block, events, weight });
        }
      } catch (err) {
        failure = err;
        return;
      }
      await sleep(250);
    }
  })();
  return {
    on: (fn) => { listener = fn; },
    check: () => { if (failure) throw failure; },
    stop: async () => { stopped = true; await loop; await api.disconnect(); },
  };
}

function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  return dispatchError.toString();
}

/**
 * Submit `txs` (signed; `batched` for `utility.force_batch` ones) and follow the chain until each
 * is accounted for. Counts extrinsics, and calls: a batch's calls land or fail one by one
 * (`ItemCompleted` / `ItemFailed`).
 */
async function burst(api, follower, name, txs, { batched = false } = {}) {
  const limits = api.consts.system.blockWeights.perClass.normal.maxTotal.unwrap();
  const maxRef = limits.refTime.toBigInt();
  const maxProof = limits.proofSize.toBigInt();
  const pending = new Map(txs.map((tx) => [tx.hash.toHex(), tx]));
  // Per sender, in nonce order: what is still to submit.
  const senders = new Map();
  for (const tx of txs) {
    const who = tx.signer.toString();
    if (!senders.has(who)) senders.set(who, []);
    senders.get(who).push(tx);
  }
  const failures = new Map();
  const fail = (err, n = 1) => failures.set(err, (failures.get(err) ?? 0) + n);
  const rows = [];
  const events = [];
  let landed = 0;
  let callsOk = 0;
  let callsFailed = 0;
  let lost = 0;
  let resubmitted = 0;
  // Stalls count only once every transaction is submitted: before, the blocks without ours
  // are the submission's own pace.
  let submitted = false;
  let lastInclusion = null;
  let idle = 0;
  let checking = false;

  const done = new Promise((resolve) => {
    follower.on(({ number, block, events: blockEvents, weight }) => {
      let ok = 0;
      let bad = 0;
      let itemsOk = 0;
      let itemsBad = 0;
      const byIndex = new Map();
      block.extrinsics.forEach((ext, index) => {
        const hash = ext.hash.toHex();
        if (pending.has(hash)) byIndex.set(index, hash);
      });
      for (const record of blockEvents) {
        if (!record.phase.isApplyExtrinsic) continue;
        const index = record.phase.asApplyExtrinsic.toNumber();
        if (!byIndex.has(index)) continue;
        const { event } = record;
        if (api.events.system.ExtrinsicSuccess.is(event)) {
          ok++;
          pending.delete(byIndex.get(index));
        } else if (api.events.system.ExtrinsicFailed.is(event)) {
          bad++;
          pending.delete(byIndex.get(index));
          fail(errorName(api, event.data.dispatchError));
        } else if (batched && api.events.utility.ItemCompleted.is(event)) {
          itemsOk++;
        } else if (batched && api.events.utility.ItemFailed.is(event)) {
          itemsBad++;
          fail(`in a batch: ${errorName(api, event.data.error)}`);
        } else {
          events.push(event);
        }
      }
      if (ok + bad > 0) {
        landed += ok;
        callsOk += batched ? itemsOk : ok;
        // A batch that fails as a whole counts once.
        callsFailed += itemsBad + bad;
        lastInclusion = Date.now();
        idle = 0;
        rows.push({
          block: number,
          extrinsics: block.extrinsics.length,
          [`${name} ok`]: ok,
          [`${name} failed`]: bad,
          ...(batched ? { 'calls ok': itemsOk, 'calls failed': itemsBad } : {}),
          refTime: pct(weight.normal.refTime.toBigInt(), maxRef),
          proofSize: pct(weight.normal.proofSize.toBigInt(), maxProof),
        });
      } else {
        idle++;
      }
      if (pending.size === 0) {
        resolve();
      } else if (submitted && idle >= STALL_BLOCKS && !checking) {
        // Nothing of ours landed for a while. A transaction can still land as long as its
        // sender's nonce has not passed it; one whose nonce is used up never will: that one is
        // lost. One that can still land but is no longer in the pool was dropped by it (the
        // fork-aware pool drops some under load): it is submitted again, as a wallet would.
        checking = true;
        Promise.all([api.rpc.author.pendingExtrinsics(), ...[...pending.values()].map(async (tx) => {
          const { nonce } = await api.query.system.account(tx.signer.toString());
          return nonce.toNumber() > tx.nonce.toNumber();
        })]).then(async ([inPool, ...gone]) => {
          if (gone.every((g) => g)) {
            lost = gone.length;
            resolve();
          } else {
            const pooled = new Set(inPool.map((xt) => xt.hash.toHex()));
            const dropped = [...pending.values()].filter((tx, i) => !gone[i] && !pooled.has(tx.hash.toHex()));
            // The pool refuses one it still knows ("already imported"): only those it accepts
            // again had been dropped.
            for (const tx of dropped) {
              if (await api.rpc.author.submitExtrinsic(tx).then(() => true, () => false)) resubmitted++;
            }
          }
          checking = false;
          idle = 0;
        }, () => { checking = false; });
      }
    });
  });

  // Submission: rounds of at most IN_FLIGHT requests, each with at most PIPELINE transactions
  // of any one sender.
  const start = Date.now();
  let refused = 0;
  let firstRefusal = null;
  const next = () => {
    const out = [];
    for (const queue of senders.values()) {
      let taken = 0;
      while (queue.length && (PIPELINE === 0 || taken < PIPELINE) && out.length < IN_FLIGHT) {
        out.push(queue.shift());
        taken++;
      }
      if (out.length >= IN_FLIGHT) break;
    }
    return out;
  };
  for (let chunk = next(); chunk.length > 0; chunk = next()) {
    const results = await Promise.allSettled(chunk.map((tx) => api.rpc.author.submitExtrinsic(tx)));
    results.forEach((result, j) => {
      if (result.status === 'rejected') {
        refused++;
        firstRefusal ??= result.reason.message;
        pending.delete(chunk[j].hash.toHex());
      }
    });
  }
  const submitMs = Date.now() - start;
  submitted = true;
  idle = 0;
  if (refused) fail(`pool refused (${firstRefusal})`, refused);
  if (pending.size > 0) {
    await Promise.race([
      done,
      (async () => {
        while (Date.now() - start < PHASE_TIMEOUT_MS && pending.size > 0) {
          follower.check();
          await sleep(1000);
        }
      })(),
    ]);
  }
  follower.on(null);
  if (pending.size > 0 && lost === 0) fail('not included before the timeout', pending.size);
  if (lost) fail('lost (nonce used, never included)', lost);

  const notLanded = refused + lost + (lost ? 0 : pending.size);
  console.log(`\n== ${name}: ${txs.length} submitted in ${submitMs} ms` +
    `${PIPELINE ? ` (${PIPELINE} a sender a round)` : ' (all at once)'}`);
  console.table(rows);
  const seconds = lastInclusion ? (lastInclusion - start) / 1000 : 0;
  const most = rows.length ? Math.max(...rows.map((r) => (batched ? r['calls ok'] + r['calls failed'] : r[`${name} ok`] + r[`${name} failed`]))) : 0;
  console.log(`${name}: ${batched ? `${landed} batches landed carrying ${callsOk} calls` : `landed ${landed}`}, ` +
    `failed ${callsFailed + notLanded}` +
    `${failures.size ? ` (${[...failures].map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}; ` +
    `${rows.length} blocks, at most ${most} calls in one; ${seconds.toFixed(1)} s from submission to the ` +
    `last inclusion (${seconds ? (callsOk / seconds).toFixed(1) : 'n/a'} calls/s)` +
    `${resubmitted ? `; ${resubmitted} dropped by the pool and submitted again` : ''}`);
  return {
    name, landed: callsOk, failed: callsFailed + notLanded, blocks: rows.length, most, seconds, events, resubmitted,
  };
}

async function signAll(api, plan) {
  // plan: [{ signer, calls: [tx, ...] }]; nonces in sequence per signer, immortal. Signed
  // locally with what the client already knows (no RPC per transaction), so that signing 10,000
  // takes seconds rather than minutes.
  const started = Date.now();
  const nonces = [];
  for (let i = 0; i < plan.length; i += 100) {
    nonces.push(...await Promise.all(plan.slice(i, i + 100)
      .map(({ signer }) => api.rpc.system.accountNextIndex(signer.address))));
  }
  const era = api.createType('ExtrinsicEra', new Uint8Array([0]));
  const txs = [];
  plan.forEach(({ signer, calls }, i) => {
    const first = nonces[i].toNumber();
    calls.forEach((call, n) => {
      txs.push(call.sign(signer, {
        blockHash: api.genesisHash,
        genesisHash: api.genesisHash,
        era,
        nonce: first + n,
        runtimeVersion: api.runtimeVersion,
        signedExtensions: api.registry.signedExtensions,
      }));
    });
  });
  console.log(`signed ${txs.length} transactions in ${Date.now() - started} ms`);
  return txs;
}

async function main() {
  await cryptoWaitReady();
  const node = await connect();
  try {
    await run(node.api, node.url);
  } catch (err) {
    // The node's log goes with its base path: show its end first.
    if (node.log) console.error(`== node log (end)\n${node.log().split('\n').slice(-80).join('\n')}`);
    throw err;
  } finally {
    // NODE_LOG=path keeps the fresh node's log (its base path is removed when it stops).
    if (node.log && process.env.NODE_LOG) writeFileSync(process.env.NODE_LOG, node.log());
    await node.stop();
  }
}

async function run(api, url) {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const sink = keyring.addFromUri('//Ferdie');
  const buyers = Array.from({ length: SENDERS }, (_, i) => keyring.addFromUri(`//Alice//load//${i}`));
  const vendors = Array.from({ length: VENDORS }, (_, i) => keyring.addFromUri(`//Alice//vendor//${i}`));
  const runtime = await api.rpc.state.getRuntimeVersion();
  console.log(`load: ${SENDERS} buyers x ${ORDERS_PER_SENDER} = ${TOTAL} per phase, ${VENDORS} vendors` +
    `${SHIP_BATCH > 1 ? ` shipping ${SHIP_BATCH} an extrinsic` : ''}, ` +
    `against ${runtime.specName.toString()} v${runtime.specVersion.toNumber()}, ` +
    `dev block time ${process.env.WS ? '(running node)' : `${process.env.DEV_BLOCK_TIME_MS ?? 3000} ms`}`);

  // Fund everyone: price, order deposit and fees per order, with room to spare.
  const perBuyer = BigInt(ORDERS_PER_SENDER) * (PRICE + UNIT) + 20n * UNIT;
  const bond = api.consts.vendors ? api.consts.vendors.bond.toBigInt() : 0n;
  const perVendor = bond + 100n * UNIT + BigInt(Math.ceil(TOTAL / VENDORS)) * UNIT / 10n;
  const funding = [
    ...buyers.map((b) => api.tx.balances.transferKeepAlive(b.address, perBuyer)),
    ...vendors.map((v) => api.tx.balances.transferKeepAlive(v.address, perVendor)),
  ];
  for (let i = 0; i < funding.length; i += 200) {
    await submit(api, api.tx.utility.batchAll(funding.slice(i, i + 200)), alice);
  }
  // Vendors apply with their bond and Alice, the development chain's vetting body, approves
  // them all in one batch.
  if (api.tx.vendors) {
    for (const vendor of vendors) {
      await submit(api, api.tx.vendors.apply('ipfs://load-harness-vendor'), vendor);
    }
    await submit(api, api.tx.utility.batchAll(vendors.map((v) => api.tx.vendors.approve(v.address))), alice);
  }
  const stock = Math.ceil(TOTAL / VENDORS);
  const listings = [];
  for (const vendor of vendors) {
    const listed = await submit(
      api, api.tx.orders.createListing('Native', PRICE, stock, 'ipfs://load-harness', 2000, 2000), vendor);
    listings.push(listed.events
      .find(({ event }) => api.events.orders.ListingCreated.is(event)).event.data.listing.toNumber());
  }

  const follower = await follow(url);
  const results = [];

  // 1. Transfers: the yardstick.
  let txs;
  if (PHASES.has('transfer')) {
    txs = await signAll(api, buyers.map((buyer) => ({
      signer: buyer,
      calls: Array.from({ length: ORDERS_PER_SENDER }, () => api.tx.balances.transferKeepAlive(sink.address, UNIT / 1000n)),
    })));
    results.push(await burst(api, follower, 'transfer', txs));
  }

  // 2. Place: buyer b's j-th order goes to vendor (b * ORDERS_PER_SENDER + j) % VENDORS.
  txs = await signAll(api, buyers.map((buyer, b) => ({
    signer: buyer,
    calls: Array.from({ length: ORDERS_PER_SENDER }, (_, j) =>
      api.tx.orders.placeOrder(listings[(b * ORDERS_PER_SENDER + j) % VENDORS], 1, PRICE, 'Native')),
  })));
  const placed = await burst(api, follower, 'place_order', txs);
  results.push(placed);
  const orders = placed.events.filter((e) => api.events.orders.OrderPlaced.is(e)).map((e) => ({
    id: e.data.order.toNumber(), buyer: e.data.buyer.toString(), vendor: e.data.vendor.toString(),
  }));

  // Orders by party, computed once: `pair.address` encodes SS58 on every read, and 10,000
  // orders x 1,000 buyers of it block the event loop for minutes (long enough for the node to
  // drop the connection).
  const ofParty = (key) => {
    const map = new Map();
    for (const o of orders) {
      if (!map.has(o[key])) map.set(o[key], []);
      map.get(o[key]).push(o);
    }
    return (pair) => map.get(pair.address) ?? [];
  };
  const ordersOfVendor = ofParty('vendor');
  const ordersOfBuyer = ofParty('buyer');

  // 3. Ship: each vendor ships every order it received, one extrinsic an order or SHIP_BATCH
  // orders in each `utility.force_batch`.
  const chunks = (list, n) => Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, (i + 1) * n));
  if (PHASES.has('ship')) {
    txs = await signAll(api, vendors.map((vendor) => {
      const ships = ordersOfVendor(vendor).map((o) => api.tx.orders.shipOrder(o.id, new Uint8Array(32).fill(1)));
      return { signer: vendor, calls: SHIP_BATCH > 1 ? chunks(ships, SHIP_BATCH).map((c) => api.tx.utility.forceBatch(c)) : ships };
    }));
    results.push(await burst(api, follower, SHIP_BATCH > 1 ? `ship_order x${SHIP_BATCH}` : 'ship_order', txs, { batched: SHIP_BATCH > 1 }));
  }

  // 4. Confirm: each buyer confirms each of its orders.
  let confirmed = null;
  if (PHASES.has('confirm')) {
    txs = await signAll(api, buyers.map((buyer) => ({
      signer: buyer,
      calls: ordersOfBuyer(buyer).map((o) => api.tx.orders.confirmDelivery(o.id)),
    })));
    confirmed = await burst(api, follower, 'confirm_delivery', txs);
    results.push(confirmed);
  }
  await follower.stop();

  console.log('\n== summary');
  console.table(results.map(({ name, landed, failed, blocks, most, seconds, resubmitted }) => ({
    call: name, 'calls landed': landed, failed, blocks, 'most in a block': most, seconds: seconds.toFixed(1),
    'calls/s': seconds ? (landed / seconds).toFixed(1) : 'n/a', 'dropped, resubmitted': resubmitted,
  })));

  const failed = results.reduce((sum, r) => sum + r.failed, 0);
  if (failed > 0) throw new Error(`${failed} transactions failed or were lost`);
  if (!confirmed) return;
  // Where the chain must end: every order completed, no open order, stock accounted for.
  const completed = confirmed.events.filter((e) => api.events.orders.OrderClosed.is(e) &&
    e.data.outcome.isCompleted).length;
  const open = (await api.query.orders.orders.keys()).length;
  let sold = 0;
  for (const id of listings) {
    const listing = (await api.query.orders.listings(id)).unwrap();
    sold += stock - listing.stock.toNumber();
    if (listing.reserved.toNumber() !== 0) throw new Error(`listing ${id} still reserves units`);
  }
  console.log(`orders placed ${orders.length}, completed ${completed}, still open ${open}, units sold ${sold}`);
  if (orders.length !== TOTAL || completed !== TOTAL || open !== 0 || sold !== TOTAL) {
    throw new Error('the lifecycle did not end where it must');
  }
}

main().then(() => process.exit(0), (err) => {
  console.error(err);
  process.exit(1);
});
