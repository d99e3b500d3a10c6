// Profit sharing in the console: the agreements an account is part of (as vendor or supplier),
// the shares of the version in force and of a proposed one, consent (a supplier accepts a
// proposed version), progress toward the threshold, and a supplier's ledger per currency with
// what it can claim.
import { currencyInfo, formatAmount, type Api } from './chain';
import { h, shortAddress, submit } from './ui';
import type { Account } from './wallet';

const share = (perbill: number) => `${(perbill / 10_000_000).toFixed(1)}%`;

export async function sharingSection(api: Api, account: Account, status: HTMLElement, refresh: () => void) {
  const agreements = await api.query.ProfitSharing.Agreements.getEntries({ at: 'best' });
  const cards: HTMLElement[] = [];
  for (const { keyArgs: [id], value: agreement } of agreements.sort((a, b) => a.keyArgs[0] - b.keyArgs[0])) {
    const versions = await api.apis.ProfitSharingApi.versions(id);
    const isVendor = agreement.vendor === account.address;
    const mine = versions.some(([, v]) => v.terms.beneficiaries.some(([who]) => who === account.address));
    if (!isVendor && !mine) continue;
    const lines: (HTMLElement | string)[] = [];
    for (const [index, version] of versions) {
      if (version.status.type === 'Superseded') continue;
      const parties = version.terms.beneficiaries.map(([who, part], i) => {
        const accepted = (version.accepted >> i) & 1 ? ' ✓' : '';
        return `${who === account.address ? 'you' : shortAddress(who)} ${share(part)}${accepted}`;
      });
      const threshold = version.terms.threshold.type === 'Revenue'
        ? `above ${formatAmount(version.terms.threshold.value, await currencyInfo(api, { type: 'Native' }))} of revenue`
        : `above ${version.terms.threshold.value} units`;
      const row = h('p', { class: 'version', 'data-version': String(index), 'data-status': version.status.type }, `Version ${index} (${version.status.type.toLowerCase()}): ${parties.join(', ')}; ${threshold}.`);
      const position = version.terms.beneficiaries.findIndex(([who]) => who === account.address);
      if (version.status.type === 'Proposed' && position >= 0 && !((version.accepted >> position) & 1)) {
        row.append(' ', h('button', {
          class: 'accept-version',
          onclick: () => submit(api, api.tx.ProfitSharing.accept({ agreement: id, version: index }), account.signer, status).then(refresh, () => {}),
        }, `Accept version ${index}`));
      }
      lines.push(row);
    }
    const progress = await api.apis.ProfitSharingApi.progress(id);
    if (progress) lines.push(h('p', {}, `Progress: ${formatAmount(progress[0], await currencyInfo(api, { type: 'Native' }))} of revenue, ${progress[1]} units.`));
    for (const [currency, ledger] of await api.apis.ProfitSharingApi.ledgers(id, account.address)) {
      const info = await currencyInfo(api, currency as never);
      const line = h('p', { class: 'ledger' }, `Your ledger: received ${formatAmount(ledger.received, info)}, claimable ${formatAmount(ledger.claimable, info)}, owed back ${formatAmount(ledger.owed, info)}.`);
      if (ledger.claimable > 0n) {
        line.append(' ', h('button', {
          class: 'claim',
          onclick: () => submit(api, api.tx.ProfitSharing.claim({ agreement: id, beneficiary: account.address, currency: currency as never }), account.signer, status).then(refresh, () => {}),
        }, 'Claim'));
      }
      lines.push(line);
    }
    const scope = agreement.scope.type === 'Listing' ? `listing #${agreement.scope.value}` : 'all listings';
    cards.push(h('article', { class: 'agreement', 'data-agreement': String(id) }, h('h3', {}, `Agreement #${id}: ${isVendor ? 'yours' : `with ${shortAddress(agreement.vendor)}`}, ${scope}`), ...lines));
  }
  return h('section', { class: 'card', id: 'sharing' }, h('h2', {}, 'Profit sharing'), ...(cards.length ? cards : [h('p', {}, 'No agreements.')]));
}
