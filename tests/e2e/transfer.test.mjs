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
