// The vendor console: the key buyers seal addresses to (its secret stays in this browser), the
// orders to ship with their addresses opened here, shipping with a tracking number (its hash goes
// on chain), and full refunds of unshipped orders.
import { blake2b256 } from '@polkadot-labs/hdkd-helpers';
import { Binary } from 'polkadot-api';
import { currencyInfo, formatAmount, type Chain } from './chain';
import { newVendorKey, openWithAny, vendorKeys } from './seal';
import { title, toBytes } from './storefront';
import { kpiSection, listingsSection } from './vendor-listings';
import { purchaseOrdersSection } from './vendor-purchases';
import { reorderRulesSection } from './vendor-reorder';
import { tendersSection } from './vendor-tenders';
import { sharingSection } from './sharing';
import { h, submit } from './ui';
import { accountPicker, accounts, type Account } from './wallet';

export async function vendorConsole(chain: Chain, root: HTMLElement) {
  const body = h('div', { id: 'vendor-body' });
  // One status line for the page: it keeps the last transaction's outcome across re-renders.
  const status = h('p', { class: 'status', id: 'vendor-status' });
  const picker = accountPicker(await accounts(chain.dev), 'vendor', (a) => a && render(chain, body, a, status));
  root.replaceChildren(h('h1', {}, 'Vendor console'), h('label', {}, 'Vendor account ', picker), body);
}

async function render(chain: Chain, body: HTMLElement, account: Account, status: HTMLElement) {
  const { api } = chain;
  const record = await api.apis.VendorsApi.vendor(account.address);
  const refresh = () => render(chain, body, account, status);
  if (!record) {
    // A supplier: its purchase orders only.
    const [purchases, rules, sharing] = await Promise.all([
      purchaseOrdersSection(api, account, status, refresh),
      reorderRulesSection(api, account, status, refresh),
      sharingSection(api, account, status, refresh),
    ]);
    body.replaceChildren(h('p', {}, 'This account is not a registered vendor: its purchase orders, reorder rules and profit shares.'), status, purchases, rules, sharing);
    return;
  }
  const published = await api.query.Vendors.EncryptionKeys.getValue(account.address, { at: 'best' });
  const local = await vendorKeys(account.address);
  const hasSecret = published !== undefined && local.some((k) => Binary.toHex(k.publicKey) === published);
  const keyCard = h(
    'section',
    { class: 'card', id: 'key-card' },
    h('h2', {}, 'Delivery address key'),
    published
      ? h('p', {}, `Published key ${published.slice(2, 18)}…`, hasSecret ? ' (its secret is in this browser)' : ' — its secret is NOT in this browser: addresses sealed to it cannot be opened here')
      : h('p', {}, 'No key published: buyers cannot send you a private address.'),
    h('button', {
      id: 'publish-key',
      onclick: async () => {
        const key = await newVendorKey(account.address);
        await submit(api, api.tx.Vendors.set_encryption_key({ key: Binary.toHex(key) }), account.signer, status).catch(() => {});
        refresh();
      },
    }, published ? 'Replace the key' : 'Create and publish a key'),
  );

  const list = h('div', { id: 'to-ship' });
  const orders = await api.apis.CommerceApi.orders_of(account.address, undefined, 100);
  for (const [id, order] of orders.sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (order.vendor !== account.address || order.state.type !== 'Paid') continue;
    const listing = await api.apis.CommerceApi.listing(order.listing);
    const info = await currencyInfo(api, order.currency as any);
    const sealed = await api.query.Orders.SealedDeliveries.getValue(id, { at: 'best' });
    const address = sealed ? await openWithAny(toBytes(sealed), account.address) : undefined;
    const tracking = h('input', { class: 'tracking', placeholder: 'Tracking number' });
    list.append(
      h(
        'article',
        { class: 'to-ship', 'data-order': String(id) },
        h('h3', {}, `Order #${id}: ${order.quantity} × ${listing ? title(listing.metadata) : `listing ${order.listing}`}`),
        h('p', {}, formatAmount(order.total, info)),
        h('pre', { class: 'address' }, address ?? (sealed ? 'Sealed to a key whose secret is not in this browser.' : 'No delivery address given.')),
        tracking,
        h('button', {
          class: 'ship',
          onclick: async () => {
            const reference = blake2b256(new TextEncoder().encode(tracking.value.trim()));
            await submit(api, api.tx.Orders.ship_order({ order: id, tracking: Binary.toHex(reference) }), account.signer, status).catch(() => {});
            refresh();
          },
        }, 'Ship'),
        h('button', {
          class: 'refund',
          onclick: async () => {
            await submit(api, api.tx.Orders.refund_order({ order: id, amount: order.total }), account.signer, status).catch(() => {});
            refresh();
          },
        }, 'Refund in full'),
      ),
    );
  }
  if (!list.childElementCount) list.append(h('p', {}, 'No paid orders wait for shipment.'));
  const [listings, purchases, rules, tenders, sharing, kpis] = await Promise.all([
    listingsSection(api, account, status, refresh),
    purchaseOrdersSection(api, account, status, refresh),
    reorderRulesSection(api, account, status, refresh),
    tendersSection(api, account, status, refresh),
    sharingSection(api, account, status, refresh, true),
    kpiSection(api, account),
  ]);
  body.replaceChildren(h('p', {}, `Status: ${record.status.type}`), keyCard, h('h2', {}, 'Orders to ship'), list, status, listings, purchases, rules, tenders, sharing, kpis);
}
