// Test 4, set-up: a council motion (Root) shortens sessions to args[0] blocks by writing the
// runtime's `SessionPeriodSetting` storage item, so that selection and kicking happen within
// minutes. Waits for a session rotation to prove the new length took effect.
const { nodeApi, councilRoot, waitFor, figure } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const blocks = Number(args[0]);
  const api = await nodeApi(networkInfo, nodeName);
  const key = zombie.util.xxhashAsHex(':SessionPeriodSetting:', 128);
  // The SCALE encoding (little-endian); a Polkadot.js number's toHex() is big-endian.
  const value = '0x' + Buffer.from(api.createType('u32', blocks).toU8a()).toString('hex');
  await councilRoot(api, api.tx.system.setStorage([[key, value]]));
  const stored = await api.rpc.state.getStorage(key);
  const read = stored.isSome ? api.createType('u32', stored.unwrap().toU8a(true)).toNumber() : null;
  if (read !== blocks) throw new Error(`the session length read back is ${read}, not ${blocks}`);
  const index = (await api.query.session.currentIndex()).toNumber();
  const started = Date.now();
  await waitFor(`a session rotation within ${blocks} blocks`, 300_000, async () =>
    (await api.query.session.currentIndex()).toNumber() > index);
  figure(`first rotation after sessions were set to ${blocks} blocks`, ((Date.now() - started) / 1000).toFixed(0), 's');
  await api.disconnect();
  return 1;
}

module.exports = { run };
