// Issue 11: profit sharing end to end through Polkadot.js against `commerce-node --dev`.
// Dave (a genesis vendor) proposes a 3-way split of his listing's revenue: Charlie 30%,
// Ferdie 20%, Dave the rest, from 100 UNIT of revenue on. Both suppliers accept. Two orders
// complete below the threshold (all to Dave), the third crosses it (split on the part above
// only), the fourth splits in full; Dave refunds 10 UNIT of the fourth to its buyer, and the
// suppliers' share of that refund is clawed back from the fifth order's distribution. Every
// balance is checked to the planck (fees from `TransactionFeePaid`, deposits from holds).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { startDevNode, submit } from './lib/node.mjs';

const UNIT = 10n ** 12n;
const PRICE = 40n * UNIT;
const THRESHOLD = 100n * UNIT;
const BILLION = 1_000_000_000n;
const SHARES = { charlie: 300_000_000n, ferdie: 200_000_000n }; // Perbill parts: 30%, 20%

let node;
let api;
let k;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode({ args: ['--dev-block-time', '1000'] });
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(
    ['Alice', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );
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
// Perbill's `mul_floor`: parts × amount / 10⁹, rounded down.
const share = (parts, amount) => (parts * amount) / BILLION;

/** Eve orders one unit, Dave ships, Eve confirms. Returns the order id and its `Split` event. */
async function completeOrder(listing) {
  const placed = await send(api.tx.orders.placeOrder(listing, 1, PRICE, 'Native'), k.eve);
  const order = placed.events.find(({ event }) => event.method === 'OrderPlaced').event.data.order.toNumber();
  await send(api.tx.orders.shipOrder(order, `0x${'11'.repeat(32)}`), k.dave);
  const confirmed = await send(api.tx.orders.confirmDelivery(order), k.eve);
  const split = confirmed.events.find(({ event }) => event.section === 'profitSharing' && event.method === 'Split')?.event;
  return { order, split };
}

test('a 3-way split with a threshold pays each party to the planck, and a refund is clawed back', async () => {
  const feeRate = (await api.query.escrow.marketplaceFee()).toBigInt();
  const net = PRICE - share(feeRate, PRICE);

  // Dave lists; proposes the agreement for that listing; Charlie and Ferdie accept.
  const listed = await send(api.tx.orders.createListing('Native', PRICE, 10, 'ipfs://goods', 100, 100), k.dave);
  const listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toNumber();
  const terms = {
    beneficiaries: [[k.charlie.address, SHARES.charlie], [k.ferdie.address, SHARES.ferdie]],
    threshold: { Revenue: THRESHOLD },
  };
  const proposed = await send(api.tx.profitSharing.proposeAgreement({ Listing: listing }, terms), k.dave);
  const id = proposed.events.find(({ event }) => event.method === 'AgreementProposed').event.data.agreement.toNumber();
  assert.equal((await api.call.profitSharingApi.agreementFor(k.dave.address, listing)).isNone, true);
  await send(api.tx.profitSharing.accept(id, 0), k.charlie);
  const activated = await send(api.tx.profitSharing.accept(id, 0), k.ferdie);
  assert.ok(activated.events.some(({ event }) => event.method === 'VersionActivated'));
  assert.equal((await api.call.profitSharingApi.agreementFor(k.dave.address, listing)).unwrap().toNumber(), id);

  // Each order: Dave's free balance moves by his part, less the sale record's deposit (a hold)
  // and his shipping fee; the suppliers receive exactly their shares.
  let revenue = 0n;
  const owed = { charlie: 0n, ferdie: 0n };
  async function orderAndCheck(label) {
    const fromBlock = (await api.rpc.chain.getHeader()).number.toNumber();
    const before = { dave: await account(k.dave), charlie: await account(k.charlie), ferdie: await account(k.ferdie) };
    const daveFees = fees(k.dave);
    const { order, split } = await completeOrder(listing);
    const shared = revenue >= THRESHOLD ? net : revenue + net > THRESHOLD ? revenue + net - THRESHOLD : 0n;
    revenue += net;
    const paid = {};
    for (const who of ['charlie', 'ferdie']) {
      const gross = share(SHARES[who], shared);
      const netted = gross < owed[who] ? gross : owed[who];
      owed[who] -= netted;
      paid[who] = gross - netted;
    }
    const toDave = net - paid.charlie - paid.ferdie;
    const after = { dave: await account(k.dave), charlie: await account(k.charlie), ferdie: await account(k.ferdie) };
    const saleDeposit = after.dave.reserved - before.dave.reserved;
    assert.ok(saleDeposit > 0n, `${label}: the sale record holds a deposit`);
    if (after.dave.free !== before.dave.free + toDave - saleDeposit - (fees(k.dave) - daveFees)) {
      const to = (await api.rpc.chain.getHeader()).number.toNumber();
      console.error(`DIAG ${label}: blocks ${fromBlock}..${to}, before ${JSON.stringify(before.dave, (_, v) => typeof v === 'bigint' ? v.toString() : v)}, after ${JSON.stringify(after.dave, (_, v) => typeof v === 'bigint' ? v.toString() : v)}, toDave ${toDave}, fees ${fees(k.dave) - daveFees}`);
      for (let n = fromBlock; n <= to; n++) {
        const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(n));
        for (const { phase, event } of events) {
          const text = JSON.stringify(event.toHuman());
          if (text.includes(k.dave.address)) console.error(`DIAG #${n} ${phase.toString()} ${event.section}.${event.method} ${text}`);
        }
      }
    }
    assert.equal(after.dave.free, before.dave.free + toDave - saleDeposit - (fees(k.dave) - daveFees), `${label}: Dave`);
    assert.equal(after.charlie.free, before.charlie.free + paid.charlie, `${label}: Charlie`);
    assert.equal(after.ferdie.free, before.ferdie.free + paid.ferdie, `${label}: Ferdie`);
    assert.equal(split.data.shared.toBigInt(), shared, `${label}: shared part`);
    assert.equal(split.data.toVendor.toBigInt(), toDave, `${label}: event's vendor part`);
    return { order, shared };
  }

  const first = await orderAndCheck('order 1 (below)');
  assert.equal(first.shared, 0n);
  assert.equal((await orderAndCheck('order 2 (below)')).shared, 0n);
  const crossing = await orderAndCheck('order 3 (crossing)');
  assert.equal(crossing.shared, 3n * net - THRESHOLD);
  assert.ok(crossing.shared > 0n && crossing.shared < net, 'split on the part above the threshold only');
  const full = await orderAndCheck('order 4 (above)');
  assert.equal(full.shared, net);

  // Dave refunds 10 UNIT of order 4 to Eve from his own funds; the suppliers owe their share.
  const refund = 10n * UNIT;
  const eveBefore = (await account(k.eve)).free;
  const supplierBefore = (await account(k.charlie)).free;
  const refunded = await send(api.tx.profitSharing.refundSale(full.order, refund), k.dave);
  const event = refunded.events.find(({ event }) => event.method === 'SaleRefunded').event;
  assert.equal(event.data.clawback.toBigInt(), refund);
  assert.equal(event.data.currency.isNative, true, 'refunded in the sale\'s currency');
  assert.equal((await account(k.eve)).free, eveBefore + refund);
  assert.equal((await account(k.charlie)).free, supplierBefore, 'never taken from a supplier');
  revenue -= refund;
  owed.charlie = share(SHARES.charlie, refund);
  owed.ferdie = share(SHARES.ferdie, refund);
  const ledgers = await api.call.profitSharingApi.ledgers(id, k.charlie.address);
  assert.equal(ledgers.length, 1, 'one ledger: CMRC');
  const [ledgerCurrency, ledger] = ledgers[0];
  assert.equal(ledgerCurrency.isNative, true);
  assert.equal(ledger.owed.toBigInt(), owed.charlie);

  // Order 5: split in full, less the clawback.
  await orderAndCheck('order 5 (clawback netted)');
  assert.deepEqual(owed, { charlie: 0n, ferdie: 0n });

  // The runtime API agrees with what the chain paid.
  const [counted, units] = await api.call.profitSharingApi.progress(id).then((p) => p.unwrap());
  assert.equal(counted.toBigInt(), revenue);
  assert.equal(units.toNumber(), 5);
  const agreement = (await api.call.profitSharingApi.agreement(id)).unwrap();
  assert.equal(agreement.progress.units.toNumber(), 5);
  const payouts = await api.call.profitSharingApi.payouts(id);
  assert.equal(payouts.length, 1, 'paid in CMRC only');
  const [payoutCurrency, totals] = payouts[0];
  assert.equal(payoutCurrency.isNative, true);
  assert.equal(totals.released.toBigInt(), 5n * net);
  assert.equal(
    totals.toVendor.toBigInt() + totals.toBeneficiaries.toBigInt() + totals.claimable.toBigInt(),
    totals.released.toBigInt(),
  );
  const [[, ferdieLedger]] = await api.call.profitSharingApi.ledgers(id, k.ferdie.address);
  const received = ferdieLedger.received.toBigInt();
  const expected = share(SHARES.ferdie, 3n * net - THRESHOLD) + share(SHARES.ferdie, net) + share(SHARES.ferdie, net) - share(SHARES.ferdie, refund);
  assert.equal(received, expected);
});
