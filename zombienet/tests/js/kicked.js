// Test 4: the candidate args[0] stopped authoring at mark args[1] (it is paused): it is kicked
// at a session rotation once it has authored nothing for a session, its whole bond is
// returned (no slash), and the rotation after drops it from the authorities.
const { nodeApi, accountOf, waitFor, loadState, figure } = require('./lib.js');

async function run(nodeName, networkInfo, args) {
  const [collator, markName] = args;
  const mark = loadState(networkInfo, markName);
  const join = loadState(networkInfo, 'join');
  const account = accountOf(collator);
  const api = await nodeApi(networkInfo, nodeName);
  const freeBefore = (await api.query.system.account(account)).data.free.toBigInt();
  const isCandidate = async () =>
    (await api.query.collatorSelection.candidateList()).some((c) => c.who.toHex() === account);
  if (!(await isCandidate())) throw new Error(`${collator} is not a candidate before being silent`);

  await waitFor(`${collator} to be kicked`, 900_000, async () => !(await isCandidate()));
  figure(`${collator} kicked, after it stopped`, ((Date.now() - mark.at) / 1000).toFixed(0), 's');
  const { free, reserved } = (await api.query.system.account(account)).data;
  if (reserved.toBigInt() !== 0n) throw new Error(`${reserved} still reserved after the kick`);
  if (free.toBigInt() - freeBefore !== BigInt(join.bond)) {
    throw new Error(`the kick returned ${free.toBigInt() - freeBefore}, not the bond ${join.bond}`);
  }
  await waitFor(`${collator} to leave the authorities`, 900_000, async () =>
    !(await api.query.session.validators()).some((v) => v.toHex() === account));
  figure(`${collator} no longer an authority, after it stopped`, ((Date.now() - mark.at) / 1000).toFixed(0), 's');
  await api.disconnect();
  return 1;
}

module.exports = { run };
