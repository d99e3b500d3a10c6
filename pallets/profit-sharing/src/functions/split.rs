//! The payout split: which agreement an order settles by (recorded at placement), how a payout
//! is divided, and the bookkeeping once escrow has paid.

use crate::{
	Agreements, BalanceOf, Config, CurrencyOf, Event, HoldReason, Ledgers, LiveAgreement,
	MaxPayeesOf, Pallet, Payouts, Placement, Placements, PlanOf, Progress, Sale, SaleExpiries,
	Sales, Scope, Share, Threshold, Versions, WeightInfo,
};
use commerce_primitives::{
	deadlines, ListingId, OrderId, OrderObserver, OrderReport, Payees, PayoutSplitter,
};
use frame_support::{
	traits::{
		fungibles::{Inspect, Mutate, MutateHold},
		tokens::{DepositConsequence, Provenance},
		Consideration, Get,
	},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::{
	helpers_128bit::multiply_by_rational_with_rounding,
	traits::{Saturating, Zero},
	Rounding, SaturatedConversion,
};

/// `amount × numerator / denominator`, rounded down; `amount` when the fraction is whole or
/// more, zero when it is empty.
pub(crate) fn pro_rata<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
	amount: B,
	numerator: u128,
	denominator: u128,
) -> B {
	if numerator >= denominator {
		return amount;
	}
	multiply_by_rational_with_rounding(
		amount.saturated_into::<u128>(),
		numerator,
		denominator,
		Rounding::Down,
	)
	.map(B::saturated_from)
	.unwrap_or_else(Zero::zero)
}

/// `amount × value / total`, rounded down: what `amount` of an order worth `value` in the
/// native token for `total` of its currency is worth. Exactly `amount` when `value == total`
/// (an order in the native token, or one recorded before there were other currencies);
/// saturates at the largest balance.
pub(crate) fn value_of<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
	amount: B,
	value: B,
	total: B,
) -> B {
	if value == total {
		return amount;
	}
	if total.is_zero() {
		return Zero::zero();
	}
	multiply_by_rational_with_rounding(
		amount.saturated_into::<u128>(),
		value.saturated_into::<u128>(),
		total.saturated_into::<u128>(),
		Rounding::Down,
	)
	.map(B::saturated_from)
	.unwrap_or_else(B::max_value)
}

/// The part of a payout of `amount` (for `quantity` units, worth `value` in the native token)
/// that lies above `threshold`, given the agreement's progress before it. A revenue threshold
/// counts values: the part of the value above it is shared, and the same fraction of `amount`.
pub(crate) fn shared_part<B: sp_runtime::traits::AtLeast32BitUnsigned + Copy>(
	threshold: &Threshold<B>,
	progress: &Progress<B>,
	amount: B,
	value: B,
	quantity: u32,
) -> B {
	match *threshold {
		Threshold::Revenue(threshold) => {
			let before = progress.released.saturating_sub(progress.refunded);
			if value.is_zero() {
				// Worth nothing toward the threshold: shared once the threshold is reached.
				return if before >= threshold { amount } else { Zero::zero() };
			}
			let after = before.saturating_add(value);
			let above = after.saturating_sub(before.max(threshold)).min(value);
			pro_rata(amount, above.saturated_into::<u128>(), value.saturated_into::<u128>())
		},
		Threshold::Units(threshold) => {
			let before = progress.units;
			let after = before.saturating_add(u64::from(quantity));
			if after <= threshold || quantity == 0 {
				Zero::zero()
			} else {
				let above = after.saturating_sub(before.max(threshold));
				pro_rata(amount, u128::from(above), u128::from(quantity))
			}
		},
	}
}

impl<T: Config> Pallet<T> {
	/// How a payout of `amount` of `currency` for `order` divides, if the order was placed
	/// under an agreement that still exists. Reads state, writes none:
	/// [`PayoutSplitter::split`] and [`PayoutSplitter::paid`] compute the same plan in the same
	/// block.
	pub fn plan(
		order: OrderId,
		currency: &CurrencyOf<T>,
		amount: BalanceOf<T>,
	) -> Option<PlanOf<T>> {
		let placement = Placements::<T>::get(order)?;
		let agreement = Agreements::<T>::get(placement.agreement)?;
		let version = Versions::<T>::get(placement.agreement, placement.version)?;
		let value = value_of(amount, placement.value, placement.total);
		let shared = shared_part(
			&version.terms.threshold,
			&agreement.progress,
			amount,
			value,
			placement.quantity,
		);
		let mut to_beneficiaries = BalanceOf::<T>::zero();
		let mut shares = alloc::vec::Vec::with_capacity(version.terms.beneficiaries.len());
		for (beneficiary, share) in version.terms.beneficiaries.into_iter() {
			let gross = share.mul_floor(shared);
			let owed = if gross.is_zero() {
				Zero::zero()
			} else {
				Ledgers::<T>::get((placement.agreement, &beneficiary, currency))
					.map_or(Zero::zero(), |l| l.owed)
			};
			let netted = gross.min(owed);
			let amount = gross.saturating_sub(netted);
			to_beneficiaries.saturating_accrue(amount);
			let deliverable = amount.is_zero()
				|| T::Currency::can_deposit(
					currency.clone(),
					&beneficiary,
					amount,
					Provenance::Extant,
				) == DepositConsequence::Success;
			shares.push(Share { beneficiary, amount, netted, deliverable });
		}
		// The shares round down and add up to at most `shared` (at most 100% of it), which is
		// at most `amount`: the vendor's part cannot underflow.
		let to_vendor = amount.saturating_sub(to_beneficiaries);
		Some(PlanOf::<T> { placement, value, shared, to_vendor, shares })
	}

	/// Make sure the pot exists with the native token's existential deposit, so that any
	/// amount of it can be set aside there. Genesis calls this. (For an asset, the pot takes
	/// set-aside shares once it holds the asset's minimum balance: see [`Self::pot_can_hold`].)
	pub fn endow_pot() {
		let (pot, native) = (Self::pot(), T::NativeCurrency::get());
		let minimum = T::Currency::minimum_balance(native.clone());
		let free = T::Currency::balance(native.clone(), &pot);
		if free < minimum {
			let _ = T::Currency::mint_into(native, &pot, minimum.saturating_sub(free));
		}
	}

	/// Whether the pot can take `amount` of `currency` and keep it on hold: its account in
	/// that currency exists with the minimum balance free (holds keep it alive), and the
	/// deposit is accepted. A share the pot cannot hold is not set aside: escrow returns it to
	/// the buyer, as any payment that cannot be deposited.
	pub fn pot_can_hold(currency: &CurrencyOf<T>, amount: BalanceOf<T>) -> bool {
		let pot = Self::pot();
		T::Currency::balance(currency.clone(), &pot)
			>= T::Currency::minimum_balance(currency.clone())
			&& T::Currency::can_deposit(currency.clone(), &pot, amount, Provenance::Extant)
				== DepositConsequence::Success
	}

	/// Book a payout of `currency` escrow made by `plan`: `received` is what each payee
	/// actually got.
	fn book(
		order: OrderId,
		vendor: &T::AccountId,
		buyer: &T::AccountId,
		currency: &CurrencyOf<T>,
		plan: PlanOf<T>,
		received: &[(T::AccountId, BalanceOf<T>)],
	) {
		let id = plan.placement.agreement;
		let Some(mut agreement) = Agreements::<T>::get(id) else { return };
		let pot = Self::pot();
		let total = received
			.iter()
			.fold(BalanceOf::<T>::zero(), |sum, (_, amount)| sum.saturating_add(*amount));
		let aligned = received.len() == plan.shares.len().saturating_add(1)
			&& received.first().is_some_and(|(who, _)| who == vendor);
		let (mut to_beneficiaries, mut set_aside, mut netted) =
			(BalanceOf::<T>::zero(), BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		// What the sale credits each beneficiary, in the version's order: the most its refunds
		// may claw back. Nothing unless escrow paid by the plan.
		let mut credited = alloc::vec::Vec::new();
		if aligned {
			credited.resize(plan.shares.len(), BalanceOf::<T>::zero());
			for ((share, (payee, got)), credit) in
				plan.shares.iter().zip(received.iter().skip(1)).zip(credited.iter_mut())
			{
				if share.netted.is_zero() && got.is_zero() {
					continue;
				}
				*credit = got.saturating_add(share.netted);
				let key = (id, &share.beneficiary, currency);
				let mut ledger = Ledgers::<T>::get(key).unwrap_or_default();
				ledger.owed.saturating_reduce(share.netted);
				netted.saturating_accrue(share.netted);
				if payee == &pot && !got.is_zero() {
					let reason = HoldReason::Unclaimed.into();
					if T::Currency::hold(currency.clone(), &reason, &pot, *got).is_err() {
						frame_support::defensive!("the pot cannot hold a share paid into it");
					}
					ledger.claimable.saturating_accrue(*got);
					set_aside.saturating_accrue(*got);
				} else {
					ledger.received.saturating_accrue(*got);
					to_beneficiaries.saturating_accrue(*got);
				}
				Ledgers::<T>::insert(key, ledger);
			}
		}
		let to_vendor = total.saturating_sub(to_beneficiaries).saturating_sub(set_aside);
		// What was released counts toward the threshold at the order's own rate.
		let value = value_of(total, plan.placement.value, plan.placement.total);
		let progress = &mut agreement.progress;
		progress.released.saturating_accrue(value);
		progress.units.saturating_accrue(u64::from(plan.placement.quantity));
		Agreements::<T>::insert(id, agreement);
		Payouts::<T>::mutate(id, currency, |totals| {
			let totals = totals.get_or_insert_with(Default::default);
			totals.released.saturating_accrue(total);
			totals.to_vendor.saturating_accrue(to_vendor);
			totals.to_beneficiaries.saturating_accrue(to_beneficiaries);
			totals.claimable.saturating_accrue(set_aside);
		});
		if credited.iter().all(Zero::is_zero) {
			credited.clear();
		}
		Self::record_sale(order, vendor, buyer, currency, &plan, (total, value), credited);
		Self::deposit_event(Event::Split {
			order,
			agreement: id,
			version: plan.placement.version,
			currency: currency.clone(),
			shared: plan.shared,
			to_vendor,
			to_beneficiaries,
			set_aside,
			netted,
		});
	}

	/// Keep the sale refundable for `RefundWindow` blocks, if the vendor can hold its deposit,
	/// with what it credited each beneficiary (at most one entry per beneficiary of its
	/// version).
	fn record_sale(
		order: OrderId,
		vendor: &T::AccountId,
		buyer: &T::AccountId,
		currency: &CurrencyOf<T>,
		plan: &PlanOf<T>,
		(amount, value): (BalanceOf<T>, BalanceOf<T>),
		credited: alloc::vec::Vec<BalanceOf<T>>,
	) {
		let Ok(deposit) = T::SaleDeposit::new(vendor, Self::sale_footprint()) else { return };
		let until =
			frame_system::Pallet::<T>::block_number().saturating_add(T::RefundWindow::get());
		// Due at the first block after the window.
		deadlines::schedule::<SaleExpiries<T>, _, _>(until.saturating_add(1u32.into()), order);
		Sales::<T>::insert(
			order,
			Sale {
				agreement: plan.placement.agreement,
				version: plan.placement.version,
				vendor: vendor.clone(),
				buyer: buyer.clone(),
				currency: currency.clone(),
				amount,
				value,
				shared: plan.shared.min(amount),
				// One entry per share of the plan, at most `MaxBeneficiaries`: nothing is cut.
				credited: BoundedVec::truncate_from(credited),
				refunded: Zero::zero(),
				until,
				deposit,
			},
		);
	}

	/// The agreement that covers a new order of `vendor` from `listing`: the listing's own
	/// if one is in force, else the vendor's agreement for all its listings.
	pub fn covering(vendor: &T::AccountId, listing: ListingId) -> Option<crate::AgreementId> {
		[Scope::Listing(listing), Scope::AllListings].into_iter().find_map(|scope| {
			let id = LiveAgreement::<T>::get(vendor, scope)?;
			let agreement = Agreements::<T>::get(id)?;
			(agreement.current.is_some() && !Self::has_ended(&agreement)).then_some(id)
		})
	}
}

impl<T: Config> PayoutSplitter<T::AccountId, CurrencyOf<T>, BalanceOf<T>> for Pallet<T> {
	type MaxPayees = MaxPayeesOf<T>;

	fn split(
		order: OrderId,
		vendor: &T::AccountId,
		currency: &CurrencyOf<T>,
		amount: BalanceOf<T>,
	) -> Payees<T::AccountId, BalanceOf<T>, Self::MaxPayees> {
		let Some(plan) = Self::plan(order, currency, amount).filter(|_| !amount.is_zero()) else {
			return BoundedVec::truncate_from(alloc::vec![(vendor.clone(), amount)]);
		};
		let pot = Self::pot();
		let mut payees = alloc::vec::Vec::with_capacity(plan.shares.len().saturating_add(1));
		payees.push((vendor.clone(), plan.to_vendor));
		for share in plan.shares {
			// A share the beneficiary cannot receive waits in the pot, when the pot can hold
			// it; else it stays the beneficiary's, and escrow returns what it cannot deposit.
			let payee = if share.deliverable || !Self::pot_can_hold(currency, share.amount) {
				share.beneficiary
			} else {
				pot.clone()
			};
			payees.push((payee, share.amount));
		}
		// At most `MaxBeneficiaries + 1` entries: nothing is cut.
		BoundedVec::truncate_from(payees)
	}

	fn paid(
		order: OrderId,
		vendor: &T::AccountId,
		buyer: &T::AccountId,
		currency: &CurrencyOf<T>,
		amount: BalanceOf<T>,
		received: &[(T::AccountId, BalanceOf<T>)],
	) {
		if amount.is_zero() {
			return;
		}
		// The same plan `split` made for `amount`: nothing it reads has changed since.
		if let Some(plan) = Self::plan(order, currency, amount) {
			Self::book(order, vendor, buyer, currency, plan, received);
		}
	}

	fn weight() -> Weight {
		T::WeightInfo::payout(T::MaxBeneficiaries::get())
	}

	fn weight_of(order: OrderId) -> Weight {
		Placements::<T>::get(order)
			.map_or(Weight::zero(), |placement| T::WeightInfo::payout(placement.beneficiaries))
	}
}

impl<T: Config> OrderObserver<T::AccountId, BalanceOf<T>> for Pallet<T> {
	fn order_placed(
		vendor: &T::AccountId,
		order: OrderId,
		listing: ListingId,
		quantity: u32,
		total: BalanceOf<T>,
		value: BalanceOf<T>,
	) {
		let Some(id) = Self::covering(vendor, listing) else { return };
		let Some(version) = Agreements::<T>::mutate_extant(id, |agreement| {
			agreement.open_orders.saturating_inc();
			agreement.current
		}) else {
			return;
		};
		let beneficiaries = Versions::<T>::get(id, version)
			.map_or(0, |terms| terms.terms.beneficiaries.len() as u32);
		Placements::<T>::insert(
			order,
			Placement { agreement: id, version, quantity, beneficiaries, total, value },
		);
	}

	fn order_closed(report: &OrderReport<T::AccountId, BalanceOf<T>>) {
		if let Some(placement) = Placements::<T>::take(report.order) {
			Agreements::<T>::mutate_extant(placement.agreement, |agreement| {
				agreement.open_orders.saturating_dec();
			});
		}
	}
}
