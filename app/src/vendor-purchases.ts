// Purchase orders in the console, for both sides: a supplier accepts and ships, a vendor
// receives what was shipped (paid to the supplier from the hold, added to the listing's stock).
import { currencyInfo, formatAmount, type Api } from './chain';
import { h, shortAddress, submit } from './ui';
import type { Account } from './wallet';

export async function purchaseOrdersSection(api: Api, account: Account, status: HTMLElement, refresh: () => void) {
  const orders = await api.apis.ReplenishmentApi.purchase_orders_of(account.address, undefined, 100);
  const rows = await Promise.all(
    orders
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(async ([id, po]) => {
        const info = await currencyInfo(api, po.currency as never);
        const asSupplier = po.supplier === account.address;
        const act = (label: string, cls: string, build: () => any) =>
          h('button', { class: cls, onclick: () => submit(api, build(), account.signer, status).then(refresh, () => {}) }, label);
        const actions: HTMLElement[] = [];
        const state = po.state.type;
        if (asSupplier && state === 'Requested') actions.push(act('Accept', 'accept', () => api.tx.Replenishment.accept_purchase_order({ purchase_order: id })));
        if (asSupplier && state === 'Accepted' && po.shipped < po.quantity) {
          const left = po.quantity - po.shipped;
          actions.push(act(`Ship ${left}`, 'ship-po', () => api.tx.Replenishment.ship_purchase_order({ purchase_order: id, quantity: left, batch: undefined })));
        }
        if (!asSupplier && po.shipped > po.received && state !== 'Disputed') {
          const waiting = po.shipped - po.received;
          actions.push(act(`Receive ${waiting}`, 'receive', () => api.tx.Replenishment.receive_purchase_order({ purchase_order: id, quantity: waiting })));
        }
        return h(
          'tr',
          { 'data-po': String(id) },
          h('td', {}, `#${id}`),
          h('td', {}, asSupplier ? `from ${shortAddress(po.vendor)}` : `to ${shortAddress(po.supplier)}`),
          h('td', {}, `listing #${po.listing}`),
          h('td', {}, `${po.quantity} × ${formatAmount(po.unit_price, info)}`),
          h('td', { class: 'progress' }, `shipped ${po.shipped}, received ${po.received}`),
          h('td', {}, state),
          h('td', {}, ...actions),
        );
      }),
  );
  return h(
    'section',
    { class: 'card', id: 'purchase-orders' },
    h('h2', {}, 'Purchase orders'),
    rows.length ? h('table', {}, ...rows) : h('p', {}, 'No open purchase orders.'),
  );
}
