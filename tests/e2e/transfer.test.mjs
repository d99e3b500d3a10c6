// Issue 2: a dev node produces and finalizes blocks, serves Polkadot.js, and applies a signed
// transfer exactly.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevNode, submit, waitForFinalized } from './lib/node.mjs';

let node;
before(async () => {
  await cryptoWaitReady();
  node = await startDevNode();
});
after(async () => { await node?.stop(); });

test('the dev chain reports its token and address format', async () => {
  const props = await node.api.rpc.system.properties();
  assert.equal(props.tokenSymbol.unwrap()[0].toString(), 'CMRC');
  assert.equal(props.tokenDecimals.unwrap()[0].toNumber(), 12);
  assert.equal(props.ss58Format.unwrap().toNumber(), 42);
  assert.equal(node.api.consts.system.ss58Prefix.toNumber(), 42);
  assert.equal((await node.api.rpc.system.chain()).toString(), 'commerce-chain development');
});

test('blocks are produced and finalized', async () => {
  const reached = await waitForFinalized(node.api, 2, 60_000);
  assert.ok(reached >= 2);
});

test('a signed transfer moves exactly the amount, and the sender pays the fee', async () => {
  const { api } = node;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const fresh = keyring.addFromMnemonic(mnemonicGenerate());
  const amount = 5n * 10n ** 12n; // 5 CMRC

  const aliceBefore = (await api.query.system.account(alice.address)).data.free.toBigInt();
  const freshBefore = (await api.query.system.account(fresh.address)).data.free.toBigInt();
  assert.equal(freshBefore, 0n);

  const { blockHash, events } = await submit(
    api, api.tx.balances.transferKeepAlive(fresh.address, amount), alice,
  );

  const transfer = events.find(({ event }) => api.events.balances.Transfer.is(event));
  assert.ok(transfer, 'a Balances.Transfer event');
  const [from, to, value] = transfer.event.data;
  assert.equal(from.toString(), alice.address);
  assert.equal(to.toString(), fresh.address);
  assert.equal(value.toBigInt(), amount);
  assert.ok(events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)));

  const feeEvent = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  assert.ok(feeEvent, 'a TransactionFeePaid event');
  const fee = feeEvent.event.data.actualFee.toBigInt();
  assert.ok(fee > 0n);

  const at = await api.at(blockHash);
  const aliceAfter = (await at.query.system.account(alice.address)).data.free.toBigInt();
  const freshAfter = (await at.query.system.account(fresh.address)).data.free.toBigInt();
  assert.equal(freshAfter, amount);
  assert.equal(aliceBefore - aliceAfter, amount + fee);
});

/** `units` of an asset shown with its own metadata, e.g. "12.50 cUSD". */
async function showAsset(api, id, units) {
  const meta = await api.query.assets.metadata(id);
  const decimals = meta.decimals.toNumber();
  const scale = 10n ** BigInt(decimals);
  const cents = (units * 100n) / scale; // two decimals, as a shop shows prices
  const whole = cents / 100n;
  const frac = (cents % 100n).toString().padStart(2, '0');
  return `${whole}.${frac} ${meta.symbol.toUtf8()}`;
}

test('the dev chain\'s test stablecoin: held by every dev account, moved and shown by its metadata', async () => {
  const { api } = node;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const bob = keyring.addFromUri('//Bob');
  const fresh = keyring.addFromMnemonic(mnemonicGenerate());
  const CUSD = 1;
  const meta = await api.query.assets.metadata(CUSD);
  assert.equal(meta.symbol.toUtf8(), 'cUSD');
  assert.equal(meta.decimals.toNumber(), 6);
  for (const id of [1984, 1337]) { // Asset Hub's USDT and USDC: known, no supply yet
    const details = (await api.query.assets.asset(id)).unwrap();
    assert.equal(details.supply.toBigInt(), 0n);
    assert.ok(details.isSufficient.isTrue);
  }
  const balanceOf = async (who, at = api) =>
    (await at.query.assets.account(CUSD, who)).unwrapOr(null)?.balance.toBigInt() ?? 0n;
  assert.equal(await balanceOf(bob.address), 100_000n * 10n ** 6n);

  const amount = 12_500_000n; // 12.50 cUSD
  const { blockHash, events } = await submit(
    api, api.tx.assets.transferKeepAlive(CUSD, fresh.address, amount), bob,
  );
  const transferred = events.find(({ event }) => api.events.assets.Transferred.is(event));
  assert.ok(transferred, 'an Assets.Transferred event');
  assert.equal(transferred.event.data.amount.toBigInt(), amount);
  assert.equal(await showAsset(api, CUSD, transferred.event.data.amount.toBigInt()), '12.50 cUSD');

  // The fresh account holds only cUSD (the asset is sufficient): no CMRC at all.
  const at = await api.at(blockHash);
  assert.equal(await balanceOf(fresh.address, at), amount);
  assert.equal((await at.query.system.account(fresh.address)).data.free.toBigInt(), 0n);
  assert.equal(await balanceOf(bob.address, at), 100_000n * 10n ** 6n - amount);
});
