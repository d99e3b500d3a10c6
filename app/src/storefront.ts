// The buyer's storefront: the catalogue (every listing, its price in its currency, stock, the
// vendor's standing from the runtime API) and checkout with the delivery address sealed in the
// browser to the vendor's published key.
import { Binary } from 'polkadot-api';
import { blockClock, currencyInfo, formatAmount, type Api, type Chain, type Currency } from './chain';
import { seal, MAX_ADDRESS_BYTES } from './seal';
import { h, shortAddress, submit } from './ui';
import { accountPicker, accounts, type Account } from './wallet';

interface Listing {
  id: bigint;
  vendor: string;
  currency: Currency;
  unit_price: bigint;
  stock: number;
  metadata: Uint8Array;
  ship_window: number;
}

/** A listing's metadata as JSON (`{"title": …, "link": "/01/…"}`), if it is JSON. */
function parsed(metadata: Uint8Array): { title?: unknown; link?: unknown } | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(metadata));
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined; // A URI or a content hash.
  }
}

/** A listing's title: `title` of its metadata when that is JSON, else the metadata's text. */
export function title(metadata: Uint8Array): string {
  const value = parsed(metadata);
  return typeof value?.title === 'string' ? value.title : new TextDecoder().decode(metadata);
}

/**
 * The provenance summary of a listing whose metadata names a batch by its GS1 Digital Link
 * (`"link": "/01/{gtin}/10/{lot}"`): the chain's record of that batch, or nothing.
 */
async function provenanceSummary(api: Api, metadata: Uint8Array): Promise<HTMLElement | undefined> {
  const link = parsed(metadata)?.link;
  if (typeof link !== 'string') return undefined;
  const found = await api.apis.ProvenanceApi.batch_by_digital_link(Binary.fromText(link));
  if (!found) return h('p', { class: 'provenance' }, 'Provenance: the linked batch is not on this chain.');
  const [id, batch] = found;
  return h(
    'p',
    { class: 'provenance', 'data-batch': String(id) },
    `Provenance: ${batch.events} attested event${batch.events === 1 ? '' : 's'} — `,
    h('a', { href: `/provenance/${id}` }, 'where it has been'),
  );
}

const percent = (perbill: number) => `${(perbill / 10_000_000).toFixed(1)}%`;

/** "Active · on time 98.0% · defects 1.0%": a vendor's status and latest judged KPIs. */
async function standing(api: Api, vendor: string): Promise<string> {
  const [record, performance] = await Promise.all([api.apis.VendorsApi.vendor(vendor), api.apis.VendorsApi.performance(vendor)]);
  if (!record) return 'not registered';
  const parts: string[] = [record.status.type];
  const latest = performance.at(-1);
  if (latest && latest[1].eligible > 0) {
    parts.push(`on time ${percent(latest[1].on_time)}`, `defects ${percent(latest[1].order_defect)}`);
  } else {
    parts.push('no judged orders yet');
  }
  if (record.warned) parts.push('warned');
  return parts.join(' · ');
}

export async function storefront(chain: Chain, root: HTMLElement) {
  const { api } = chain;
  const started = performance.now();
  const grid = h('div', { class: 'catalogue', id: 'catalogue' });
  const checkout = h('section', { class: 'checkout', id: 'checkout', hidden: true });
  root.replaceChildren(h('h1', {}, 'Storefront'), checkout, grid);

  const entries = await api.query.Orders.Listings.getEntries({ at: 'best' });
  const listings: Listing[] = entries
    .map(({ keyArgs: [id], value }) => ({ id, ...value }) as Listing)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const standings = new Map<string, Promise<string>>();
  const summaries: Promise<void>[] = [];
  const fragment = document.createDocumentFragment();
  for (const listing of listings) {
    let vendorStanding = standings.get(listing.vendor);
    if (!vendorStanding) standings.set(listing.vendor, (vendorStanding = standing(api, listing.vendor)));
    const price = h('span', { class: 'price' });
    const standingEl = h('span', { class: 'standing' });
    const card = h(
      'article',
      { class: 'listing', 'data-listing': String(listing.id) },
      h('h2', {}, title(listing.metadata)),
      h('p', {}, price, ' · ', h('span', { class: 'stock' }, listing.stock > 0 ? `${listing.stock} in stock` : 'sold out')),
      h('p', { class: 'vendor' }, 'Sold by ', h('code', {}, shortAddress(listing.vendor)), ' — ', standingEl),
      h('button', { disabled: listing.stock === 0, onclick: () => openCheckout(chain, checkout, listing) }, 'Buy'),
    );
    currencyInfo(api, listing.currency).then((info) => (price.textContent = formatAmount(listing.unit_price, info)));
    summaries.push(provenanceSummary(api, listing.metadata).then((summary) => void (summary && card.insertBefore(summary, card.querySelector('button')))));
    vendorStanding.then((s) => (standingEl.textContent = s));
    fragment.append(card);
  }
  grid.append(fragment);
  if (listings.length === 0) grid.append(h('p', {}, 'Nothing is listed yet.'));
  // Prices and standings arrive asynchronously; "rendered" is when every card shows them.
  await Promise.all([...standings.values(), ...summaries]);
  await Promise.all(listings.map((l) => currencyInfo(api, l.currency)));
  document.body.dataset.catalogue = String(listings.length);
  document.body.dataset.catalogueMs = String(Math.round(performance.now() - started));
}

async function openCheckout(chain: Chain, panel: HTMLElement, listing: Listing) {
  const { api } = chain;
  const info = await currencyInfo(api, listing.currency);
  const key = await api.query.Vendors.EncryptionKeys.getValue(listing.vendor, { at: 'best' });
  const status = h('p', { class: 'status', id: 'checkout-status' });
  let account: Account | undefined;
  const picker = accountPicker(await accounts(chain.dev), 'buyer', (a) => (account = a));
  const quantity = h('input', { id: 'quantity', type: 'number', min: '1', max: String(listing.stock), value: '1' });
  const address = h('textarea', {
    id: 'address',
    rows: '4',
    maxlength: String(MAX_ADDRESS_BYTES),
    placeholder: 'Name, street, city, postcode, country',
  });
  const place = h('button', { id: 'place-order', disabled: !key }, 'Place order');
  const clock = await blockClock(api);
  const ship = clock.date(clock.number + listing.ship_window);
  place.addEventListener('click', async () => {
    if (!account) return void (status.textContent = 'Choose an account to pay with.');
    if (!address.value.trim()) return void (status.textContent = 'Enter a delivery address.');
    place.disabled = true;
    try {
      const sealed = await seal(address.value.trim(), toBytes(key!));
      const tx = api.tx.Orders.place_sealed_order({
        listing: listing.id,
        quantity: Number(quantity.value),
        max_unit_price: listing.unit_price,
        currency: listing.currency as never,
        delivery: sealed,
      });
      const result = await submit(api, tx, account.signer, status);
      const placed = api.event.Orders.OrderPlaced.filter(result.events as any)[0];
      if (placed) location.hash = `#/order/${placed.payload.order}`;
    } catch (err) {
      if (!status.textContent) status.textContent = String(err);
    } finally {
      place.disabled = false;
    }
  });
  panel.hidden = false;
  panel.replaceChildren(
    h('h2', {}, `Checkout: ${title(listing.metadata)}`),
    h('p', {}, `${formatAmount(listing.unit_price, info)} each; ships by about ${ship.toLocaleString()}.`),
    h('label', {}, 'Pay with ', picker),
    h('label', {}, 'Quantity ', quantity),
    h('label', {}, 'Delivery address ', address),
    key
      ? h('p', { class: 'hint' }, 'Your address is encrypted in this browser to the vendor’s key; the chain stores only the ciphertext and erases it when the order closes.')
      : h('p', { class: 'status error' }, 'This vendor has not published an encryption key, so it cannot receive a private address yet.'),
    place,
    status,
  );
  panel.scrollIntoView();
}

/** Bytes as PAPI 2 gives them: a fixed-size array (`[u8; 32]`) as hex, a `Vec<u8>` as bytes. */
export function toBytes(value: string | Uint8Array): Uint8Array {
  return typeof value === 'string' ? Binary.fromHex(value as `0x${string}`) : value;
}
