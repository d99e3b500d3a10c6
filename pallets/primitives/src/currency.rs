//! Currencies: the native token or an asset, behind one `fungibles` interface.
//!
//! Commerce pays in CMRC or in an asset of `pallet_assets` (a stablecoin). The pallets name a
//! currency with one type, [`NativeOrWithId`], and move every currency through one
//! `fungibles` implementation: [`UnionOf`] the native balances and [`AssetsWithHolds`].
//!
//! `pallet_assets` moves assets but keeps no holds; `pallet_assets_holder` keeps the holds but
//! does not offer `fungibles::Mutate`. [`AssetsWithHolds`] joins the two, so that the union
//! offers `fungibles::Mutate` and `fungibles::MutateHold` for every currency, as escrow needs.

use crate::HoldersOf;
use alloc::vec::Vec;
use codec::Decode;
use core::marker::PhantomData;
pub use frame_support::traits::tokens::fungible::{NativeFromLeft, NativeOrWithId, UnionOf};
use frame_support::traits::{
	fungibles::{self, Dust},
	tokens::{
		DepositConsequence, Fortitude, IdAmount, Precision, Preservation, Provenance, Restriction,
		WithdrawConsequence,
	},
	PalletInfoAccess,
};
use sp_runtime::{traits::Zero, DispatchError, DispatchResult};

/// `Assets` (`pallet_assets`) for balances and transfers, with `Holder`
/// (`pallet_assets_holder`) for holds: one `fungibles` implementation of both, each call passed
/// to the pallet that implements it.
pub struct AssetsWithHolds<Assets, Holder>(PhantomData<(Assets, Holder)>);

impl<A, Assets, Holder> fungibles::Inspect<A> for AssetsWithHolds<Assets, Holder>
where
	Assets: fungibles::Inspect<A>,
{
	type AssetId = Assets::AssetId;
	type Balance = Assets::Balance;

	fn total_issuance(asset: Self::AssetId) -> Self::Balance {
		Assets::total_issuance(asset)
	}
	fn active_issuance(asset: Self::AssetId) -> Self::Balance {
		Assets::active_issuance(asset)
	}
	fn minimum_balance(asset: Self::AssetId) -> Self::Balance {
		Assets::minimum_balance(asset)
	}
	fn total_balance(asset: Self::AssetId, who: &A) -> Self::Balance {
		Assets::total_balance(asset, who)
	}
	fn balance(asset: Self::AssetId, who: &A) -> Self::Balance {
		Assets::balance(asset, who)
	}
	fn reducible_balance(
		asset: Self::AssetId,
		who: &A,
		preservation: Preservation,
		force: Fortitude,
	) -> Self::Balance {
		Assets::reducible_balance(asset, who, preservation, force)
	}
	fn can_deposit(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
		provenance: Provenance,
	) -> DepositConsequence {
		Assets::can_deposit(asset, who, amount, provenance)
	}
	fn can_withdraw(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
	) -> WithdrawConsequence<Self::Balance> {
		Assets::can_withdraw(asset, who, amount)
	}
	fn asset_exists(asset: Self::AssetId) -> bool {
		Assets::asset_exists(asset)
	}
}

impl<A, Assets, Holder> fungibles::Unbalanced<A> for AssetsWithHolds<Assets, Holder>
where
	Assets: fungibles::Unbalanced<A>,
{
	fn handle_raw_dust(asset: Self::AssetId, amount: Self::Balance) {
		Assets::handle_raw_dust(asset, amount)
	}
	fn handle_dust(dust: Dust<A, Self>) {
		Assets::handle_dust(Dust(dust.0, dust.1))
	}
	fn write_balance(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
	) -> Result<Option<Self::Balance>, DispatchError> {
		Assets::write_balance(asset, who, amount)
	}
	fn set_total_issuance(asset: Self::AssetId, amount: Self::Balance) {
		Assets::set_total_issuance(asset, amount)
	}
	fn decrease_balance(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
		precision: Precision,
		preservation: Preservation,
		force: Fortitude,
	) -> Result<Self::Balance, DispatchError> {
		Assets::decrease_balance(asset, who, amount, precision, preservation, force)
	}
	fn increase_balance(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
		precision: Precision,
	) -> Result<Self::Balance, DispatchError> {
		Assets::increase_balance(asset, who, amount, precision)
	}
	fn deactivate(asset: Self::AssetId, amount: Self::Balance) {
		Assets::deactivate(asset, amount)
	}
	fn reactivate(asset: Self::AssetId, amount: Self::Balance) {
		Assets::reactivate(asset, amount)
	}
}

impl<A: Eq, Assets, Holder> fungibles::Mutate<A> for AssetsWithHolds<Assets, Holder>
where
	Assets: fungibles::Mutate<A>,
{
	fn mint_into(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
	) -> Result<Self::Balance, DispatchError> {
		Assets::mint_into(asset, who, amount)
	}
	fn burn_from(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
		preservation: Preservation,
		precision: Precision,
		force: Fortitude,
	) -> Result<Self::Balance, DispatchError> {
		Assets::burn_from(asset, who, amount, preservation, precision, force)
	}
	fn shelve(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
	) -> Result<Self::Balance, DispatchError> {
		Assets::shelve(asset, who, amount)
	}
	fn restore(
		asset: Self::AssetId,
		who: &A,
		amount: Self::Balance,
	) -> Result<Self::Balance, DispatchError> {
		Assets::restore(asset, who, amount)
	}
	fn transfer(
		asset: Self::AssetId,
		source: &A,
		dest: &A,
		amount: Self::Balance,
		preservation: Preservation,
	) -> Result<Self::Balance, DispatchError> {
		Assets::transfer(asset, source, dest, amount, preservation)
	}
	fn set_balance(asset: Self::AssetId, who: &A, amount: Self::Balance) -> Self::Balance {
		Assets::set_balance(asset, who, amount)
	}
}

impl<A, Assets, Holder> fungibles::InspectHold<A> for AssetsWithHolds<Assets, Holder>
where
	Assets: fungibles::Inspect<A>,
	Holder: fungibles::InspectHold<A, AssetId = Assets::AssetId, Balance = Assets::Balance>,
{
	type Reason = Holder::Reason;

	fn total_balance_on_hold(asset: Self::AssetId, who: &A) -> Self::Balance {
		Holder::total_balance_on_hold(asset, who)
	}
	fn reducible_total_balance_on_hold(
		asset: Self::AssetId,
		who: &A,
		force: Fortitude,
	) -> Self::Balance {
		Holder::reducible_total_balance_on_hold(asset, who, force)
	}
	fn balance_on_hold(asset: Self::AssetId, reason: &Self::Reason, who: &A) -> Self::Balance {
		Holder::balance_on_hold(asset, reason, who)
	}
	fn hold_available(asset: Self::AssetId, reason: &Self::Reason, who: &A) -> bool {
		Holder::hold_available(asset, reason, who)
	}
	fn ensure_can_hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
	) -> DispatchResult {
		Holder::ensure_can_hold(asset, reason, who, amount)
	}
	fn can_hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
	) -> bool {
		Holder::can_hold(asset, reason, who, amount)
	}
}

impl<A, Assets, Holder> fungibles::UnbalancedHold<A> for AssetsWithHolds<Assets, Holder>
where
	Assets: fungibles::Inspect<A>,
	Holder: fungibles::UnbalancedHold<A, AssetId = Assets::AssetId, Balance = Assets::Balance>,
{
	fn set_balance_on_hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
	) -> DispatchResult {
		Holder::set_balance_on_hold(asset, reason, who, amount)
	}
	fn decrease_balance_on_hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
		precision: Precision,
	) -> Result<Self::Balance, DispatchError> {
		Holder::decrease_balance_on_hold(asset, reason, who, amount, precision)
	}
	fn increase_balance_on_hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
		precision: Precision,
	) -> Result<Self::Balance, DispatchError> {
		Holder::increase_balance_on_hold(asset, reason, who, amount, precision)
	}
}

impl<A, Assets, Holder> fungibles::MutateHold<A> for AssetsWithHolds<Assets, Holder>
where
	Assets: fungibles::Unbalanced<A>,
	Holder: fungibles::MutateHold<A, AssetId = Assets::AssetId, Balance = Assets::Balance>,
{
	fn hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
	) -> DispatchResult {
		Holder::hold(asset, reason, who, amount)
	}
	fn release(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
		precision: Precision,
	) -> Result<Self::Balance, DispatchError> {
		Holder::release(asset, reason, who, amount, precision)
	}
	fn burn_held(
		asset: Self::AssetId,
		reason: &Self::Reason,
		who: &A,
		amount: Self::Balance,
		precision: Precision,
		force: Fortitude,
	) -> Result<Self::Balance, DispatchError> {
		Holder::burn_held(asset, reason, who, amount, precision, force)
	}
	fn transfer_on_hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		source: &A,
		dest: &A,
		amount: Self::Balance,
		precision: Precision,
		mode: Restriction,
		force: Fortitude,
	) -> Result<Self::Balance, DispatchError> {
		Holder::transfer_on_hold(asset, reason, source, dest, amount, precision, mode, force)
	}
	fn transfer_and_hold(
		asset: Self::AssetId,
		reason: &Self::Reason,
		source: &A,
		dest: &A,
		amount: Self::Balance,
		precision: Precision,
		expendability: Preservation,
		force: Fortitude,
	) -> Result<Self::Balance, DispatchError> {
		Holder::transfer_and_hold(
			asset,
			reason,
			source,
			dest,
			amount,
			precision,
			expendability,
			force,
		)
	}
}

/// Every account with funds on hold for a reason, per currency: what `try_state` compares a
/// pallet's records of held payments against. For `try_state` and tests only.
pub trait CurrencyHoldersOf<AssetKind, AccountId, Reason, Balance> {
	/// Each `(currency, account, amount)` with a non-zero hold for `reason`.
	fn holders(reason: &Reason) -> Vec<(AssetKind, AccountId, Balance)>;
}

/// [`CurrencyHoldersOf`] of the [`UnionOf`] of the native balances (their holders `Native`) and
/// the assets of `pallet_assets_holder` (`Assets`).
pub struct UnionHolders<Native, Assets>(PhantomData<(Native, Assets)>);

impl<AssetId, AccountId, Reason, Balance, Native, Assets>
	CurrencyHoldersOf<NativeOrWithId<AssetId>, AccountId, Reason, Balance>
	for UnionHolders<Native, Assets>
where
	AssetId: Ord,
	Native: HoldersOf<AccountId, Reason, Balance>,
	Assets: CurrencyHoldersOf<AssetId, AccountId, Reason, Balance>,
{
	fn holders(reason: &Reason) -> Vec<(NativeOrWithId<AssetId>, AccountId, Balance)> {
		Native::holders(reason)
			.into_iter()
			.map(|(who, amount)| (NativeOrWithId::Native, who, amount))
			.chain(
				Assets::holders(reason)
					.into_iter()
					.map(|(asset, who, amount)| (NativeOrWithId::WithId(asset), who, amount)),
			)
			.collect()
	}
}

/// [`CurrencyHoldersOf`] for `pallet_assets_holder` (the pallet `Pallet` of the runtime, which
/// keeps its `Holds` private): reads that storage map by its key prefix.
pub struct AssetsHolderHolders<Pallet, AssetId, AccountId, Reason, Balance>(
	PhantomData<(Pallet, AssetId, AccountId, Reason, Balance)>,
);

impl<Pallet, AssetId, AccountId, Reason, Balance>
	CurrencyHoldersOf<AssetId, AccountId, Reason, Balance>
	for AssetsHolderHolders<Pallet, AssetId, AccountId, Reason, Balance>
where
	Pallet: PalletInfoAccess,
	AssetId: Decode,
	AccountId: Decode,
	Reason: Decode + PartialEq,
	Balance: Decode + Zero + Copy,
{
	fn holders(reason: &Reason) -> Vec<(AssetId, AccountId, Balance)> {
		let prefix = frame_support::storage::storage_prefix(Pallet::name().as_bytes(), b"Holds");
		// Keys: `Blake2_128Concat(asset) ++ Blake2_128Concat(account)` after the prefix.
		frame_support::storage::PrefixIterator::<(AssetId, AccountId, Vec<IdAmount<Reason, Balance>>)>::new(
			prefix.to_vec(),
			prefix.to_vec(),
			|mut key, mut value| {
				let asset = skip_blake2_128(&mut key).and_then(|()| AssetId::decode(&mut key))?;
				let who = skip_blake2_128(&mut key).and_then(|()| AccountId::decode(&mut key))?;
				let holds = Vec::<IdAmount<Reason, Balance>>::decode(&mut value)?;
				Ok((asset, who, holds))
			},
		)
		.filter_map(|(asset, who, holds)| {
			holds
				.into_iter()
				.find(|hold| &hold.id == reason && !hold.amount.is_zero())
				.map(|hold| (asset, who, hold.amount))
		})
		.collect()
	}
}

/// Skip the 16-byte hash of a `Blake2_128Concat` key part.
fn skip_blake2_128(key: &mut &[u8]) -> Result<(), codec::Error> {
	if key.len() < 16 {
		return Err("key shorter than its hash".into());
	}
	*key = &key[16..];
	Ok(())
}

/// A storage deposit held in a currency the payer chooses (an order's deposit, in the order's
/// currency), priced in the native token: what `Consideration` is for one currency.
///
/// The caller records the amount [`CurrencyDeposit::hold`] returns and gives it back to
/// [`CurrencyDeposit::release`], so that the payer gets exactly what was held whatever the
/// rate did in between.
pub trait CurrencyDeposit<AccountId, CurrencyId, Balance> {
	/// Hold from `who`, in `currency`, the deposit for `footprint`; returns the amount held.
	fn hold(
		who: &AccountId,
		currency: &CurrencyId,
		footprint: frame_support::traits::Footprint,
	) -> Result<Balance, DispatchError>;

	/// Release `amount` of `currency` that [`CurrencyDeposit::hold`] held from `who`.
	fn release(who: &AccountId, currency: &CurrencyId, amount: Balance) -> DispatchResult;
}

/// [`CurrencyDeposit`] held on `F` (the union of every currency) under `Reason::get()`: the
/// native price `Price` gives for the footprint, converted into the currency at the
/// consortium's rate (`Currencies::from_native`, rounded up). A currency without a rate takes no
/// new deposits (`TokenError::UnknownAsset`).
pub struct HoldInCurrency<F, Reason, Price, Currencies>(
	PhantomData<(F, Reason, Price, Currencies)>,
);

impl<AccountId, F, Reason, Price, Currencies> CurrencyDeposit<AccountId, F::AssetId, F::Balance>
	for HoldInCurrency<F, Reason, Price, Currencies>
where
	F: fungibles::MutateHold<AccountId>,
	Reason: frame_support::traits::Get<F::Reason>,
	Price: sp_runtime::traits::Convert<frame_support::traits::Footprint, F::Balance>,
	Currencies: crate::AcceptedCurrencies<F::AssetId, F::Balance>,
{
	fn hold(
		who: &AccountId,
		currency: &F::AssetId,
		footprint: frame_support::traits::Footprint,
	) -> Result<F::Balance, DispatchError> {
		let amount = Currencies::from_native(currency, Price::convert(footprint))
			.ok_or(sp_runtime::TokenError::UnknownAsset)?;
		if !amount.is_zero() {
			F::hold(currency.clone(), &Reason::get(), who, amount)?;
		}
		Ok(amount)
	}

	fn release(who: &AccountId, currency: &F::AssetId, amount: F::Balance) -> DispatchResult {
		if !amount.is_zero() {
			F::release(currency.clone(), &Reason::get(), who, amount, Precision::Exact)?;
		}
		Ok(())
	}
}
