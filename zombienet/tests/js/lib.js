// Helpers shared by the network tests' js-scripts. zombienet loads each script with `require`
// and calls its `run(nodeName, networkInfo, args)`; while it runs, the global `zombie` holds
// the Polkadot.js classes zombienet ships (`ApiPromise`, `Keyring`, `WsProvider`, `util`,
// `connect`). A script fails its line by throwing, with a message that says what was expected.
//
// Figures (seconds, block counts) are appended to the file `$ZN_FIGURES` as tab-separated
// lines, which zombienet/run.sh prints after its summary table.

const fs = require('fs');
const path = require('path');

const PARA_ID = 2000;
const UNIT = 1_000_000_000_000n;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** An API connected to `wsUri` (zombie.connect waits until it is ready). */
async function connect(wsUri) {
  return zombie.connect(wsUri);
}

/** The API of a node of the network, by name. */
async function nodeApi(networkInfo, name) {
  const node = networkInfo.nodesByName[name];
  if (!node) throw new Error(`no node named ${name} in this network`);
  return connect(node.wsUri);
}

/** Development accounts by seed name (`Alice`, `Col-four`, ...), sr25519. */
function keyring() {
  const ring = new zombie.Keyring({ type: 'sr25519' });
  return (name) => ring.addFromUri(`//${name}`);
}

/** Record a figure for the run's report. */
function figure(name, value, unit) {
  const line = `${name}\t${value}\t${unit}`;
  console.log(`\tfigure: ${line.replaceAll('\t', ' ')}`);
  if (process.env.ZN_FIGURES) fs.appendFileSync(process.env.ZN_FIGURES, `${line}\n`);
}

/** A small JSON file in the network's directory, shared by the scripts of one run. */
function stateFile(networkInfo, name) {
  return path.join(networkInfo.tmpDir, `commerce-${name}.json`);
}
function saveState(networkInfo, name, value) {
  fs.writeFileSync(stateFile(networkInfo, name), JSON.stringify(value));
}
function loadState(networkInfo, name) {
  return JSON.parse(fs.readFileSync(stateFile(networkInfo, name), 'utf8'));
}

/** Best and finalized block numbers of a node. */
async function heights(api) {
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const finalizedHash = await api.rpc.chain.getFinalizedHead();
  const finalized = (await api.rpc.chain.getHeader(finalizedHash)).number.toNumber();
  return { best, finalized, finalizedHash };
}

/** Milliseconds timestamp of block `hash`. */
async function timestampAt(api, hash) {
  return (await (await api.at(hash)).query.timestamp.now()).toNumber();
}

/** Poll `check` every `everyMs` until it returns a truthy value, or throw `what` at the deadline. */
async function waitFor(what, timeoutMs, check, everyMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s: ${what}`);
    await sleep(everyMs);
  }
}

/**
 * Sign and submit `tx`; resolve with the events once it is in a block (or finalized, with
 * `finalized`), reject with `pallet.Error` on a failed dispatch.
 */
function send(api, tx, signer, { finalized = false } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = () => {};
    tx.signAndSend(signer, ({ status, events, dispatchError }) => {
      if (dispatchError) {
        unsub();
        if (dispatchError.isModule) {
          const { section, name } = api.registry.findMetaError(dispatchError.asModule);
          reject(new Error(`${section}.${name}`));
        } else {
          reject(new Error(dispatchError.toString()));
        }
        return;
      }
      if ((finalized && status.isFinalized) || (!finalized && status.isInBlock)) {
        unsub();
        resolve({ blockHash: finalized ? status.asFinalized : status.asInBlock, events });
      }
      if (status.isDropped || status.isInvalid || status.isUsurped) {
        unsub();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => { unsub = u; }, reject);
  });
}

function eventOf(events, section, method) {
  const found = events.find(({ event }) => event.section === section && event.method === method);
  if (!found) throw new Error(`no ${section}.${method} event`);
  return found.event;
}

/**
 * A council motion that dispatches `call` as Root: proposed by Alice with a threshold of two
 * of the three development members, voted by Alice and Bob, closed. Throws unless Root
 * dispatched the call successfully.
 */
async function councilRoot(api, call) {
  const key = keyring();
  const motion = api.tx.councilRoot.dispatchAsRoot(call);
  const length = motion.method.encodedLength;
  const proposed = await send(api, api.tx.council.propose(2, motion, length), key('Alice'));
  const { proposalIndex, proposalHash } = eventOf(proposed.events, 'council', 'Proposed').data;
  await send(api, api.tx.council.vote(proposalHash, proposalIndex, true), key('Alice'));
  await send(api, api.tx.council.vote(proposalHash, proposalIndex, true), key('Bob'));
  const weight = (await motion.paymentInfo(key('Alice'))).weight;
  const closed = await send(
    api,
    api.tx.council.close(proposalHash, proposalIndex, weight, length),
    key('Alice'),
  );
  const dispatched = eventOf(closed.events, 'councilRoot', 'RootDispatched');
  if (!dispatched.data.result.isOk) {
    throw new Error(`the motion passed but Root's call failed: ${dispatched.data.result.toString()}`);
  }
  return closed;
}

/** The author (account id, hex) of the parachain block `hash`, from its Aura slot. */
async function authorOf(api, hash) {
  const header = await api.derive.chain.getHeader(hash);
  return header.author ? header.author.toHex() : null;
}

/** The development key zombienet derives for a node (`col-two` -> `//Col-two`). */
function pairOf(nodeName) {
  return keyring()(nodeName.charAt(0).toUpperCase() + nodeName.slice(1));
}

/** The account id (hex) of a node's development key. */
function accountOf(nodeName) {
  return '0x' + Buffer.from(pairOf(nodeName).publicKey).toString('hex');
}

/** The parachain head number the relay chain has recorded for our para. */
async function includedParaHeight(relayApi) {
  const head = await relayApi.query.paras.heads(PARA_ID);
  if (head.isNone) return 0;
  // The head data is a SCALE-encoded header: parent hash (32 bytes), then compact number.
  const header = relayApi.registry.createType('Header', head.unwrap().toU8a(true));
  return header.number.toNumber();
}

module.exports = {
  PARA_ID,
  UNIT,
  sleep,
  connect,
  nodeApi,
  keyring,
  figure,
  saveState,
  loadState,
  heights,
  timestampAt,
  waitFor,
  send,
  eventOf,
  councilRoot,
  authorOf,
  pairOf,
  accountOf,
  includedParaHeight,
};
