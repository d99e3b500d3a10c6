//! The invariants checked after every block, and the coverage features of an execution.
//!
//! The standard pallets' `try_state` hooks exist only with the `try-runtime` feature, which
//! this crate must not enable (feature unification would put it into the node's runtime), so
//! the checks are:
//!
//! 1. every commerce pallet's `do_try_state` (orders, escrow, vendors, profit sharing,
//!    provenance, replenishment; the council-root pallet keeps no state): among others, the funds on hold
//!    under each pallet's hold reasons equal what its records say;
//! 2. conservation: `TotalIssuance` equals the sum of every account's free and reserved
//!    balance;
//! 3. issuance: nothing mints after genesis (fees move to the collators' pot, slashes to
//!    buyers and the treasury, marketplace fees to the fee account; XCM execution and
//!    teleports are disabled), and `TotalIssuance` equals the genesis issuance less every
//!    decrease `pallet_balances` reported in an event (`Burned`, `BurnedHeld`, `Rescinded`,
//!    `BurnedDebt`: a dust removal, a `burn`);
//! 4. reference counts: no account has consumers but no providers, and no account is kept in
//!    storage with neither providers nor sufficients;
//! 5. holds: an account's holds add up to at most its reserved balance.

use crate::{Check, Finding, Stats};
use codec::Encode;
use commerce_runtime::{Balance, BlockNumber, Runtime, RuntimeEvent};
use frame_support::weights::Weight;
use frame_system::Phase;
use sp_runtime::{ApplyExtrinsicResult, DispatchError, TryRuntimeError};

/// The total issuance.
pub fn issuance() -> Balance {
	pallet_balances::TotalIssuance::<Runtime>::get()
}

/// How many keys the state holds.
pub fn count_keys() -> u32 {
	let mut count = 0;
	let mut key = Vec::new();
	while let Some(next) = sp_io::storage::next_key(&key) {
		count += 1;
		key = next;
	}
	count
}

/// The checks after block `number`: the issuance ledger of the block's events, then
/// [`state`]. Notes the block's events as features.
pub fn block(
	number: BlockNumber,
	expected_issuance: &mut Balance,
	stats: &mut Stats,
) -> Result<(), Finding> {
	let mut increase: Balance = 0;
	let mut decrease: Balance = 0;
	let mut increases = Vec::new();
	for record in frame_system::Pallet::<Runtime>::read_events_no_consensus() {
		let encoded = record.event.encode();
		stats.features.insert(event_feature(encoded[0], encoded.get(1).copied().unwrap_or(0)));
		let RuntimeEvent::Balances(event) = &record.event else { continue };
		use pallet_balances::Event as B;
		match event {
			B::Minted { amount, .. } | B::Issued { amount } | B::MintedCredit { amount } => {
				increase = increase.saturating_add(*amount);
				increases.push(format!("{event:?}"));
			},
			B::Burned { amount, .. }
			| B::BurnedHeld { amount, .. }
			| B::Rescinded { amount }
			| B::BurnedDebt { amount } => decrease = decrease.saturating_add(*amount),
			B::TotalIssuanceForced { old, new } => {
				increases.push(format!("{event:?}"));
				increase = increase.saturating_add(new.saturating_sub(*old));
				decrease = decrease.saturating_add(old.saturating_sub(*new));
			},
			_ => {},
		}
	}
	stats.minted = stats.minted.saturating_add(increase);
	stats.burned = stats.burned.saturating_add(decrease);
	if !increases.is_empty() {
		return Err(Finding::new(
			Check::Minting,
			number,
			None,
			format!("issuance increased after genesis: {}", increases.join(", ")),
		));
	}
	*expected_issuance = expected_issuance.saturating_sub(decrease);
	let actual = issuance();
	if actual != *expected_issuance {
		return Err(Finding::new(
			Check::Issuance,
			number,
			None,
			format!(
				"total issuance {actual} differs from genesis less the reported decreases, \
				 {expected_issuance} (this block reported {decrease} burned)"
			),
		));
	}
	state(number)
}

/// The state invariants: every commerce pallet's `do_try_state`, conservation, reference
/// counts and holds.
pub fn state(number: BlockNumber) -> Result<(), Finding> {
	let pallets: [(&str, fn() -> Result<(), TryRuntimeError>); 6] = [
		("orders", pallet_orders::Pallet::<Runtime>::do_try_state),
		("escrow", pallet_escrow::Pallet::<Runtime>::do_try_state),
		("vendors", pallet_vendors::Pallet::<Runtime>::do_try_state),
		("profit-sharing", pallet_profit_sharing::Pallet::<Runtime>::do_try_state),
		("provenance", pallet_provenance::Pallet::<Runtime>::do_try_state),
		("replenishment", pallet_replenishment::Pallet::<Runtime>::do_try_state),
	];
	for (pallet, check) in pallets {
		check().map_err(|error| {
			Finding::new(Check::TryState, number, None, format!("{pallet}: {error:?}"))
		})?;
	}

	let mut total: Balance = 0;
	for (who, info) in frame_system::Account::<Runtime>::iter() {
		if info.consumers > 0 && info.providers == 0 {
			return Err(Finding::new(
				Check::RefCount,
				number,
				None,
				format!("{who} has {} consumers but no providers: {info:?}", info.consumers),
			));
		}
		if info.providers == 0 && info.sufficients == 0 {
			return Err(Finding::new(
				Check::RefCount,
				number,
				None,
				format!("{who} is kept with neither providers nor sufficients: {info:?}"),
			));
		}
		let held = pallet_balances::Holds::<Runtime>::get(&who)
			.iter()
			.map(|hold| hold.amount)
			.fold(0, Balance::saturating_add);
		if held > info.data.reserved {
			return Err(Finding::new(
				Check::Conservation,
				number,
				None,
				format!(
					"{who} holds {held} but has only {} reserved: {:?}",
					info.data.reserved,
					pallet_balances::Holds::<Runtime>::get(&who)
				),
			));
		}
		total = total.saturating_add(info.data.free).saturating_add(info.data.reserved);
	}
	let issuance = issuance();
	if total != issuance {
		return Err(Finding::new(
			Check::Conservation,
			number,
			None,
			format!("the accounts hold {total} in all but the total issuance is {issuance}"),
		));
	}
	Ok(())
}

/// The weight the `ExtrinsicSuccess` or `ExtrinsicFailed` event of extrinsic `index` reports:
/// the actual weight after refunds, with the base extrinsic weight.
pub fn extrinsic_weight(index: u32) -> Option<Weight> {
	frame_system::Pallet::<Runtime>::read_events_no_consensus().find_map(|record| {
		if record.phase != Phase::ApplyExtrinsic(index) {
			return None;
		}
		match &record.event {
			RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { dispatch_info })
			| RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_info, ..
			}) => Some(dispatch_info.weight),
			_ => None,
		}
	})
}

/// The feature of a signed call's outcome: its pallet and call index, and whether it was
/// dispatched successfully, failed with which error, or was invalid with which validity error.
pub fn call_feature(pallet: u8, call: u8, result: &ApplyExtrinsicResult) -> u64 {
	let (kind, a, b) = match result {
		Ok(Ok(())) => (0u64, 0u8, 0u8),
		Ok(Err(DispatchError::Module(error))) => (1, error.index, error.error[0]),
		Ok(Err(error)) => {
			let encoded = error.encode();
			(2, encoded[0], encoded.get(1).copied().unwrap_or(0))
		},
		Err(error) => {
			let encoded = error.encode();
			(3, encoded[0], encoded.get(1).copied().unwrap_or(0))
		},
	};
	(1 << 60)
		| (u64::from(pallet) << 32)
		| (u64::from(call) << 24)
		| (kind << 16)
		| (u64::from(a) << 8)
		| u64::from(b)
}

/// The feature of an event: its pallet and variant index.
pub fn event_feature(pallet: u8, variant: u8) -> u64 {
	(2 << 60) | (u64::from(pallet) << 8) | u64::from(variant)
}
