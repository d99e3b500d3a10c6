//! The accounts that sign the fuzzer's calls.
//!
//! | index | account | role in the development genesis |
//! |-------|---------|---------------------------------|
//! | 0 | Alice   | collator, council, vetting body |
//! | 1 | Bob     | council |
//! | 2 | Charlie | council |
//! | 3 | Dave    | approved vendor |
//! | 4 | Eve     | arbitration panel |
//! | 5 | Ferdie  | approved vendor, delivery oracle |
//! | 6 | Fuzz1   | none (endowed by the harness like the others) |
//! | 7 | Fuzz2   | none (endowed by the harness) |
//! | 8 | Fuzz3   | none (endowed by the harness) |
//! | 9 | Poor    | none, endowed with [`POOR_ENDOWMENT`] only: fees and deposits fail |

use codec::Encode;
use commerce_runtime::{
	genesis_config_presets::ENDOWMENT, AccountId, Address, Balance, Runtime, RuntimeCall,
	Signature, TxExtension, UncheckedExtrinsic, UNIT,
};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{generic::Era, traits::IdentifyAccount, MultiSigner};

/// What the poor account starts with: a few fees' worth, below every deposit.
pub const POOR_ENDOWMENT: Balance = 2 * UNIT;

/// Origin indices of the accounts, for building inputs.
pub mod who {
	pub const ALICE: u8 = 0;
	pub const BOB: u8 = 1;
	pub const CHARLIE: u8 = 2;
	pub const DAVE: u8 = 3;
	pub const EVE: u8 = 4;
	pub const FERDIE: u8 = 5;
	pub const FUZZ1: u8 = 6;
	pub const FUZZ2: u8 = 7;
	pub const FUZZ3: u8 = 8;
	pub const POOR: u8 = 9;
}

/// A signer of fuzz calls.
pub struct FuzzAccount {
	/// Its name, for reports.
	pub name: &'static str,
	/// Its key pair.
	pub pair: sr25519::Pair,
	/// Its account id.
	pub id: AccountId,
	/// What the harness endows it with at genesis; `None` for the development accounts, which
	/// the preset endows.
	pub endowment: Option<Balance>,
}

impl FuzzAccount {
	fn new(name: &'static str, pair: sr25519::Pair, endowment: Option<Balance>) -> Self {
		let id = MultiSigner::from(pair.public()).into_account();
		FuzzAccount { name, pair, id, endowment }
	}

	/// `call` signed with `nonce`, as a wallet submits it: immortal, no tip, no metadata hash.
	/// Must run with the chain's state (the payload commits to the genesis hash).
	pub fn sign(&self, call: RuntimeCall, nonce: u32) -> UncheckedExtrinsic {
		let extension = tx_extension(nonce);
		let payload = sp_runtime::generic::SignedPayload::new(call.clone(), extension.clone())
			.expect("the extensions' implicit data is available");
		let signature: Signature = payload.using_encoded(|bytes| self.pair.sign(bytes)).into();
		UncheckedExtrinsic::new_signed(call, Address::Id(self.id.clone()), signature, extension)
	}
}

/// The transaction extensions a wallet attaches: immortal, with `nonce` and no tip.
pub fn tx_extension(nonce: u32) -> TxExtension {
	(
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_asset_tx_payment::ChargeAssetTxPayment::<Runtime>::from(0, None),
		frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
	)
		.into()
}

/// The fuzz accounts, in origin-index order (see the module documentation).
pub fn accounts() -> Vec<FuzzAccount> {
	let development = [
		("Alice", Sr25519Keyring::Alice),
		("Bob", Sr25519Keyring::Bob),
		("Charlie", Sr25519Keyring::Charlie),
		("Dave", Sr25519Keyring::Dave),
		("Eve", Sr25519Keyring::Eve),
		("Ferdie", Sr25519Keyring::Ferdie),
	]
	.into_iter()
	.map(|(name, key)| FuzzAccount::new(name, key.pair(), None));
	let extra = [
		("Fuzz1", ENDOWMENT),
		("Fuzz2", ENDOWMENT),
		("Fuzz3", ENDOWMENT),
		("Poor", POOR_ENDOWMENT),
	]
	.into_iter()
	.map(|(name, endowment)| {
		let pair = sr25519::Pair::from_string(&format!("//{name}"), None)
			.expect("a hard derivation of the development phrase");
		FuzzAccount::new(name, pair, Some(endowment))
	});
	development.chain(extra).collect()
}

/// The account id of origin index `index` (modulo the number of accounts).
pub fn account_id(index: u8) -> AccountId {
	static IDS: std::sync::OnceLock<Vec<AccountId>> = std::sync::OnceLock::new();
	let ids = IDS.get_or_init(|| accounts().into_iter().map(|account| account.id).collect());
	ids[usize::from(index) % ids.len()].clone()
}
