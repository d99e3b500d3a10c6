// Issue 24 in a real browser: Debian's headless Chromium, driven by playwright-core, runs the app
// (app/, PAPI) against a dev node. A wallet extension is injected into each page
// (`window.injectedWeb3`, the interface Polkadot.js, Talisman and SubWallet implement) and signs
// in Node with the dev keys, so the app's own connect-and-sign path runs. Dave publishes his
// encryption key from the vendor console; Eve buys from the storefront with her delivery address
// sealed in the browser; Dave sees it opened in his console and ships; Eve watches the order
// move live and confirms; balances move to the planck. Then every extrinsic and event of every
// block of the flow is searched for the address: it is never on chain in clear (the ciphertext,
// as a control, is). Screenshots of each page go to $SCREENSHOTS (default
// ~/.cache/commerce-chain/test-results/app).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Keyring } from '@polkadot/keyring';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { chromium } from 'playwright-core';
import { freePort, sleep, startDevNode, submit } from './lib/node.mjs';

const APP = new URL('../../app/', import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SHOTS = process.env.SCREENSHOTS ?? join(process.env.HOME, '.cache/commerce-chain/test-results/app');
const UNIT = 10n ** 12n;
const PRICE = 25n * UNIT;
const ADDRESS = 'Eve Example\n17 Rue des Tilleuls\n75011 Paris\nFrance';

let node;
let server;
let browser;
let k;
const fees = new Map();
const recordFees = (api, events = []) => {
  for (const { event } of events) {
    if (api.events.transactionPayment.TransactionFeePaid.is(event)) {
      const who = event.data.who.toString();
      fees.set(who, (fees.get(who) ?? 0n) + event.data.actualFee.toBigInt());
    }
  }
};

before(async () => {
  assert.ok(existsSync(join(APP, 'dist/app.js')), 'app/dist is built (scripts/test.sh builds it; or `npm run descriptors && npm run build` in app/)');
  assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (setup.sh installs Debian's chromium)`);
  await cryptoWaitReady();
  // One-second blocks: the flows and the tender's windows (10 blocks on a dev chain) go faster.
  node = await startDevNode({ args: ['--dev-block-time', '1000'] });
  const port = await freePort();
  server = spawn(process.execPath, [join(APP, 'serve.mjs'), '--node', `ws://127.0.0.1:${node.rpcPort}`, '--port', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve) => server.stdout.once('data', resolve));
  server.url = `http://127.0.0.1:${port}/`;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  k = Object.fromEntries(['Dave', 'Eve', 'Ferdie'].map((n) => [n.toLowerCase(), keyring.addFromUri(`//${n}`, { name: n })]));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.kill();
  await node?.stop();
});

/**
 * A page with a wallet extension named `test-wallet` holding `pairs`. The extension's signer
 * builds the payload from the JSON the app sends (Polkadot.js's `ExtrinsicPayload`, as the
 * Polkadot.js extension does) and signs it with the pair in Node.
 */
async function walletPage(pairs) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[page]', err));
  page.on('console', (m) => m.type() !== 'log' && console.error('[browser]', m.text()));
  const api = node.api;
  const byAddress = new Map(pairs.map((p) => [p.address, p]));
  await page.exposeFunction('__testWalletSign', (payload) => {
    const pair = byAddress.get(payload.address);
    if (!pair) throw new Error(`the wallet holds no key for ${payload.address}`);
    const extrinsicPayload = api.registry.createType('ExtrinsicPayload', payload, { version: payload.version });
    return { id: 1, signature: extrinsicPayload.sign(pair).signature };
  });
  const accounts = pairs.map((p) => ({ address: p.address, name: `${p.meta.name} (test wallet)`, type: 'sr25519' }));
  await page.addInitScript((list) => {
    window.injectedWeb3 = {
      'test-wallet': {
        version: '1.0.0',
        enable: async () => ({
          accounts: { get: async () => list, subscribe: (cb) => { cb(list); return () => {}; } },
          signer: {
            signPayload: (payload) => window.__testWalletSign(payload),
            signRaw: async () => { throw new Error('signRaw is not used'); },
          },
        }),
      },
    };
  }, accounts);
  return page;
}

/** An amount of CMRC as the app shows it: exact, with two decimals at least. */
const cmrc = (units) => `${(units / UNIT).toLocaleString('en')}.${(units % UNIT).toString().padStart(12, '0').replace(/0+$/, '').padEnd(2, '0')} CMRC`;
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const free = async (pair) => (await node.api.query.system.account(pair.address)).data.free.toBigInt();

test('buy with a sealed address, ship from the vendor console, confirm: in Chromium, signing through an injected wallet', async () => {
  const api = node.api;
  const listed = await submit(api, api.tx.orders.createListing('Native', PRICE, 5, JSON.stringify({ title: 'Oak chair' }), 100, 100), k.dave);
  const listing = (await api.query.orders.nextListingId()).toBigInt() - 1n;
  // The flow starts after the listing's block: balances from there, fees and the search below
  // from the next block on.
  const first = (await api.rpc.chain.getHeader(listed.blockHash)).number.toNumber() + 1;
  const before = {
    dave: (await api.query.system.account.at(listed.blockHash, k.dave.address)).data.free.toBigInt(),
    eve: (await api.query.system.account.at(listed.blockHash, k.eve.address)).data.free.toBigInt(),
  };

  // Dave publishes his key from the vendor console; its secret stays in his browser.
  const vendor = await walletPage([k.dave]);
  await vendor.goto(`${server.url}#/vendor`);
  await vendor.selectOption('#account', `test-wallet:${k.dave.address}`);
  await vendor.click('#publish-key');
  await vendor.waitForSelector('#key-card >> text=its secret is in this browser', { timeout: 60_000 }).catch(async (err) => {
    await shot(vendor, 'failed-publish-key');
    throw new Error(`${err.message}\nstatus: ${await vendor.locator('#vendor-status').textContent().catch(() => '?')}`);
  });
  const key = (await api.query.vendors.encryptionKeys(k.dave.address)).unwrap();
  assert.equal(key.length, 32);

  // Eve buys from the storefront.
  const buyer = await walletPage([k.eve]);
  await buyer.goto(server.url);
  await buyer.waitForSelector('body[data-catalogue]', { timeout: 60_000 });
  const card = buyer.locator(`article[data-listing="${listing}"]`);
  assert.match(await card.textContent(), /Oak chair/);
  assert.match(await card.textContent(), /25\.00 CMRC/);
  assert.match(await card.textContent(), /Active/);
  await shot(buyer, 'storefront');
  await card.locator('button').click();
  await buyer.waitForSelector('#place-order:not([disabled])');
  await buyer.selectOption('#account', `test-wallet:${k.eve.address}`);
  await buyer.fill('#address', ADDRESS);
  await shot(buyer, 'checkout');
  await buyer.click('#place-order');
  await buyer.waitForURL(/#\/order\/\d+$/, { timeout: 60_000 });
  const order = BigInt(buyer.url().match(/order\/(\d+)$/)[1]);
  await buyer.waitForSelector('.state[data-state="Paid"]', { timeout: 30_000 });
  const sealed = (await api.query.orders.sealedDeliveries(order)).unwrap().toU8a(true);
  assert.equal(sealed.length, new TextEncoder().encode(ADDRESS).length + 48, 'a sealed box: the address plus 48 bytes');

  // Dave's console (reloaded: it remembers his account) opens the address and ships with a
  // tracking number.
  await vendor.reload();
  const toShip = vendor.locator(`.to-ship[data-order="${order}"]`);
  await toShip.waitFor({ timeout: 30_000 });
  assert.equal(await toShip.locator('.address').textContent(), ADDRESS);
  await shot(vendor, 'vendor-console');
  await toShip.locator('.tracking').fill('1Z999AA10123456784');
  await toShip.locator('button.ship').click();
  await vendor.waitForSelector('#vendor-status[data-state="final"]', { timeout: 90_000 });

  // Eve's page follows without a reload: shipped, in a block then final; she confirms.
  await buyer.waitForSelector('.state[data-state="Shipped"]', { timeout: 30_000 });
  await buyer.waitForSelector('#timeline li[data-state="final"] >> text=Shipped', { timeout: 60_000 });
  await shot(buyer, 'order-shipped');
  await buyer.click('#confirm');
  await buyer.waitForSelector('#order-status[data-state="final"]', { timeout: 90_000 });
  await buyer.waitForSelector('.state[data-state="closed"]', { timeout: 30_000 });
  await buyer.waitForSelector('#timeline >> text=Completed', { timeout: 30_000 });
  await shot(buyer, 'order-completed');

  // Every block of the flow: fees, and the address never in clear.
  const last = (await api.rpc.chain.getHeader()).number.toNumber();
  const needle = new TextEncoder().encode('Rue des Tilleuls');
  const contains = (hay, n) => {
    outer: for (let i = 0; i + n.length <= hay.length; i++) {
      for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
      return true;
    }
    return false;
  };
  let ciphertextSeen = false;
  for (let number = first; number <= last; number++) {
    const hash = await api.rpc.chain.getBlockHash(number);
    const block = await api.rpc.chain.getBlock(hash);
    const events = await api.query.system.events.at(hash);
    recordFees(api, events);
    for (const xt of block.block.extrinsics) {
      const bytes = xt.toU8a();
      assert.ok(!contains(bytes, needle), `block #${number} carries the address in clear`);
      ciphertextSeen ||= contains(bytes, sealed);
    }
    assert.ok(!contains(events.toU8a(), needle), `events of block #${number} carry the address in clear`);
  }
  assert.ok(ciphertextSeen, 'the sealed address is in the order extrinsic (the search works)');
  assert.ok((await api.query.orders.sealedDeliveries(order)).isNone, 'erased at close');

  // Balances: Eve paid the price and her fees (the order deposit came back); Dave got the price
  // less the marketplace fee, less his fees.
  const marketplaceFee = (await api.query.escrow.marketplaceFee()).toBigInt();
  const payout = PRICE - (PRICE * marketplaceFee) / 1_000_000_000n;
  const feeOf = (pair) => fees.get(pair.address) ?? 0n;
  assert.ok(feeOf(k.eve) > 0n && feeOf(k.dave) > 0n);
  assert.equal(await free(k.eve), before.eve - PRICE - feeOf(k.eve));
  assert.equal(await free(k.dave), before.dave + payout - feeOf(k.dave));
});

test('the catalogue of 1,000 listings renders, and its time to first render is reported', async () => {
  const api = node.api;
  const existing = (await api.query.orders.nextListingId()).toNumber();
  // 1,000 listings in batches of 250 (Ferdie is a genesis vendor).
  for (let start = existing; start < 1000; start += 250) {
    const calls = [];
    for (let i = start; i < Math.min(start + 250, 1000); i++) {
      calls.push(api.tx.orders.createListing('Native', UNIT + BigInt(i), 10, JSON.stringify({ title: `Item ${i}` }), 100, 100));
    }
    await submit(api, api.tx.utility.batchAll(calls), k.ferdie);
  }
  const page = await walletPage([]);
  const started = Date.now();
  await page.goto(server.url);
  await page.waitForSelector('body[data-catalogue]', { timeout: 120_000 });
  const wall = Date.now() - started;
  const count = Number(await page.getAttribute('body', 'data-catalogue'));
  const inApp = Number(await page.getAttribute('body', 'data-catalogue-ms'));
  assert.ok(count >= 1000, `${count} listings rendered`);
  assert.equal(await page.locator('article.listing').count(), count);
  assert.match(await page.locator('article[data-listing="999"]').textContent(), /Item 999/);
  await page.screenshot({ path: join(SHOTS, 'catalogue-1000.png') }); // the first screen only
  console.log(`# catalogue of ${count} listings: first full render ${wall} ms from navigation (${inApp} ms in the app after connecting)`);
  await sleep(0);
});

test('a QR code resolves: the batch page in Chromium, the GS1 linkset, the description file, 404 and 400', async () => {
  const api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, charlie] = ['Alice', 'Charlie'].map((n) => keyring.addFromUri(`//${n}`));
  // Event times are dated by the chain's clock, which is 0 until its first block.
  if ((await api.query.timestamp.now()).toNumber() === 0) await submit(api, api.tx.system.remark('0x00'), alice);
  const chainNow = (await api.query.timestamp.now()).toNumber();
  const details = (extra = {}) => ({
    eventTime: chainNow - 60_000, timeZoneOffset: 60, disposition: 'Active', readPoint: null,
    bizLocation: null, readings: [], documents: [], ...extra,
  });
  const eventOf = (events, method) => events.find(({ event }) => event.section === 'provenance' && event.method === method)?.event;
  // Alice, the dev vetting body, registers Charlie as producer (prefix 4006381), Dave as retailer.
  await submit(api, api.tx.provenance.registerAttester(charlie.address, 1, ['4006381'], 1_000_000), alice);
  await submit(api, api.tx.provenance.registerAttester(k.dave.address, 8, [], 1_000_000), alice);
  const created = await submit(api, api.tx.provenance.commission('4006381333931', 'LOT-QR', null, details()), charlie);
  const batch = eventOf(created.events, 'BatchCreated').data.batch.toNumber();
  const shipped = await submit(api, api.tx.provenance.ship(batch, k.dave.address, null, details({ disposition: 'InTransit' })), charlie);
  await submit(api, api.tx.provenance.receive(batch, eventOf(shipped.events, 'Recorded').data.event, details({ readings: [{ kind: 'Temperature', value: 4_500 }] })), k.dave);
  // Dave sells it to Eve and ships it against her order: the page names the order, not Eve.
  // The listing names the batch by its Digital Link: the catalogue card summarises its provenance.
  const listed = await submit(api, api.tx.orders.createListing('Native', UNIT, 1, JSON.stringify({ title: 'Olive oil', link: '/01/04006381333931/10/LOT-QR' }), 100, 100), k.dave);
  const listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing;
  const placed = await submit(api, api.tx.orders.placeOrder(listing, 1, UNIT, 'Native'), k.eve);
  const order = placed.events.find(({ event }) => event.method === 'OrderPlaced').event.data.order.toNumber();
  await submit(api, api.tx.provenance.ship(batch, k.eve.address, order, details()), k.dave);

  const path = '/01/04006381333931/10/LOT-QR';
  const root = server.url.replace(/\/$/, '');
  const Ajv = (await import('ajv')).default;
  const addFormats = (await import('ajv-formats')).default;
  const schema = (name) => JSON.parse(readFileSync(new URL(`./gs1/${name}`, import.meta.url), 'utf8'));
  // Draft 7, formats (`uri`) checked; the schemas' annotations outside the vocabulary allowed.
  const compile = (name) => addFormats(new Ajv({ strict: false, allErrors: true })).compile(schema(name));
  const validators = {
    description: compile('resolver-description-file-schema-1.2.0.json'),
    linkset: compile('resolver-linkset-schema.json'),
    gs1Linkset: compile('gs1-linkset-schema.json'),
  };

  // The description file.
  const described = await fetch(`${root}/.well-known/gs1resolver`);
  assert.equal(described.status, 200);
  const descriptionFile = await described.json();
  assert.ok(validators.description(descriptionFile), JSON.stringify(validators.description.errors));
  assert.deepEqual(descriptionFile.supportedPrimaryKeys, ['01']);
  assert.equal(descriptionFile.resolverRoot, root);

  // The linkset, by Accept header and by `linkType=linkset`: both GS1 schemas accept it.
  for (const request of [fetch(`${root}${path}`, { headers: { accept: 'application/linkset+json' } }), fetch(`${root}${path}?linkType=linkset`)]) {
    const response = await request;
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type'), /^application\/linkset\+json/);
    assert.match(response.headers.get('link'), /rel="http:\/\/www\.w3\.org\/ns\/json-ld#context"/);
    const linkset = await response.json();
    assert.ok(validators.linkset(linkset), JSON.stringify(validators.linkset.errors));
    assert.ok(validators.gs1Linkset(linkset), JSON.stringify(validators.gs1Linkset.errors));
    assert.equal(linkset.linkset[0].anchor, `${root}${path}`);
    assert.equal(linkset.linkset[0]['https://gs1.org/voc/defaultLink'][0].href, `${root}/provenance/${batch}`);
    assert.deepEqual(
      linkset.linkset[0]['https://gs1.org/voc/epcis'].map(({ href, type }) => ({ href, type })),
      [{ href: `${root}/provenance/${batch}/epcis.jsonld`, type: 'application/ld+json' }],
    );
  }
  // The schema check can fail: a linkset without its anchor does not validate.
  assert.ok(!validators.linkset({ linkset: [{ itemDescription: 'x' }] }));

  // The linkset's `gs1:epcis` link: the batch's history as an EPCIS 2.0 document (app/epcis.mjs),
  // which epcis2.js accepts.
  const { validate } = await import('./tools/provenance-export.mjs');
  const epcis = await fetch(`${root}/provenance/${batch}/epcis.jsonld`);
  assert.equal(epcis.status, 200);
  assert.match(epcis.headers.get('content-type'), /^application\/ld\+json/);
  const epcisDocument = await epcis.json();
  assert.deepEqual(validate(epcisDocument), { success: true, errors: [] });
  const epcisEvents = epcisDocument.epcisBody.eventList;
  assert.deepEqual(epcisEvents.map((e) => e.bizStep), ['commissioning', 'shipping', 'receiving', 'shipping']);
  assert.deepEqual(epcisEvents[3].bizTransactionList, [{ type: 'po', bizTransaction: `urn:commerce-chain:order:${order}` }]);
  assert.deepEqual(epcisEvents[2].sensorElementList, [{ sensorReport: [{ type: 'gs1:Temperature', value: 4.5, uom: 'CEL' }] }]);
  const toEpcis = await fetch(`${root}${path}?linkType=gs1:epcis`, { redirect: 'manual' });
  assert.equal(toEpcis.status, 307);
  assert.equal(toEpcis.headers.get('location'), `${root}/provenance/${batch}/epcis.jsonld`);

  // A browser is redirected to the default link, told where the linkset is.
  const redirect = await fetch(`${root}${path}`, { redirect: 'manual' });
  assert.equal(redirect.status, 307);
  assert.equal(redirect.headers.get('location'), `${root}/provenance/${batch}`);
  assert.match(redirect.headers.get('link'), /rel="linkset"/);
  // Unknown product, unknown link type, malformed key.
  assert.equal((await fetch(`${root}/01/04006381333931/10/NO-SUCH-LOT`)).status, 404);
  assert.equal((await fetch(`${root}${path}?linkType=gs1:pip`, { redirect: 'manual' })).status, 404);
  assert.equal((await fetch(`${root}/01/12AB/10/x`)).status, 400);

  // The catalogue card of the listing links the batch and counts its attested events.
  const page = await walletPage([]);
  await page.goto(server.url);
  await page.waitForSelector('body[data-catalogue]', { timeout: 60_000 });
  const summary = page.locator(`article[data-listing="${listing}"] p.provenance`);
  assert.match(await summary.textContent(), /Provenance: 4 attested events/);
  assert.equal(await summary.locator('a').getAttribute('href'), `/provenance/${batch}`);

  // Scanning the QR code in Chromium: the history, who attested each event, no buyer data.
  await page.goto(`${root}${path}`);
  await page.waitForSelector(`body[data-provenance="${batch}"]`, { timeout: 60_000 });
  assert.equal(new URL(page.url()).pathname, `/provenance/${batch}`);
  const steps = await page.locator('#provenance-timeline li').evaluateAll((items) => items.map((li) => li.dataset.step));
  assert.deepEqual(steps, ['Commissioning', 'Shipping', 'Receiving', 'Shipping']);
  const text = await page.locator('main').textContent();
  assert.match(text, /Attested by .*\(producer\)/);
  assert.match(text, /Temperature: 4\.5 °C/);
  assert.match(text, new RegExp(`To the buyer of order #${order}`));
  assert.ok(!text.includes(k.eve.address) && !text.includes(k.eve.address.slice(0, 6)), 'no buyer account on the page');
  await shot(page, 'qr-page');
});

test('the vendor console lists, reprices and restocks, takes in a purchase order, and shows KPIs against the policy', async () => {
  const api = node.api;
  const vendor = await walletPage([k.ferdie]);
  await vendor.goto(`${server.url}#/vendor`);
  await vendor.selectOption('#account', `test-wallet:${k.ferdie.address}`);
  await vendor.waitForSelector('#create-listing');
  await vendor.fill('#new-title', 'Walnut table');
  await vendor.fill('#new-price', '12.5');
  await vendor.fill('#new-stock', '3');
  const next = (await api.query.orders.nextListingId()).toNumber();
  await vendor.click('#create-listing');
  const row = vendor.locator(`#listings tr[data-listing="${next}"]`);
  await row.waitFor({ timeout: 60_000 });
  let listing = (await api.query.orders.listings(next)).unwrap();
  assert.equal(listing.unitPrice.toBigInt(), 12_500_000_000_000n);
  assert.equal(listing.stock.toNumber(), 3);
  assert.match(await row.textContent(), /Walnut table/);
  // Restock to 7 and reprice to 11: one `update_listing`.
  await row.locator('input.stock').fill('7');
  await row.locator('input.price').fill('11');
  await row.locator('button.update').click();
  await vendor.waitForSelector(`#listings tr[data-listing="${next}"] >> text=7 (0 reserved)`, { timeout: 60_000 });
  listing = (await api.query.orders.listings(next)).unwrap();
  assert.equal(listing.stock.toNumber(), 7);
  assert.equal(listing.unitPrice.toBigInt(), 11n * UNIT);
  // A purchase order for more (through Polkadot.js): Charlie, the supplier, accepts and ships it
  // from his console; Ferdie receives it from his: the units join the listing.
  const charlie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Charlie', { name: 'Charlie' });
  await submit(api, api.tx.replenishment.createPurchaseOrder(charlie.address, next, 'Native', 4, 3n * UNIT, 100), k.ferdie);
  const po = (await api.call.replenishmentApi.purchaseOrdersOf(k.ferdie.address, null, 100)).map(([id]) => id.toNumber()).at(-1);
  const supplier = await walletPage([charlie]);
  await supplier.goto(`${server.url}#/vendor`);
  await supplier.selectOption('#account', `test-wallet:${charlie.address}`);
  await supplier.click(`#purchase-orders tr[data-po="${po}"] button.accept`);
  await supplier.click(`#purchase-orders tr[data-po="${po}"] button.ship-po`, { timeout: 60_000 });
  await supplier.waitForSelector(`#purchase-orders tr[data-po="${po}"] >> text=shipped 4, received 0`, { timeout: 60_000 });
  await vendor.reload();
  await vendor.click(`#purchase-orders tr[data-po="${po}"] button.receive`, { timeout: 30_000 });
  await vendor.waitForSelector(`#listings tr[data-listing="${next}"] >> text=11 (0 reserved)`, { timeout: 60_000 });
  assert.equal((await api.query.orders.listings(next)).unwrap().stock.toNumber(), 11);

  // One order of it completes (through Polkadot.js): the console charts the period's KPIs
  // against the dev policy's thresholds, and the ladder.
  const placed = await submit(api, api.tx.orders.placeOrder(next, 1, 11n * UNIT, 'Native'), k.eve);
  const order = placed.events.find(({ event }) => event.method === 'OrderPlaced').event.data.order;
  await submit(api, api.tx.orders.shipOrder(order, '0x' + '22'.repeat(32)), k.ferdie);
  await submit(api, api.tx.orders.confirmDelivery(order), k.eve);
  await vendor.reload();
  await vendor.waitForSelector('#kpis figure[data-metric="on_time"] rect', { timeout: 30_000 });
  assert.match(await vendor.locator('#ladder').textContent(), /Standing: Active/);
  assert.match(await vendor.locator('#kpis').textContent(), /Policy: judged from \d+ orders a period/);
  assert.match(await vendor.locator('#kpis figure[data-metric="on_time"] figcaption').textContent(), /Shipped on time: .*period \d+ 100\.0%.*\(at least \d+\.\d%\)/);
  assert.match(await vendor.locator('#kpis figure[data-metric="cancellation"] figcaption').textContent(), /period \d+ 0\.0%/);
  // The KPI section alone: the console lists every listing of the vendor above it.
  await vendor.locator('#kpis').screenshot({ path: join(SHOTS, 'vendor-kpis.png') });
});

test('a replacement tender from the vendor console: sealed bid, salt kept in the browser, reveal, close and award', async () => {
  const api = node.api;
  const alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
  const listed = await submit(api, api.tx.orders.createListing('Native', 10n * UNIT, 4, JSON.stringify({ title: 'Teak bench' }), 100, 100), k.dave);
  const listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing;
  // Alice, the dev vetting body, opens a tender for Dave's listing (4 units, within 100 blocks).
  const opened = await submit(api, api.tx.vendors.openTender(listing, 4, 100), alice);
  const { tender, commitEnd, revealEnd } = opened.events.find(({ event }) => event.method === 'TenderOpened').event.data;
  const waitForBlock = async (n) => {
    while ((await api.rpc.chain.getHeader()).number.toNumber() < n) await sleep(250);
  };

  const vendor = await walletPage([k.ferdie]);
  await vendor.goto(`${server.url}#/vendor`);
  await vendor.selectOption('#account', `test-wallet:${k.ferdie.address}`);
  const row = () => vendor.locator(`#tenders tr[data-tender="${tender}"]`);
  await row().locator('input.bid-price').fill('9');
  await row().locator('button.commit').click();
  await vendor.waitForSelector(`#tenders tr[data-tender="${tender}"] >> text=Committed`, { timeout: 60_000 });
  const kept = JSON.parse(await vendor.evaluate((key) => localStorage.getItem(key), `bid:${tender}:${k.ferdie.address}`));
  assert.equal(BigInt(kept.unitPrice), 9n * UNIT, 'the bid and its salt are kept in the browser');
  const bid = (await api.query.vendors.bids(tender, k.ferdie.address)).unwrap();
  assert.notEqual(bid.commitment.toHex(), '0x' + '00'.repeat(32));
  await vendor.locator('#tenders').screenshot({ path: join(SHOTS, 'vendor-tender-committed.png') });

  // The kept bid moves to another browser through a file: exported from this one, imported in a
  // fresh one (another context: its own storage), which reveals it. An altered file is refused.
  const [download] = await Promise.all([vendor.waitForEvent('download'), vendor.click('#export-bids')]);
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.deepEqual(exported.bids[tender], kept);
  const other = await walletPage([k.ferdie]);
  await other.goto(`${server.url}#/vendor`);
  await other.selectOption('#account', `test-wallet:${k.ferdie.address}`);
  const otherRow = () => other.locator(`#tenders tr[data-tender="${tender}"]`);
  await other.waitForSelector(`#tenders tr[data-tender="${tender}"] >> text=Committed from another browser`, { timeout: 30_000 });
  const altered = join(SHOTS, 'altered-bids.json');
  writeFileSync(altered, JSON.stringify({ ...exported, bids: { [tender]: { ...kept, unitPrice: String(8n * UNIT) } } }));
  await other.setInputFiles('#import-bids', altered);
  await other.waitForSelector('#bids-io[data-state="done"] >> text=Imported 0 bid(s); 1 did not match', { timeout: 30_000 });
  await other.setInputFiles('#import-bids', await download.path());
  await other.waitForSelector('#bids-io[data-state="done"] >> text=Imported 1 bid(s).', { timeout: 30_000 });
  assert.deepEqual(JSON.parse(await other.evaluate((key) => localStorage.getItem(key), `bid:${tender}:${k.ferdie.address}`)), kept);

  await waitForBlock(commitEnd.toNumber());
  await other.reload();
  await otherRow().locator('button.reveal').click({ timeout: 30_000 });
  await other.waitForSelector('#vendor-status[data-state="final"]', { timeout: 90_000 });
  assert.equal(await other.evaluate((key) => localStorage.getItem(key), `bid:${tender}:${k.ferdie.address}`), null, 'the salt is dropped once revealed');
  assert.ok((await api.query.vendors.bids(tender, k.ferdie.address)).unwrap().revealed.isSome, 'revealed from the second browser');

  await waitForBlock(revealEnd.toNumber());
  await vendor.reload();
  // The first browser still kept the bid; revealed from the other, its copy is dropped here.
  await row().locator('button.close').click({ timeout: 30_000 });
  await vendor.waitForSelector('#vendor-status[data-state="final"]', { timeout: 90_000 });
  assert.equal(await vendor.evaluate((key) => localStorage.getItem(key), `bid:${tender}:${k.ferdie.address}`), null);
  assert.ok((await api.query.vendors.tenders(tender)).isNone, 'the tender is closed');
  // Ferdie's revealed bid won: a listing of his at his price, for the tendered units.
  const entries = await api.query.orders.listings.entries();
  const won = entries.map(([, l]) => l.unwrap()).find((l) => l.vendor.toString() === k.ferdie.address && l.unitPrice.toBigInt() === 9n * UNIT);
  assert.ok(won, 'the award listed the units at the winning price');
  assert.equal(won.stock.toNumber(), 4);
});

test('profit sharing in the console: a supplier accepts a proposed split, then sees its share arrive', async () => {
  const api = node.api;
  const charlie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Charlie', { name: 'Charlie' });
  const listed = await submit(api, api.tx.orders.createListing('Native', 20n * UNIT, 5, JSON.stringify({ title: 'Linen shirt' }), 100, 100), k.dave);
  const listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toNumber();
  const terms = { beneficiaries: [[charlie.address, 300_000_000]], threshold: { Revenue: UNIT } };
  const proposed = await submit(api, api.tx.profitSharing.proposeAgreement({ Listing: listing }, terms), k.dave);
  const id = proposed.events.find(({ event }) => event.method === 'AgreementProposed').event.data.agreement.toNumber();

  // Charlie (a supplier, not a vendor) consents from his console.
  const supplier = await walletPage([charlie]);
  await supplier.goto(`${server.url}#/vendor`);
  await supplier.selectOption('#account', `test-wallet:${charlie.address}`);
  const card = `#sharing article[data-agreement="${id}"]`;
  await supplier.click(`${card} button.accept-version`, { timeout: 30_000 });
  await supplier.waitForSelector(`${card} p.version[data-status="Active"]`, { timeout: 90_000 });
  assert.equal((await api.call.profitSharingApi.agreementFor(k.dave.address, listing)).unwrap().toNumber(), id);

  // A sale completes (Polkadot.js); his ledger on the page shows the share the chain paid him.
  const placed = await submit(api, api.tx.orders.placeOrder(listing, 1, 20n * UNIT, 'Native'), k.eve);
  const order = placed.events.find(({ event }) => event.method === 'OrderPlaced').event.data.order;
  await submit(api, api.tx.orders.shipOrder(order, '0x' + '33'.repeat(32)), k.dave);
  await submit(api, api.tx.orders.confirmDelivery(order), k.eve);
  const ledgers = await api.call.profitSharingApi.ledgers(id, charlie.address);
  const received = ledgers[0][1].received.toBigInt();
  assert.ok(received > 0n);
  await supplier.reload();
  await supplier.waitForSelector(`${card} p.ledger >> text=received ${cmrc(received)}`, { timeout: 30_000 });
  await supplier.locator('#sharing').screenshot({ path: join(SHOTS, 'profit-sharing.png') });
});

test('a vendor refunds from the console; a buyer disputes with evidence and files more from the order page', async () => {
  const api = node.api;
  const feeOf = (events) => events.reduce((sum, { event }) => (api.events.transactionPayment.TransactionFeePaid.is(event) ? sum + event.data.actualFee.toBigInt() : sum), 0n);
  const orderOf = (events) => events.find(({ event }) => event.method === 'OrderPlaced').event.data.order.toNumber();
  const listed = await submit(api, api.tx.orders.createListing('Native', 8n * UNIT, 5, JSON.stringify({ title: 'Clay vase' }), 100, 100), k.dave);
  const listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing;

  // Refund: Eve's order, unshipped, refunded in full from Dave's console.
  const eveBefore = await free(k.eve);
  const placed = await submit(api, api.tx.orders.placeOrder(listing, 1, 8n * UNIT, 'Native'), k.eve);
  const refunded = orderOf(placed.events);
  const vendor = await walletPage([k.dave]);
  await vendor.goto(`${server.url}#/vendor`);
  await vendor.selectOption('#account', `test-wallet:${k.dave.address}`);
  await vendor.click(`.to-ship[data-order="${refunded}"] button.refund`, { timeout: 30_000 });
  await vendor.waitForSelector('#vendor-status[data-state="final"]', { timeout: 90_000 });
  assert.ok((await api.query.orders.orders(refunded)).isNone, 'the order closed');
  // Her money never left escrow's hold: she is back where she was, less the fee of placing it
  // (the deposit came back too).
  assert.equal(await free(k.eve), eveBefore - feeOf(placed.events));
  const buyer = await walletPage([k.eve]);
  await buyer.goto(`${server.url}#/order/${refunded}`);
  await buyer.waitForSelector('.state[data-state="closed"]', { timeout: 30_000 });

  // Dispute: a second order, shipped; Eve disputes on her order page with evidence, then files
  // more. Only the hashes go on chain.
  const second = orderOf((await submit(api, api.tx.orders.placeOrder(listing, 1, 8n * UNIT, 'Native'), k.eve)).events);
  await submit(api, api.tx.orders.shipOrder(second, '0x' + '44'.repeat(32)), k.dave);
  await buyer.goto(`${server.url}#/order/${second}`);
  await buyer.selectOption('#account', `test-wallet:${k.eve.address}`);
  await buyer.waitForSelector('.state[data-state="Shipped"]', { timeout: 30_000 });
  await buyer.fill('#evidence', 'Arrived broken; photos kept');
  await buyer.click('#dispute');
  await buyer.waitForSelector('#order-status[data-state="final"]', { timeout: 90_000 });
  await buyer.waitForSelector('.state[data-state="Disputed"]', { timeout: 30_000 });
  let dispute = (await api.query.escrow.disputes(second)).unwrap();
  assert.equal(dispute.buyerEvidence.unwrap().toHex(), blake2AsHex('Arrived broken; photos kept', 256));
  assert.equal(await buyer.getAttribute('p.evidence', 'data-buyer'), dispute.buyerEvidence.unwrap().toHex());
  assert.match(await buyer.locator('p.dispute').textContent(), new RegExp(`The panel rules by .* \\(block #${dispute.ruleBy.toNumber()}\\)`));
  assert.match(await buyer.locator('#timeline').textContent(), /Disputed/);
  await buyer.fill('#evidence', 'Courier report no. 4471');
  await buyer.click('#file-evidence');
  await buyer.waitForSelector('#order-status[data-state="final"]', { timeout: 90_000 });
  dispute = (await api.query.escrow.disputes(second)).unwrap();
  assert.equal(dispute.buyerEvidence.unwrap().toHex(), blake2AsHex('Courier report no. 4471', 256));
  await shot(buyer, 'order-disputed');
});

test('reorder rules and purchase-order disputes in the console: a rule set and quoted raises a purchase order, which is disputed', async () => {
  const api = node.api;
  const charlie = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Charlie', { name: 'Charlie' });
  const listed = await submit(api, api.tx.orders.createListing('Native', 6n * UNIT, 5, JSON.stringify({ title: 'Cotton towel' }), 100, 100), k.ferdie);
  const listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toString();

  // Ferdie sets the rule in his console: 6 more from Charlie when 3 or fewer are left.
  const vendor = await walletPage([k.ferdie]);
  await vendor.goto(`${server.url}#/vendor`);
  await vendor.selectOption('#account', `test-wallet:${k.ferdie.address}`);
  await vendor.selectOption('#rule-listing', listing);
  await vendor.fill('#rule-supplier', charlie.address);
  await vendor.fill('#rule-point', '3');
  await vendor.fill('#rule-quantity', '6');
  await vendor.fill('#rule-max-price', '4');
  await vendor.fill('#rule-window', '100');
  await vendor.click('#reorder-rules button.set-rule');
  const ruleRow = `#reorder-rules tr[data-rule="${listing}"]`;
  await vendor.waitForSelector(`${ruleRow} >> text=No quote yet`, { timeout: 90_000 });
  let rule = (await api.query.replenishment.reorderRules(listing)).unwrap();
  assert.equal(rule.supplier.toString(), charlie.address);
  assert.deepEqual([rule.reorderPoint.toNumber(), rule.reorderQuantity.toNumber(), rule.maxUnitPrice.toBigInt(), rule.shipWindow.toNumber()], [3, 6, 4n * UNIT, 100]);

  // Charlie quotes 3.5 from his.
  const supplier = await walletPage([charlie]);
  await supplier.goto(`${server.url}#/vendor`);
  await supplier.selectOption('#account', `test-wallet:${charlie.address}`);
  await supplier.fill(`${ruleRow} input.quote-price`, '3.5', { timeout: 30_000 });
  await supplier.click(`${ruleRow} button.quote`);
  await supplier.waitForSelector(`${ruleRow} >> text=Quoted 3.50 CMRC`, { timeout: 90_000 });

  // Eve's order of 2 leaves 3: the chain raises the purchase order at the quote.
  await submit(api, api.tx.orders.placeOrder(listing, 2, 6n * UNIT, 'Native'), k.eve);
  rule = (await api.query.replenishment.reorderRules(listing)).unwrap();
  assert.ok(rule.open.isSome, 'the rule raised a purchase order');
  const po = rule.open.unwrap().toString();
  const record = (await api.query.replenishment.purchaseOrders(po)).unwrap();
  assert.deepEqual([record.quantity.toNumber(), record.unitPrice.toBigInt(), record.byRule.isTrue], [6, 3_500_000_000_000n, true]);

  // Charlie accepts it; Ferdie takes it to the panel from his console.
  const poRow = `#purchase-orders tr[data-po="${po}"]`;
  await supplier.reload();
  assert.match(await supplier.locator(poRow).textContent({ timeout: 30_000 }), /raised by the reorder rule\): accept by .*\(block #\d+\)/);
  await supplier.click(`${poRow} button.accept`);
  await supplier.waitForSelector(`${poRow}[data-state="Accepted"]`, { timeout: 90_000 });
  await vendor.reload();
  await vendor.click(`${poRow} button.dispute-po`, { timeout: 30_000 });
  await vendor.waitForSelector(`${poRow}[data-state="Disputed"] >> text=the panel rules by`, { timeout: 90_000 });
  assert.ok((await api.query.replenishment.purchaseOrders(po)).unwrap().state.isDisputed);
  await vendor.locator('#purchase-orders').screenshot({ path: join(SHOTS, 'vendor-purchase-disputed.png') });

  // The rule goes; the disputed purchase order runs on.
  await vendor.click(`${ruleRow} button.remove-rule`);
  await vendor.waitForSelector('#vendor-status[data-state="final"]', { timeout: 90_000 });
  assert.ok((await api.query.replenishment.reorderRules(listing)).isNone);
  assert.ok((await api.query.replenishment.purchaseOrders(po)).isSome);
});

test('profit sharing from the vendor’s side: propose, change and withdraw, a share claimed, notice, consent to end, close', async () => {
  const api = node.api;
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const [alice, gina] = [keyring.addFromUri('//Alice'), keyring.addFromUri('//Gina', { name: 'Gina' })];
  await submit(api, api.tx.balances.transferKeepAlive(gina.address, 2n * UNIT), alice);
  const listed = await submit(api, api.tx.orders.createListing('Native', 20n * UNIT, 5, JSON.stringify({ title: 'Wool scarf' }), 100, 100), k.dave);
  const listing = listed.events.find(({ event }) => event.method === 'ListingCreated').event.data.listing.toString();
  const cardOf = (id) => `#sharing article[data-agreement="${id}"]`;
  const finalIn = (page) => page.waitForSelector('#vendor-status[data-state="final"]', { timeout: 90_000 });

  // Dave proposes in his console: Gina gets 0.001% of the listing's revenue from the first planck.
  const vendor = await walletPage([k.dave]);
  await vendor.goto(`${server.url}#/vendor`);
  await vendor.selectOption('#account', `test-wallet:${k.dave.address}`);
  await vendor.selectOption('#agreement-scope', listing, { timeout: 30_000 });
  await vendor.fill('#new-agreement textarea.new-beneficiaries', `${gina.address} 0.001`);
  await vendor.fill('#new-agreement input.new-threshold', '0');
  const id = (await api.query.profitSharing.nextAgreementId()).toNumber();
  await vendor.click('#new-agreement button.propose-agreement');
  await vendor.waitForSelector(`${cardOf(id)} p.version[data-status="Proposed"]`, { timeout: 90_000 });
  const proposed = (await api.call.profitSharingApi.versions(id))[0][1];
  assert.deepEqual(proposed.terms.beneficiaries.map(([who, part]) => [who.toString(), part.toNumber()]), [[gina.address, 10_000]]);
  assert.equal(proposed.terms.threshold.asRevenue.toBigInt(), 0n);

  // Gina accepts; Dave proposes a change, then withdraws it.
  const beneficiary = await walletPage([gina]);
  await beneficiary.goto(`${server.url}#/vendor`);
  await beneficiary.selectOption('#account', `test-wallet:${gina.address}`);
  await beneficiary.click(`${cardOf(id)} button.accept-version`, { timeout: 30_000 });
  await beneficiary.waitForSelector(`${cardOf(id)} p.version[data-status="Active"]`, { timeout: 90_000 });
  await vendor.reload();
  await vendor.fill(`${cardOf(id)} textarea.change-beneficiaries`, `${gina.address} 0.002`, { timeout: 30_000 });
  await vendor.click(`${cardOf(id)} button.propose-change`);
  await vendor.waitForSelector(`${cardOf(id)} p.version[data-version="1"][data-status="Proposed"] >> text=0.002%`, { timeout: 90_000 });
  await vendor.click(`${cardOf(id)} button.withdraw-proposal`);
  await vendor.waitForSelector(`${cardOf(id)} p.version[data-version="1"]`, { state: 'detached', timeout: 90_000 });
  assert.equal((await api.call.profitSharingApi.versions(id)).length, 1);

  // Gina's account is emptied and reaped; a sale's share to her (below the existential deposit)
  // is set aside as claimable. Funded again, she claims it from her console.
  await submit(api, api.tx.balances.transferAll(k.eve.address, false), gina);
  assert.equal(await free(gina), 0n);
  const placed = await submit(api, api.tx.orders.placeOrder(listing, 1, 20n * UNIT, 'Native'), k.eve);
  const order = placed.events.find(({ event }) => event.method === 'OrderPlaced').event.data.order;
  await submit(api, api.tx.orders.shipOrder(order, '0x' + '55'.repeat(32)), k.dave);
  await submit(api, api.tx.orders.confirmDelivery(order), k.eve);
  const claimable = (await api.call.profitSharingApi.ledgers(id, gina.address))[0][1].claimable.toBigInt();
  assert.ok(claimable > 0n && claimable < api.consts.balances.existentialDeposit.toBigInt(), `claimable ${claimable}`);
  await submit(api, api.tx.balances.transferKeepAlive(gina.address, UNIT), alice);
  await beneficiary.reload();
  await beneficiary.waitForSelector(`${cardOf(id)} p.ledger >> text=claimable ${cmrc(claimable)}`, { timeout: 30_000 });
  const from = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  await beneficiary.click(`${cardOf(id)} button.claim`);
  await finalIn(beneficiary);
  await beneficiary.waitForSelector(`${cardOf(id)} p.ledger >> text=claimable 0.00 CMRC`, { timeout: 30_000 });
  let claimFee = 0n;
  for (let n = from; n <= (await api.rpc.chain.getHeader()).number.toNumber(); n++) {
    const events = await api.query.system.events.at(await api.rpc.chain.getBlockHash(n));
    for (const { event } of events) {
      if (api.events.transactionPayment.TransactionFeePaid.is(event) && event.data.who.toString() === gina.address) claimFee += event.data.actualFee.toBigInt();
    }
  }
  assert.ok(claimFee > 0n);
  assert.equal(await free(gina), UNIT + claimable - claimFee, 'the claimed share reached her, to the planck');

  // Dave gives notice; Gina consents to end now; the agreement ended with no open order: closed.
  await vendor.reload();
  await vendor.click(`${cardOf(id)} button.end-agreement`, { timeout: 30_000 });
  await vendor.waitForSelector(`${cardOf(id)} p.ending >> text=or when every beneficiary consents`, { timeout: 90_000 });
  await beneficiary.reload();
  await beneficiary.click(`${cardOf(id)} button.consent-end`, { timeout: 30_000 });
  await beneficiary.waitForSelector(`${cardOf(id)} p.ending[data-ended] >> text=its orders have all ended`, { timeout: 90_000 });
  await beneficiary.locator('#sharing').screenshot({ path: join(SHOTS, 'profit-sharing-ended.png') });
  await vendor.reload();
  await vendor.click(`${cardOf(id)} button.close-agreement`, { timeout: 30_000 });
  await finalIn(vendor);
  assert.ok((await api.query.profitSharing.agreements(id)).isNone, 'closed');
});
