// Test 4: a new member's collator (this node, not in genesis; its aura key `//Col-four` is in
// its keystore) joins: Alice funds its account, it registers its session keys with the proof
// of possession the runtime checks, then its candidacy, which reserves the candidacy bond.
const { nodeApi, keyring, pairOf, send, eventOf, saveState, figure, UNIT } = require('./lib.js');

async function run(nodeName, networkInfo) {
  const api = await nodeApi(networkInfo, nodeName);
  const key = keyring();
  const member = pairOf(nodeName);
  const bond = (await api.query.collatorSelection.candidacyBond()).toBigInt();
  await send(api, api.tx.balances.transferKeepAlive(member.address, bond + 100n * UNIT), key('Alice'));

  // The proof of possession: the aura key signs "POP_" followed by the owner's account id.
  const statement = new Uint8Array([...Buffer.from('POP_'), ...member.publicKey]);
  // A hex string: Polkadot.js would take a Uint8Array for `Bytes` as already length-prefixed.
  const proof = '0x' + Buffer.from(member.sign(statement)).toString('hex');
  const auraKey = '0x' + Buffer.from(member.publicKey).toString('hex');
  await send(api, api.tx.session.setKeys({ aura: auraKey }, proof), member);

  const registered = await send(api, api.tx.collatorSelection.registerAsCandidate(), member);
  const added = eventOf(registered.events, 'collatorSelection', 'CandidateAdded');
  if (added.data.deposit.toBigInt() !== bond) throw new Error(`bond ${added.data.deposit} != ${bond}`);
  const reserved = (await api.query.system.account(member.address)).data.reserved.toBigInt();
  if (reserved !== bond) throw new Error(`reserved ${reserved}, expected the bond ${bond}`);
  const block = (await api.rpc.chain.getHeader(registered.blockHash)).number.toNumber();
  saveState(networkInfo, 'join', { block, at: Date.now(), bond: bond.toString() });
  figure(`${nodeName} registered as a candidate with a bond of ${bond / UNIT} UNIT at block`, block, '#');
  await api.disconnect();
  return 1;
}

module.exports = { run };
