//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	AccountOrders, BalanceOf, Config, DeadlineCursor, Deadlines, HoldReason, Listings,
	MinConfirmWindow, NextListingId, NextOrderId, OrderState, Orders, Pallet, SealedDeliveries,
};
use alloc::collections::btree_map::BTreeMap;
use commerce_primitives::{currency::CurrencyHoldersOf, DepositAmount, Escrow, ListingId};
use frame_support::{ensure, traits::Get};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	TryRuntimeError,
};

type Sums<T> =
	BTreeMap<(<T as Config>::CurrencyId, <T as frame_system::Config>::AccountId), BalanceOf<T>>;

fn add<T: Config>(
	sums: &mut Sums<T>,
	currency: &T::CurrencyId,
	who: &T::AccountId,
	amount: BalanceOf<T>,
) -> Result<(), TryRuntimeError> {
	if amount.is_zero() {
		return Ok(());
	}
	let entry = sums.entry((currency.clone(), who.clone())).or_default();
	*entry = entry.checked_add(&amount).ok_or("deposit sum overflows")?;
	Ok(())
}

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. Each listing's `reserved` equals the quantities of its paid (unshipped) orders, and
	///    each open order's listing exists while the order is paid.
	/// 2. Escrow holds exactly each open order's `total - refunded`; partial refunds only happen
	///    after shipment and never reach the total.
	/// 3. Ids are below the next ids.
	/// 4. `AccountOrders` lists each open order under its buyer and its vendor, and nothing
	///    else.
	/// 5. Each open order that is not disputed has its deadline entry (unless that block was
	///    drained already and the order awaits `process_overdue`); a disputed order has none;
	///    every entry belongs to an open order with that deadline.
	/// 6. Every account with funds on hold for listing deposits holds exactly its listings'
	///    deposits (in the native token), and likewise for order deposits, per currency: no
	///    deposit without its hold, no hold without its record.
	/// 7. The minimum confirm window is within `1..=MaxWindow`.
	/// 8. Every sealed delivery address belongs to an open order and is not empty: none
	///    outlives its order.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next_order = NextOrderId::<T>::get();
		let next_listing = NextListingId::<T>::get();
		let cursor = DeadlineCursor::<T>::get();
		let mut reserved: BTreeMap<ListingId, u32> = BTreeMap::new();
		let mut order_deposits: Sums<T> = BTreeMap::new();
		let mut orders = 0u64;

		for (id, order) in Orders::<T>::iter() {
			orders += 1;
			ensure!(id < next_order, "order id at or above NextOrderId");
			ensure!(order.refunded < order.total, "an open order is refunded in full");
			ensure!(
				order.state != OrderState::Paid || order.refunded.is_zero(),
				"a paid order was refunded in part"
			);
			ensure!(
				T::Escrow::escrowed(id) == Some(order.total.saturating_sub(order.refunded)),
				"escrow does not hold the order's total less its refunds"
			);
			ensure!(
				T::Escrow::currency_of(id).as_ref() == Some(&order.currency),
				"escrow holds the order in another currency"
			);
			// A shipped order may outlive its delisted listing; a paid one may not (below).
			let listing = Listings::<T>::get(order.listing);
			ensure!(
				listing.as_ref().is_none_or(|l| l.currency == order.currency),
				"an order in another currency than its listing"
			);
			let expected_total: Option<BalanceOf<T>> =
				Self::total_of(order.quantity, order.unit_price).ok();
			ensure!(
				expected_total == Some(order.total),
				"order total is not quantity * unit price"
			);
			ensure!(
				AccountOrders::<T>::contains_key(&order.buyer, id),
				"order missing from buyer index"
			);
			ensure!(
				AccountOrders::<T>::contains_key(&order.vendor, id),
				"order missing from vendor index"
			);
			if order.state == OrderState::Paid {
				ensure!(listing.is_some(), "paid order of a removed listing");
				let entry = reserved.entry(order.listing).or_default();
				*entry = entry.checked_add(order.quantity).ok_or("reserved overflows")?;
			}
			let queued = Deadlines::<T>::contains_key(order.deadline, id);
			if order.state == OrderState::Disputed {
				ensure!(!queued, "a disputed order still has a deadline entry");
			} else if order.deadline >= cursor {
				ensure!(queued, "open order missing from the deadlines");
			}
			add::<T>(&mut order_deposits, &order.currency, &order.buyer, order.deposit)?;
		}
		for (at, id, ()) in Deadlines::<T>::iter() {
			ensure!(
				Orders::<T>::get(id).is_some_and(
					|order| order.deadline == at && order.state != OrderState::Disputed
				),
				"a deadline entry without its open order"
			);
		}

		let index_entries = AccountOrders::<T>::iter_keys().count() as u64;
		ensure!(index_entries == orders.saturating_mul(2), "AccountOrders has stale entries");

		let native = T::NativeCurrency::get();
		let mut listing_deposits: Sums<T> = BTreeMap::new();
		for (id, listing) in Listings::<T>::iter() {
			ensure!(id < next_listing, "listing id at or above NextListingId");
			ensure!(
				listing.reserved == reserved.get(&id).copied().unwrap_or_default(),
				"listing reserved units differ from its paid orders"
			);
			add::<T>(
				&mut listing_deposits,
				&native,
				&listing.vendor,
				listing.deposit.deposit_amount(),
			)?;
		}

		let held = |reason: HoldReason| -> Sums<T> {
			T::Holders::holders(&reason.into())
				.into_iter()
				.map(|(currency, who, amount)| ((currency, who), amount))
				.collect()
		};
		ensure!(
			held(HoldReason::ListingDeposit) == listing_deposits,
			"funds on hold for listing deposits differ from the listings' deposits"
		);
		ensure!(
			held(HoldReason::OrderDeposit) == order_deposits,
			"funds on hold for order deposits differ from the orders' deposits"
		);
		for (id, sealed) in SealedDeliveries::<T>::iter() {
			ensure!(Orders::<T>::contains_key(id), "a sealed delivery address without its order");
			ensure!(!sealed.is_empty(), "an empty sealed delivery address");
		}
		let min_confirm = MinConfirmWindow::<T>::get();
		ensure!(
			!min_confirm.is_zero() && min_confirm <= T::MaxWindow::get(),
			"minimum confirm window outside 1..=MaxWindow"
		);
		Ok(())
	}
}
