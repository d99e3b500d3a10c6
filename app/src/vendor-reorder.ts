// Reorder rules in the console. A vendor sets a listing's rule (when an order leaves the reorder
// point or fewer units, the chain raises a purchase order to the supplier at the supplier's
// quote) and removes it; the supplier it names quotes its unit price (at most the rule's ceiling)
// or withdraws the quote. Rules are read from `Replenishment.ReorderRules`, one entry per listing.
import { currencyInfo, formatAmount, type Api } from './chain';
import { toUnits } from './vendor-listings';
import { h, shortAddress, txButtons } from './ui';
import type { Account } from './wallet';

export async function reorderRulesSection(api: Api, account: Account, status: HTMLElement, refresh: () => void) {
  const rules = (await api.query.Replenishment.ReorderRules.getEntries({ at: 'best' }))
    .filter(({ value }) => value.vendor === account.address || value.supplier === account.address)
    .sort((a, b) => (a.keyArgs[0] < b.keyArgs[0] ? -1 : 1));
  const run = txButtons(api, status, () => account.signer, refresh);
  const rows = await Promise.all(rules.map(async ({ keyArgs: [listing], value: rule }) => {
    const info = await currencyInfo(api, rule.currency as never);
    const asVendor = rule.vendor === account.address;
    const actions: (HTMLElement | string)[] = [];
    if (asVendor) actions.push(run('Remove', 'remove-rule', () => api.tx.Replenishment.remove_reorder_rule({ listing })));
    if (rule.supplier === account.address) {
      const price = h('input', { class: 'quote-price', type: 'number', min: '0', step: 'any', placeholder: `Unit price (${info.symbol})` });
      actions.push(price, run('Quote', 'quote', () => api.tx.Replenishment.quote({ listing, unit_price: toUnits(price.value, info.decimals) })));
      if (rule.quote !== undefined) actions.push(run('Withdraw quote', 'withdraw-quote', () => api.tx.Replenishment.quote({ listing, unit_price: undefined })));
    }
    return h(
      'tr',
      { 'data-rule': String(listing) },
      h('td', {}, `listing #${listing}`),
      h('td', {}, asVendor ? `from ${shortAddress(rule.supplier)}` : `for ${shortAddress(rule.vendor)}`),
      h('td', {}, `${rule.reorder_quantity} units when ${rule.reorder_point} or fewer are left`),
      h('td', {}, `at most ${formatAmount(rule.max_unit_price, info)} a unit, ${rule.ship_window} blocks to ship`),
      h('td', { class: 'quote' }, rule.quote === undefined ? 'No quote yet: nothing is raised' : `Quoted ${formatAmount(rule.quote, info)}`),
      h('td', {}, rule.open === undefined ? '' : `purchase order #${rule.open} open`),
      h('td', {}, ...actions),
    );
  }));
  const mine = (await api.query.Orders.Listings.getEntries({ at: 'best' }))
    .filter(({ value }) => value.vendor === account.address)
    .map(({ keyArgs: [id] }) => id)
    .sort((a, b) => (a < b ? -1 : 1));
  const form: HTMLElement[] = [];
  if (mine.length) {
    const listing = h('select', { id: 'rule-listing' }, ...mine.map((id) => h('option', { value: String(id) }, `listing #${id}`)));
    const supplier = h('input', { id: 'rule-supplier', placeholder: 'Supplier account', size: '50' });
    const point = h('input', { id: 'rule-point', type: 'number', min: '0', value: '3', title: 'Reorder point: units left' });
    const quantity = h('input', { id: 'rule-quantity', type: 'number', min: '1', value: '10', title: 'Units to reorder' });
    const ceiling = h('input', { id: 'rule-max-price', type: 'number', min: '0', step: 'any', placeholder: 'Most a unit (CMRC)' });
    const window = h('input', { id: 'rule-window', type: 'number', min: '1', value: '14400', title: 'Blocks to ship after acceptance' });
    form.push(h('p', {}, 'Set a reorder rule (CMRC): ', listing, supplier, ' point ', point, ' quantity ', quantity, ' ', ceiling, ' ship window ', window, ' ',
      run('Set rule', 'set-rule', () => api.tx.Replenishment.set_reorder_rule({
        listing: BigInt(listing.value),
        supplier: supplier.value.trim(),
        currency: { type: 'Native', value: undefined },
        reorder_point: Number(point.value),
        reorder_quantity: Number(quantity.value),
        max_unit_price: toUnits(ceiling.value, 12),
        ship_window: Number(window.value),
      }))));
  }
  return h(
    'section',
    { class: 'card', id: 'reorder-rules' },
    h('h2', {}, 'Reorder rules'),
    rows.length ? h('table', {}, ...rows) : h('p', {}, 'No reorder rules name this account.'),
    ...form,
  );
}
