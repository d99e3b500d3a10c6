// Delivery addresses sealed to the vendor: libsodium's sealed box (X25519 + XSalsa20-Poly1305,
// an ephemeral key per message, 48 bytes of overhead). The buyer's browser seals to the key the
// vendor published on chain; only the vendor's secret key, kept in the vendor's browser, opens it.
import sodium from 'libsodium-wrappers';

/** The chain's bound on a sealed address (`orders.MaxSealedDelivery`) less the box overhead. */
export const MAX_ADDRESS_BYTES = 512 - 48;

export async function seal(address: string, vendorKey: Uint8Array): Promise<Uint8Array> {
  await sodium.ready;
  const plain = new TextEncoder().encode(address);
  if (plain.length > MAX_ADDRESS_BYTES) throw new Error(`The address is too long: at most ${MAX_ADDRESS_BYTES} bytes.`);
  return sodium.crypto_box_seal(plain, vendorKey);
}

export async function open(sealed: Uint8Array, keys: { publicKey: Uint8Array; privateKey: Uint8Array }): Promise<string> {
  await sodium.ready;
  return new TextDecoder().decode(sodium.crypto_box_seal_open(sealed, keys.publicKey, keys.privateKey));
}

/**
 * The vendor's key pair for `account`, kept in this browser's storage (never sent anywhere);
 * created on first use. Older pairs are kept too, so that orders sealed to a key the vendor has
 * since replaced still open.
 */
export async function vendorKeys(account: string): Promise<{ publicKey: Uint8Array; privateKey: Uint8Array }[]> {
  await sodium.ready;
  const stored: { publicKey: string; privateKey: string }[] = JSON.parse(localStorage.getItem(`sealkeys:${account}`) ?? '[]');
  return stored.map((k) => ({ publicKey: sodium.from_hex(k.publicKey), privateKey: sodium.from_hex(k.privateKey) }));
}

export async function newVendorKey(account: string): Promise<Uint8Array> {
  await sodium.ready;
  const pair = sodium.crypto_box_keypair();
  const stored = JSON.parse(localStorage.getItem(`sealkeys:${account}`) ?? '[]');
  stored.unshift({ publicKey: sodium.to_hex(pair.publicKey), privateKey: sodium.to_hex(pair.privateKey) });
  localStorage.setItem(`sealkeys:${account}`, JSON.stringify(stored));
  return pair.publicKey;
}

/** Open `sealed` with whichever of the vendor's keys sealed it. */
export async function openWithAny(sealed: Uint8Array, account: string): Promise<string | undefined> {
  for (const keys of await vendorKeys(account)) {
    try {
      return await open(sealed, keys);
    } catch {
      // Another key's box.
    }
  }
  return undefined;
}
