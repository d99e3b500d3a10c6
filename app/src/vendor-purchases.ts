// Purchase orders in the console, for both sides: a supplier accepts or declines, and ships; a
// vendor cancels one not accepted yet, and receives what was shipped (paid to the supplier from
// the hold, added to the listing's stock); either side takes an accepted one to the arbitration
// panel. Each state's deadline is shown as a date.
import { blockClock, currencyInfo, formatAmount, type Api } from './chain';
import { h, shortAddress, txButtons } from './ui';
import type { Account } from './wallet';

export async function purchaseOrdersSection(api: Api, account: Account, status: HTMLElement, refresh: () => void) {
  const [orders, clock] = await Promise.all([api.apis.ReplenishmentApi.purchase_orders_of(account.address, undefined, 100), blockClock(api)]);
  const at = (block: number) => `${clock.date(block).toLocaleString()} (block #${block})`;
  const rows = await Promise.all(
    orders
      .sort((a, b) => (a[0] < b[0] ? -1 : 1))
      .map(async ([id, po]) => {
        const info = await currencyInfo(api, po.currency as never);
        const asSupplier = po.supplier === account.address;
        const act = txButtons(api, status, () => account.signer, refresh);
        const actions: HTMLElement[] = [];
        const state = po.state.type;
        if (asSupplier && state === 'Requested') {
          actions.push(
            act('Accept', 'accept', () => api.tx.Replenishment.accept_purchase_order({ purchase_order: id })),
            act('Decline', 'decline', () => api.tx.Replenishment.decline_purchase_order({ purchase_order: id })),
          );
        }
        if (!asSupplier && state === 'Requested') actions.push(act('Cancel', 'cancel-po', () => api.tx.Replenishment.cancel_purchase_order({ purchase_order: id })));
        if (asSupplier && state === 'Accepted' && po.shipped < po.quantity) {
          const left = po.quantity - po.shipped;
          actions.push(act(`Ship ${left}`, 'ship-po', () => api.tx.Replenishment.ship_purchase_order({ purchase_order: id, quantity: left, batch: undefined })));
        }
        if (!asSupplier && po.shipped > po.received && state !== 'Disputed') {
          const waiting = po.shipped - po.received;
          actions.push(act(`Receive ${waiting}`, 'receive', () => api.tx.Replenishment.receive_purchase_order({ purchase_order: id, quantity: waiting })));
        }
        if (state === 'Accepted') actions.push(act('Dispute', 'dispute-po', () => api.tx.Replenishment.dispute_purchase_order({ purchase_order: id })));
        const when = po.state.type === 'Requested'
          ? `accept by ${at(po.state.value.accept_by)}`
          : po.state.type === 'Accepted'
            ? `ship by ${at(po.state.value.ship_by)}${po.state.value.receive_by === undefined ? '' : `, receive by ${at(po.state.value.receive_by)}`}`
            : `the panel rules by ${at(po.state.value.rule_by)}`;
        return h(
          'tr',
          { 'data-po': String(id), 'data-state': state },
          h('td', {}, `#${id}`),
          h('td', {}, asSupplier ? `from ${shortAddress(po.vendor)}` : `to ${shortAddress(po.supplier)}`),
          h('td', {}, `listing #${po.listing}`),
          h('td', {}, `${po.quantity} × ${formatAmount(po.unit_price, info)}`),
          h('td', { class: 'progress' }, `shipped ${po.shipped}, received ${po.received}`),
          h('td', { class: 'state' }, `${state}${po.by_rule ? ' (raised by the reorder rule)' : ''}: ${when}`),
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
