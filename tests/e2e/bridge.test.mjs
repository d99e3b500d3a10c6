// Issue 14: commerce-bridge delivers every commerce event exactly once, proven by crashing it.
// A real `commerce-node --dev` (archive-canonical state) runs order rounds (place, ship,
// confirm) through Polkadot.js; the bridge is killed with SIGKILL at chosen points (its
// failpoints) and from outside, restarted, pointed at a pruned node and at another chain, and
// run against a real nats-server that is restarted mid-stream, with example consumers that
// crash before acknowledging. Every time, what was delivered is compared with the chain's own
// events, read through Polkadot.js: the same set, nothing twice, in chain order (issue 21: the
// NATS publish chain). Issue 21 also: a node with the same genesis but another history is
// refused, and so is plain ws:// to a host that is not this machine.
import assert from 'node:assert/strict';
import { rmSync, readFileSync, existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, submit, waitForFinalized } from './lib/node.mjs';
import {
  bridgeBin, bridgeCli, chainEvents, exampleBin, natsDump, outboxCursor, scratch, start, startNats,
  uniqueIds, until, within,
} from './lib/bridge.mjs';

const UNIT = 10n ** 12n;
const PRICE = 3n * UNIT;

let node;
let api;
let ws;
let k;
let listing;
const tmp = scratch('commerce-bridge-e2e-');

before(async () => {
  await cryptoWaitReady();
  node = await startDevNode({ args: ['--dev-block-time', '500', '--state-pruning', 'archive-canonical'] });
  api = node.api;
  ws = `ws://127.0.0.1:${node.rpcPort}`;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Bob', 'Charlie', 'Dave', 'Eve'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]));
  const listed = await submit(api, api.tx.orders.createListing('Native', PRICE, 100_000, 'ipfs://bridge-e2e', 50, 500), k.dave);
  listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toNumber();
  await round();
  await round();
});
after(async () => {
  await node?.stop();
  tmp.cleanup();
});

const placedIn = (events) =>
  events.filter(({ event }) => event.section === 'orders' && event.method === 'OrderPlaced').map(({ event }) => event.data.order.toNumber());

/**
 * One round of commerce: three buyers each place two orders (one batch each, same block), the
 * vendor ships all six in one batch, each buyer confirms its two: three blocks with 6 to 18
 * commerce events each.
 */
async function round() {
  const buyers = [k.bob, k.charlie, k.eve];
  const place = () => api.tx.orders.placeOrder(listing, 1, PRICE, 'Native');
  const placed = await Promise.all(buyers.map((b) => submit(api, api.tx.utility.batchAll([place(), place()]), b)));
  const orders = placed.map((r) => placedIn(r.events));
  const tracking = '0x' + '5a'.repeat(32);
  await submit(api, api.tx.utility.batchAll(orders.flat().map((o) => api.tx.orders.shipOrder(o, tracking))), k.dave);
  await Promise.all(buyers.map((b, i) => submit(api, api.tx.utility.batchAll(orders[i].map((o) => api.tx.orders.confirmDelivery(o))), b)));
}

const finalized = async () => (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

/** Blocks (numbers) in `1..=to` holding at least two commerce events. */
async function busyBlocks(to) {
  const perBlock = new Map();
  for (const id of (await chainEvents(api, 1, to)).keys()) {
    const n = (await api.rpc.chain.getHeader(id.split(':')[0])).number.toNumber();
    perBlock.set(n, (perBlock.get(n) ?? 0) + 1);
  }
  return [...perBlock].filter(([, count]) => count >= 2).map(([n]) => n).sort((a, b) => a - b);
}

/** Run the bridge until it kills itself at `failpoint`; assert it did. */
async function crashAt(args, failpoint, log) {
  const run = start(bridgeBin(), args, { env: { COMMERCE_BRIDGE_FAILPOINT: failpoint }, logPath: log });
  const { signal } = await within(60_000, run.exited, `bridge reaching ${failpoint}`, run.log);
  assert.equal(signal, 'SIGKILL', `the bridge died at ${failpoint}:\n${run.log()}`);
  assert.ok(run.log().includes(`failpoint ${failpoint}`), run.log());
}

/**
 * Compare delivered documents (in delivery order: outbox `seq`, stream sequence) with the chain's
 * events up to `to`: same ids, kinds, once each, and in the chain's order (blocks ascending, then
 * event index: the order `chainEvents` lists them in).
 */
async function assertSameAsChain(docs, to, what) {
  const delivered = uniqueIds(docs.map((d) => d.id), what);
  const chain = await chainEvents(api, 1, to);
  assert.ok(chain.size > 50, `enough events to mean something (${chain.size})`);
  const missing = [...chain.keys()].filter((id) => !delivered.has(id));
  const extra = [...delivered].filter((id) => !chain.has(id));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `${what} vs the chain`);
  for (const doc of docs) assert.equal(doc.kind, chain.get(doc.id).kind, `${what}: kind of ${doc.id}`);
  assert.deepEqual(docs.map((d) => d.id), [...chain.keys()], `${what}: delivery order is chain order`);
  return chain;
}

test('SQLite outbox: killed at each crash point and from outside, it delivers every event once', async () => {
  const db = tmp.path('outbox.sqlite');
  const args = ['sqlite', '--url', ws, '--db', db, '--prefetch', '4'];
  const busy = await busyBlocks(await finalized());

  // Killed after decoding a block, then in the middle of its transaction (rows inserted, cursor
  // not moved, not committed): each time the outbox stops before that block.
  await crashAt(args, `after-decode@${busy[1]}`, tmp.path('sqlite-1.log'));
  const first = outboxCursor(db);
  assert.ok(first >= busy[0] && first < busy[1], `cursor ${first} stopped before block ${busy[1]}`);
  await crashAt(args, `mid-transaction@${busy[3]}`, tmp.path('sqlite-2.log'));
  const second = outboxCursor(db);
  assert.ok(second >= busy[2] && second < busy[3], `cursor ${second} stopped before block ${busy[3]}`);

  // Following live while orders keep coming; killed with SIGKILL from outside; restarted.
  let bridge = start(bridgeBin(), args, { logPath: tmp.path('sqlite-3.log') });
  await round();
  bridge.child.kill('SIGKILL');
  assert.equal((await bridge.exited).signal, 'SIGKILL');
  bridge = start(bridgeBin(), [...args, '--stats', tmp.path('sqlite-stats.json')], { logPath: tmp.path('sqlite-4.log') });
  await round();
  const end = await finalized();
  await until(60_000, () => outboxCursor(db) >= end, 'the outbox catching up', bridge.log);
  assert.equal((await bridge.stop()).code, 0, bridge.log());

  const rows = bridgeCli(['events', '--db', db, '--limit', '1000000']).split('\n').filter(Boolean).map(JSON.parse);
  const chain = await assertSameAsChain(rows, outboxCursor(db), 'the outbox');

  // The documents carry what services need, decoded like Polkadot.js decodes it.
  const placed = rows.find((d) => d.kind === 'orders.OrderPlaced');
  const { data } = chain.get(placed.id).event;
  assert.equal(placed.schema, 1);
  assert.equal(placed.order, data.order.toNumber());
  assert.equal(placed.listing, listing);
  assert.equal(placed.parties.vendor, k.dave.address);
  assert.equal(placed.parties.buyer, data.buyer.toString());
  assert.ok([k.bob.address, k.charlie.address, k.eve.address].includes(placed.parties.buyer));
  assert.equal(placed.amounts.total, data.total.toBigInt().toString());
  assert.equal(placed.amounts.total, PRICE.toString());
  assert.equal(placed.fields.quantity, 1);
  assert.equal(placed.block.hash, placed.id.split(':')[0]);
  // The currency of the amounts (docs/payments.md): the listing's, CMRC here; an event without
  // amounts in a currency has none.
  assert.equal(placed.currency, 'Native');
  assert.equal(placed.fields.currency, 'Native');
  const shipped = rows.find((d) => d.kind === 'orders.OrderShipped');
  assert.ok(shipped, 'an OrderShipped document');
  assert.equal(shipped.currency, null);

  // The query command: every event of one order, in chain order.
  const ofOrder = bridgeCli(['events', '--db', db, '--order', String(placed.order)]).split('\n').filter(Boolean).map(JSON.parse);
  const expected = [...chain].filter(([, e]) => e.event.data.order?.toNumber() === placed.order).map(([id]) => id);
  assert.deepEqual(ofOrder.map((d) => d.id), expected);
  assert.deepEqual(ofOrder.map((d) => d.kind).slice(0, 2), ['escrow.Held', 'orders.OrderPlaced']); // the hold comes first
  assert.equal(ofOrder[0].currency, 'Native', 'escrow.Held states the currency held');

  const stats = JSON.parse(readFileSync(tmp.path('sqlite-stats.json'), 'utf8'));
  assert.ok(stats.events > 0 && stats.blocks > 0, JSON.stringify(stats));
});

test('another chain is refused, and a pruned node is a clear error', async () => {
  // A chain with another genesis (the local testnet spec), with state kept for 8 blocks only.
  const other = await startDevNode({ args: ['--chain', 'local', '--dev-block-time', '200', '--state-pruning', '8'] });
  try {
    await waitForFinalized(other.api, 30);
    const otherWs = `ws://127.0.0.1:${other.rpcPort}`;
    const refused = start(bridgeBin(), ['sqlite', '--url', otherWs, '--db', tmp.path('outbox.sqlite')], { logPath: tmp.path('other-1.log') });
    assert.equal((await within(30_000, refused.exited, 'refusal', refused.log)).code, 2, refused.log());
    assert.match(refused.log(), /refusing to run: the sink was started for the chain with genesis 0x[0-9a-f]{64}/);

    const pruned = start(bridgeBin(), ['sqlite', '--url', otherWs, '--db', tmp.path('fresh.sqlite')], { logPath: tmp.path('other-2.log') });
    assert.equal((await within(30_000, pruned.exited, 'pruned error', pruned.log)).code, 2, pruned.log());
    assert.match(pruned.log(), /no longer has the state of block #1 \(pruned\)/);
    assert.match(pruned.log(), /--state-pruning archive-canonical/);
    assert.equal(outboxCursor(tmp.path('fresh.sqlite')), null, 'nothing delivered');
  } finally {
    await other.stop();
  }
});

test('the same genesis with another history is refused: the cursor\'s block must be the node\'s', async () => {
  // A second --dev node: the same genesis as the first, its own blocks (other timestamps, no
  // orders). The outbox of the first test has a cursor on the first node's chain.
  const db = tmp.path('outbox.sqlite');
  const cursor = outboxCursor(db);
  assert.ok(cursor > 0, 'the outbox test left a cursor');
  const twin = await startDevNode({ args: ['--dev-block-time', '200'] });
  try {
    assert.equal((await twin.api.rpc.chain.getBlockHash(0)).toHex(), (await api.rpc.chain.getBlockHash(0)).toHex(), 'same genesis');
    await waitForFinalized(twin.api, cursor + 2, 120_000);
    const run = start(bridgeBin(), ['sqlite', '--url', `ws://127.0.0.1:${twin.rpcPort}`, '--db', db], { logPath: tmp.path('twin.log') });
    assert.equal((await within(30_000, run.exited, 'refusal', run.log)).code, 2, run.log());
    assert.match(run.log(), new RegExp(`the sink's cursor is block #${cursor} 0x[0-9a-f]{64} but the node's block #${cursor} is 0x[0-9a-f]{64}`));
    assert.equal(outboxCursor(db), cursor, 'nothing delivered from the other history');
  } finally {
    await twin.stop();
  }
});

test('plain ws:// to a host that is not this machine is refused, unless allowed', async () => {
  // 192.0.2.1 is TEST-NET-1 (documentation only): nothing answers there, nothing is sent.
  for (const url of ['ws://192.0.2.1:9944', 'ws://localhost@192.0.2.1:9944', 'ws://localhost.example.com:9944']) {
    const db = tmp.path('never.sqlite');
    const refused = start(bridgeBin(), ['sqlite', '--url', url, '--db', db], { logPath: tmp.path('insecure.log') });
    assert.equal((await within(10_000, refused.exited, `refusing ${url}`, refused.log)).code, 2, refused.log());
    assert.ok(!existsSync(db), 'refused before opening the sink');
  }
  assert.match(readFileSync(tmp.path('insecure.log'), 'utf8'), /refusing to connect to ws:\/\/192\.0\.2\.1:9944: plain ws:\/\/ .*--allow-insecure-remote/);
  // Allowed: it warns and tries to connect; nothing answers, so it retries (its SIGTERM handler
  // is installed by then) until SIGTERM stops it with exit 0.
  const allowed = start(bridgeBin(), ['sqlite', '--url', 'ws://192.0.2.1:9944', '--allow-insecure-remote', '--db', tmp.path('allowed.sqlite')], { logPath: tmp.path('allowed.log') });
  await until(40_000, () => allowed.log().includes('reconnecting in'), 'a failed connection attempt', allowed.log);
  assert.match(allowed.log(), /warning: ws:\/\/192\.0\.2\.1:9944 is plain ws:\/\/ to another host \(--allow-insecure-remote\)/);
  assert.equal((await allowed.stop()).code, 0, allowed.log());
});

test('NATS JetStream: crash points, a server restart, a lost state file and crashing consumers', async () => {
  const nats = await startNats(tmp.path('nats-store'), tmp.path('nats.log'));
  const state = tmp.path('bridge-state.sqlite');
  const args = ['nats', '--url', ws, '--server', nats.url, '--state', state, '--prefetch', '4'];
  try {
    const busy = await busyBlocks(await finalized());
    // Killed after decoding, with half a block's events acknowledged, and with all of them
    // acknowledged but the cursor not moved.
    await crashAt(args, `after-decode@${busy[1]}`, tmp.path('nats-1.log'));
    await crashAt(args, `mid-publish@${busy[3]}`, tmp.path('nats-2.log'));
    await crashAt(args, `after-publish@${busy[5]}`, tmp.path('nats-3.log'));
    const cursor = outboxCursor(state);
    assert.ok(cursor >= busy[4] && cursor < busy[5], `cursor ${cursor} did not pass the unconfirmed block ${busy[5]}`);

    // Following live; the NATS server restarts in the middle of a round.
    let bridge = start(bridgeBin(), args, { logPath: tmp.path('nats-4.log') });
    const live = round();
    await new Promise((r) => setTimeout(r, 700));
    await nats.restart();
    await live;
    await round();
    let end = await finalized();
    await until(90_000, () => outboxCursor(state) >= end, 'the bridge catching up after the restart', bridge.log);

    // Killed from outside and its state file lost: it starts again from block 1 and publishes
    // nothing already in the stream (the stream's last message marks where it stopped).
    bridge.child.kill('SIGKILL');
    await bridge.exited;
    rmSync(state);
    rmSync(`${state}-wal`, { force: true });
    rmSync(`${state}-shm`, { force: true });
    await round();
    end = await finalized();
    const statsPath = tmp.path('nats-stats.json');
    bridge = start(bridgeBin(), [...args, '--stats', statsPath], { logPath: tmp.path('nats-5.log') });
    await until(90_000, () => existsSync(state) && outboxCursor(state) >= end, 'the bridge catching up from block 1', bridge.log);
    assert.equal((await bridge.stop()).code, 0, bridge.log());
    const stats = JSON.parse(readFileSync(statsPath, 'utf8'));
    assert.equal(stats.duplicates_dropped, 0, 'nothing was re-sent: the stream itself told the bridge where to resume');

    // In stream order, after two crashes mid-block, a server restart mid-round and a lost state
    // file: every event once, in chain order, with consecutive stream sequences (nothing stored
    // past a lost publish, nothing appended out of order afterwards).
    const messages = natsDump(nats.url);
    const chain = await assertSameAsChain(messages.map((m) => m.doc), outboxCursor(state), 'the stream');
    for (const m of messages) assert.equal(m.id, m.doc.id, 'the message id is the event id');
    assert.deepEqual(messages.map((m) => m.seq), messages.map((_, i) => messages[0].seq + i), 'consecutive stream sequences');

    // Consumers: inventory dies after handling its third event, before acknowledging it, and
    // is started again; the redelivered event is recognised and not handled twice.
    const ledger = tmp.path('inventory.jsonl');
    const consumerArgs = (file) => ['--server', nats.url, '--ledger', file, '--idle-exit', '8'];
    const crashing = start(exampleBin('inventory'), consumerArgs(ledger), {
      env: { COMMERCE_CONSUMER_FAILPOINT: 'before-ack@3' }, logPath: tmp.path('inventory-1.log'),
    });
    assert.equal((await within(30_000, crashing.exited, 'inventory crash', crashing.log)).signal, 'SIGKILL');
    const inventory = start(exampleBin('inventory'), consumerArgs(ledger), { logPath: tmp.path('inventory-2.log') });
    assert.equal((await within(120_000, inventory.exited, 'inventory', inventory.log)).code, 0, inventory.log());
    assert.match(inventory.log(), /already handled, acknowledging the redelivery/);
    const shipping = start(exampleBin('shipping'), consumerArgs(tmp.path('shipping.jsonl')), { logPath: tmp.path('shipping.log') });
    assert.equal((await within(120_000, shipping.exited, 'shipping', shipping.log)).code, 0, shipping.log());
    assert.match(shipping.log(), /orders\.OrderShipped 0x[0-9a-f]+:\d+ -> book a carrier pickup for order \d+/);

    const lines = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
    const inventoryIds = uniqueIds(lines(ledger).map((l) => l.id), 'inventory');
    const ordersEvents = [...chain].filter(([, e]) => e.kind.startsWith('orders.')).map(([id]) => id);
    assert.deepEqual([...inventoryIds].sort(), ordersEvents.sort(), 'inventory handled each orders event once');
    const shippingIds = uniqueIds(lines(tmp.path('shipping.jsonl')).map((l) => l.id), 'shipping');
    assert.deepEqual([...shippingIds].sort(), [...chain.keys()].sort(), 'shipping saw each event once');
  } finally {
    await nats.stop();
  }
});
