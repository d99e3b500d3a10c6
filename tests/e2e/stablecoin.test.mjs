// Issue 23: commerce in a stablecoin end to end through Polkadot.js against `commerce-node --dev`.
// The council gives the development stablecoin (cUSD, asset 1, 6 decimals) a rate; Dave lists in
// it under a profit-sharing agreement with Charlie. Zoe holds cUSD and no CMRC at all: she pays
// every fee in cUSD (`ChargeAssetTxPayment`, to the block author) and her order deposits are held
// in cUSD. Her first order is partly refunded, then completes and is split to Charlie; her second
// is disputed and the council rules a split. Every cUSD balance is checked to the unit, the coin's
// supply is unchanged by commerce and fees, and the events, the runtime APIs and the asset
// metadata name the currency ("12.50 cUSD").
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { councilMotion as motion } from './lib/council.mjs';
import { startDevNode, submit } from './lib/node.mjs';

const CUSD = 1;
const CURRENCY = { WithId: CUSD };
const PRICE = 12_500_000n; // 12.50 cUSD
// 1 cUSD (10^6 units) is worth 2 CMRC (2 × 10^12 planck): 2,000,000 planck per unit.
const RATE = 2_000_000n;
const RATE_FIXED = RATE * 10n ** 18n; // FixedU128
const UNIT = 10n ** 12n;
const THRESHOLD = 20n * UNIT; // in CMRC value

let node;
let api;
let k;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
  api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(
    ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie', 'Zoe'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`)]),
  );
});
after(async () => { await node?.stop(); });

const send = (tx, signer) => submit(api, tx, signer);
// Zoe's transactions pay their fee in cUSD; what each paid is added to `zoeFees`.
let zoeFees = 0n;
async function asZoe(tx) {
  let result;
  try {
    result = await submit(api, tx, k.zoe, { assetId: CUSD });
  } catch (error) {
    error.events?.forEach(countFee);
    throw error;
  }
  const paid = result.events.filter(countFee);
  assert.equal(paid.length, 1, 'one fee, in cUSD');
  assert.ok(!ofPallet(result.events, 'transactionPayment', 'TransactionFeePaid'), 'no CMRC fee');
  return result;
}
function countFee({ event }) {
  if (event.section !== 'assetTxPayment' || event.method !== 'AssetTxFeePaid') return false;
  assert.equal(event.data.who.toString(), k.zoe.address);
  assert.equal(event.data.assetId.unwrap().toNumber(), CUSD);
  zoeFees += event.data.actualFee.toBigInt();
  return true;
}
const usd = async (address) => {
  const account = await api.query.assets.account(CUSD, address);
  return account.isSome ? account.unwrap().balance.toBigInt() : 0n;
};
const ofPallet = (events, section, method) =>
  events.find(({ event }) => event.section === section && event.method === method)?.event;

/** A council motion: Alice proposes `call`, Alice and Bob vote aye, Alice closes it. */
const councilMotion = (call) => motion(api, call, k.alice, k.bob);

/** "12.50 cUSD", from the asset's own metadata. */
async function show(units) {
  const meta = await api.query.assets.metadata(CUSD);
  const decimals = BigInt(meta.decimals.toNumber());
  const whole = units / 10n ** decimals;
  const cents = (units % 10n ** decimals).toString().padStart(Number(decimals), '0').slice(0, 2);
  return `${whole}.${cents} ${meta.symbol.toUtf8()}`;
}

test('a buyer holding only cUSD: refund, split to a supplier, dispute; fees and deposits in cUSD; every unit accounted for', async () => {
  const feeAccountId = api.registry.createType(
    'AccountId', new Uint8Array([...new TextEncoder().encode('modlcmrc/fee'), ...new Uint8Array(20)]),
  ).toString();
  const supply = (await api.query.assets.asset(CUSD)).unwrap().supply.toBigInt();
  assert.equal(await show(PRICE), '12.50 cUSD');

  // Without a rate the coin prices nothing.
  await assert.rejects(
    send(api.tx.orders.createListing(CURRENCY, PRICE, 5, 'ipfs://bafy-cusd', 10, 100), k.dave),
    /orders\.CurrencyNotAccepted/,
  );
  const rated = await councilMotion(api.tx.assetRate.create(CUSD, RATE_FIXED));
  assert.ok(ofPallet(rated.events, 'assetRate', 'AssetRateCreated'), 'the council set the rate');

  const listed = await send(api.tx.orders.createListing(CURRENCY, PRICE, 5, 'ipfs://bafy-cusd', 10, 100), k.dave);
  const created = ofPallet(listed.events, 'orders', 'ListingCreated');
  const listing = created.data.listing.toNumber();
  assert.equal((await api.call.commerceApi.listing(listing)).unwrap().currency.asWithId.toNumber(), CUSD);

  // Charlie takes 30% of the revenue above 20 CMRC of value.
  const terms = { beneficiaries: [[k.charlie.address, 300_000_000]], threshold: { Revenue: THRESHOLD } };
  const proposed = await send(api.tx.profitSharing.proposeAgreement({ Listing: listing }, terms), k.dave);
  const agreement = ofPallet(proposed.events, 'profitSharing', 'AgreementProposed').data.agreement.toNumber();
  await send(api.tx.profitSharing.accept(agreement, 0), k.charlie);

  // Zoe gets 1,000 cUSD from Alice and has no CMRC; without it she cannot pay a CMRC fee.
  await send(api.tx.assets.transferKeepAlive(CUSD, k.zoe.address, 1_000_000_000n), k.alice);
  const zoeNative = async () => (await api.query.system.account(k.zoe.address)).data;
  assert.equal((await zoeNative()).free.toBigInt(), 0n);
  await assert.rejects(
    submit(api, api.tx.orders.placeOrder(listing, 1, PRICE, CURRENCY), k.zoe),
    /Inability to pay some fees|Invalid Transaction|1010/,
  );

  const marketplaceFee = (await api.query.escrow.marketplaceFee()).toBigInt(); // parts per billion
  const feeOn = (amount) => (amount * marketplaceFee) / 1_000_000_000n;
  // Alice authors every block of the dev node: the cUSD fees are hers.
  const parties = {
    zoe: k.zoe.address, dave: k.dave.address, charlie: k.charlie.address, fee: feeAccountId, author: k.alice.address,
  };
  const balances = async () => Object.fromEntries(
    await Promise.all(Object.entries(parties).map(async ([name, who]) => [name, await usd(who)])),
  );
  const start = await balances();

  // Order 1: two units, 25.00 cUSD held; Dave ships and refunds 5.00, Eve confirms.
  const total1 = 2n * PRICE;
  const placed = await asZoe(api.tx.orders.placeOrder(listing, 2, PRICE, CURRENCY));
  const order1 = ofPallet(placed.events, 'orders', 'OrderPlaced').data.order.toNumber();
  // The order deposit is held in cUSD: the CMRC price of the record at the rate, rounded up.
  const deposit1 = (await api.query.orders.orders(order1)).unwrap().deposit.toBigInt();
  assert.ok(deposit1 > 0n);
  assert.equal(await usd(k.zoe.address), start.zoe - zoeFees - total1 - deposit1);
  const held = ofPallet(placed.events, 'escrow', 'Held');
  assert.equal(held.data.currency.asWithId.toNumber(), CUSD);
  assert.equal(held.data.amount.toBigInt(), total1);
  assert.equal((await api.call.commerceApi.order(order1)).unwrap().value.toBigInt(), total1 * RATE);
  await send(api.tx.orders.shipOrder(order1, '0x' + '44'.repeat(32)), k.dave);
  const refund = 5_000_000n;
  const refunded = await send(api.tx.orders.refundOrder(order1, refund), k.dave);
  assert.equal(ofPallet(refunded.events, 'escrow', 'PartiallyRefunded').data.currency.asWithId.toNumber(), CUSD);
  const confirmed = await asZoe(api.tx.orders.confirmDelivery(order1));
  const split = ofPallet(confirmed.events, 'profitSharing', 'Split');
  assert.equal(split.data.currency.asWithId.toNumber(), CUSD);

  const released = total1 - refund;
  const net1 = released - feeOn(released);
  const value1 = net1 * RATE;
  const shared = (net1 * (value1 - THRESHOLD)) / value1; // the part of the value above 20 CMRC
  const toCharlie = (shared * 3n) / 10n;
  assert.equal(split.data.shared.toBigInt(), shared);
  assert.equal(split.data.toBeneficiaries.toBigInt(), toCharlie);
  let now = await balances();
  assert.equal(now.zoe, start.zoe - zoeFees - released, 'the deposit is back');
  assert.equal(now.charlie, start.charlie + toCharlie);
  assert.equal(now.dave, start.dave + net1 - toCharlie);
  assert.equal(now.fee, start.fee + feeOn(released));

  const [counted] = (await api.call.profitSharingApi.progress(agreement)).unwrap();
  assert.equal(counted.toBigInt(), value1, 'the threshold counts the CMRC value');
  const [[ledgerCurrency, ledger]] = await api.call.profitSharingApi.ledgers(agreement, k.charlie.address);
  assert.equal(ledgerCurrency.asWithId.toNumber(), CUSD);
  assert.equal(ledger.received.toBigInt(), toCharlie);

  // Order 2: one unit, shipped, disputed by Eve; the council gives her 40%.
  const placed2 = await asZoe(api.tx.orders.placeOrder(listing, 1, PRICE, CURRENCY));
  const order2 = ofPallet(placed2.events, 'orders', 'OrderPlaced').data.order.toNumber();
  await send(api.tx.orders.shipOrder(order2, '0x' + '55'.repeat(32)), k.dave);
  await asZoe(api.tx.escrow.openDispute(order2, '0x' + '66'.repeat(32)));
  const toBuyer = (PRICE * 4n) / 10n;
  const ruled = await councilMotion(api.tx.escrow.rule(order2, toBuyer));
  const settled = ofPallet(ruled.events, 'escrow', 'Settled');
  assert.equal(settled.data.currency.asWithId.toNumber(), CUSD);
  assert.equal(settled.data.toBuyer.toBigInt(), toBuyer);
  const vendorSide = PRICE - toBuyer;
  const net2 = vendorSide - feeOn(vendorSide);
  const toCharlie2 = (net2 * 3n) / 10n; // above the threshold: all of it is shared
  now = await balances();
  assert.equal(now.zoe, start.zoe - zoeFees - released - vendorSide);
  assert.ok(zoeFees > 0n);
  assert.equal(now.author, start.author + zoeFees, 'the fees went to the block author');
  assert.equal((await zoeNative()).free.toBigInt(), 0n, 'Zoe never held CMRC');
  assert.equal(now.charlie, start.charlie + toCharlie + toCharlie2);
  assert.equal(now.dave, start.dave + net1 - toCharlie + net2 - toCharlie2);
  assert.equal(now.fee, start.fee + feeOn(released) + feeOn(vendorSide));

  // Commerce and fees moved cUSD between accounts and created or destroyed none.
  assert.equal((await api.query.assets.asset(CUSD)).unwrap().supply.toBigInt(), supply);
  const [[payoutCurrency, payout]] = await api.call.profitSharingApi.payouts(agreement);
  assert.equal(payoutCurrency.asWithId.toNumber(), CUSD);
  assert.equal(payout.released.toBigInt(), net1 + net2);
  assert.equal(payout.toBeneficiaries.toBigInt(), toCharlie + toCharlie2);
});
