// Accounts that sign: those of any injected Polkadot wallet extension (`window.injectedWeb3`:
// Polkadot.js, Talisman, SubWallet, ...), and on a development chain the well-known dev accounts,
// marked as such (their keys are public: never use them on a real chain).
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';
import { getPolkadotSigner, type PolkadotSigner } from 'polkadot-api/signer';
import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_MINI_SECRET, ss58Address } from '@polkadot-labs/hdkd-helpers';

export interface Account {
  address: string;
  name: string;
  /** Where the key lives: an extension's name, or `dev` for a dev account. */
  source: string;
  signer: PolkadotSigner;
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];

function devAccounts(): Account[] {
  const derive = sr25519CreateDerive(hexToBytes(DEV_MINI_SECRET));
  return DEV_NAMES.map((name) => {
    const pair = derive(`//${name}`);
    return {
      address: ss58Address(pair.publicKey, 42),
      name: `${name} (dev account)`,
      source: 'dev',
      signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign),
    };
  });
}

function hexToBytes(hex: string): Uint8Array {
  const clean = hex.replace(/^0x/, '');
  return Uint8Array.from(clean.match(/../g)!.map((b) => parseInt(b, 16)));
}

/** Every account the page may sign with: the extensions' first, then (dev chains) the dev ones. */
export async function accounts(dev: boolean): Promise<Account[]> {
  const found: Account[] = [];
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name, 'commerce-chain');
      for (const account of extension.getAccounts()) {
        found.push({ address: account.address, name: account.name ?? account.address, source: name, signer: account.polkadotSigner });
      }
    } catch (err) {
      console.warn(`wallet extension ${name} refused or failed`, err);
    }
  }
  if (dev) found.push(...devAccounts());
  return found;
}

/** A `<select>` of the accounts, remembering the choice per page under `key`. */
export function accountPicker(list: Account[], key: string, onChange: (a: Account | undefined) => void): HTMLSelectElement {
  const select = document.createElement('select');
  select.id = 'account';
  select.append(new Option('Choose an account…', ''));
  // The same address may come from an extension and as a dev account: the value names both.
  const id = (a: Account) => `${a.source}:${a.address}`;
  for (const a of list) select.append(new Option(`${a.name} · ${a.source === 'dev' ? 'dev key' : a.source}`, id(a)));
  const saved = localStorage.getItem(`account:${key}`);
  if (saved && list.some((a) => id(a) === saved)) select.value = saved;
  const chosen = () => list.find((a) => id(a) === select.value);
  select.addEventListener('change', () => {
    localStorage.setItem(`account:${key}`, select.value);
    onChange(chosen());
  });
  queueMicrotask(() => onChange(chosen()));
  return select;
}
