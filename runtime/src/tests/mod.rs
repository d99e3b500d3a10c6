//! Runtime tests: the real runtime, its `development` preset, signed extrinsics.

mod asset_fees;
mod block_capacity;
mod collators;
mod commerce;
mod fees;
mod genesis;
mod governance;
mod payments;
mod profit_sharing;
mod provenance;
mod replenishment;
mod sealed_delivery;
mod vendors;

use crate::{
	genesis_config_presets, Address, Balance, Executive, Header, Runtime, RuntimeCall,
	RuntimeGenesisConfig, Signature, System, TxExtension, UncheckedExtrinsic,
};
use codec::Encode;
use frame_support::genesis_builder_helper::build_state;
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, traits::Header as _};

/// CMRC as the currency of a listing or an order.
pub const CMRC: crate::configs::CurrencyId = crate::configs::CurrencyId::Native;

/// Merge the JSON `patch` into `base`, as the node does with a preset.
fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Externalities holding the genesis state of the `development` preset, at block 1.
pub fn development_ext() -> sp_io::TestExternalities {
	let preset = genesis_config_presets::get_preset(&sp_genesis_builder::DEV_RUNTIME_PRESET.into())
		.expect("the development preset exists");
	preset_ext(&preset)
}

/// Externalities holding the genesis state of a preset's JSON `patch`, at block 1.
pub fn preset_ext(patch: &[u8]) -> sp_io::TestExternalities {
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).unwrap();
	merge(&mut config, serde_json::from_slice(patch).unwrap());
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		build_state::<RuntimeGenesisConfig>(serde_json::to_vec(&config).unwrap()).unwrap();
		System::set_block_number(1);
	});
	// Move the genesis state into the trie backend, so that reads are recorded by a proof
	// recorder like a collator's.
	ext.commit_all().expect("genesis state commits");
	ext
}

/// Start block `number` (without inherents: the tests apply signed extrinsics only).
pub fn initialize_block(number: u32) {
	let header = Header::new(
		number,
		Default::default(),
		Default::default(),
		System::parent_hash(),
		Default::default(),
	);
	Executive::initialize_block(&header);
}

/// The transaction extensions a wallet attaches: immortal, with `nonce` and no tip.
pub fn tx_extension(nonce: u32) -> TxExtension {
	tx_extension_paying(nonce, None)
}

/// [`tx_extension`], paying the fee in `asset` (CMRC for `None`).
pub fn tx_extension_paying(nonce: u32, asset: Option<u32>) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_asset_tx_payment::ChargeAssetTxPayment::<Runtime>::from(0, asset),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
	)
		.into()
}

/// `call` signed by `signer` with `nonce`, as a wallet would submit it.
pub fn signed(call: RuntimeCall, signer: Sr25519Keyring, nonce: u32) -> UncheckedExtrinsic {
	let extension = tx_extension(nonce);
	let payload = sp_runtime::generic::SignedPayload::new(call.clone(), extension.clone())
		.expect("the extensions' implicit data is available");
	let signature: Signature = payload.using_encoded(|bytes| signer.sign(bytes)).into();
	UncheckedExtrinsic::new_signed(call, Address::Id(signer.to_account_id()), signature, extension)
}

/// The free balance of `who`.
pub fn free_balance(who: Sr25519Keyring) -> Balance {
	pallet_balances::Pallet::<Runtime>::free_balance(who.to_account_id())
}

/// The signed origin of a development account.
pub fn origin(who: Sr25519Keyring) -> crate::RuntimeOrigin {
	crate::RuntimeOrigin::signed(who.to_account_id())
}
