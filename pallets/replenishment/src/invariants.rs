//! The pallet's storage invariants, checked by `try_state` (and by every test).

use crate::{
	BalanceOf, Config, CurrencyOf, DeadlineCursor, Deadlines, HoldReason, NextPurchaseOrderId,
	Pallet, PartyOrders, PoState, PurchaseOrders, ReorderRules,
};
use alloc::{collections::btree_map::BTreeMap, vec::Vec};
use codec::Encode;
use commerce_primitives::{accrue, currency::CurrencyHoldersOf, DepositAmount};
use frame_support::{ensure, traits::Get};
use sp_runtime::{
	traits::{CheckedMul, Zero},
	TryRuntimeError,
};

/// Sums keyed by the encoded `(currency, account)`: a currency need not be ordered.
type Sums<T> = BTreeMap<Vec<u8>, BalanceOf<T>>;

fn add<T: Config>(
	sums: &mut Sums<T>,
	currency: &CurrencyOf<T>,
	who: &T::AccountId,
	amount: BalanceOf<T>,
) {
	accrue(sums, (currency, who).encode(), amount);
}

fn holds<T: Config>(reason: HoldReason) -> Sums<T> {
	T::Holders::holders(&reason.into())
		.into_iter()
		.filter(|(_, _, amount)| !amount.is_zero())
		.map(|(currency, who, amount)| ((currency, who).encode(), amount))
		.collect()
}

impl<T: Config> Pallet<T> {
	/// Check every invariant of the pallet's storage.
	///
	/// 1. Ids are below the next id; `received <= shipped <= quantity <= ordered`; a request
	///    has nothing shipped; outside a dispute, `held` is exactly the price of the units not
	///    received.
	/// 2. The funds on hold for purchase orders equal the open purchase orders' `held`, per
	///    (currency, vendor); the deposits held equal the purchase orders' and rules' deposits
	///    (native token): no hold without its record, no record without its hold.
	/// 3. `PartyOrders` lists each open purchase order under its vendor and its supplier, and
	///    nothing else.
	/// 4. Each open purchase order has its deadline entry at its deadline (unless that block
	///    was drained already and it awaits `process_overdue`), and every entry belongs to
	///    one.
	/// 5. A rule's open purchase order exists, was raised by a rule, and is for its listing;
	///    a rule's quote is within its ceiling.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let next = NextPurchaseOrderId::<T>::get();
		let cursor = DeadlineCursor::<T>::get();
		let native = T::NativeCurrency::get();
		let mut held: Sums<T> = BTreeMap::new();
		let mut deposits: Sums<T> = BTreeMap::new();
		let mut count = 0u64;
		for (id, po) in PurchaseOrders::<T>::iter() {
			count += 1;
			ensure!(id < next, "purchase order id at or above NextPurchaseOrderId");
			ensure!(
				po.received <= po.shipped && po.shipped <= po.quantity && po.quantity <= po.ordered,
				"received <= shipped <= quantity <= ordered does not hold"
			);
			match po.state {
				PoState::Requested { accept_by } => {
					ensure!(po.shipped == 0, "a request has shipments");
					ensure!(po.deadline == accept_by, "a request's deadline is not its accept-by");
				},
				PoState::Accepted { .. } => {},
				PoState::Disputed { rule_by } => {
					ensure!(po.deadline == rule_by, "a dispute's deadline is not its rule-by");
				},
			}
			if !matches!(po.state, PoState::Disputed { .. }) {
				let unreceived: BalanceOf<T> = po.quantity.saturating_sub(po.received).into();
				let due = po.unit_price.checked_mul(&unreceived).ok_or("amount overflows")?;
				ensure!(po.held == due, "held is not the price of the units not received");
			}
			add::<T>(&mut held, &po.currency, &po.vendor, po.held);
			add::<T>(&mut deposits, &native, &po.vendor, po.deposit.deposit_amount());
			ensure!(PartyOrders::<T>::contains_key(&po.vendor, id), "vendor index missing");
			ensure!(PartyOrders::<T>::contains_key(&po.supplier, id), "supplier index missing");
			ensure!(
				Deadlines::<T>::contains_key(po.deadline, id) || po.deadline < cursor,
				"an open purchase order has no deadline entry"
			);
		}
		for (listing, rule) in ReorderRules::<T>::iter() {
			add::<T>(&mut deposits, &native, &rule.vendor, rule.deposit.deposit_amount());
			if let Some(id) = rule.open {
				let po =
					PurchaseOrders::<T>::get(id).ok_or("a rule's open purchase order is gone")?;
				ensure!(po.by_rule && po.listing == listing, "a rule's open order is not its own");
			}
			if let Some(quote) = rule.quote {
				ensure!(quote <= rule.max_unit_price, "a quote above its rule's ceiling");
			}
		}
		ensure!(held == holds::<T>(HoldReason::PurchaseOrder), "purchase order holds differ");
		ensure!(deposits == holds::<T>(HoldReason::Deposit), "deposit holds differ");
		let mut indexed = 0u64;
		for (who, id) in PartyOrders::<T>::iter_keys() {
			indexed += 1;
			let po = PurchaseOrders::<T>::get(id).ok_or("index of a closed purchase order")?;
			ensure!(po.vendor == who || po.supplier == who, "index under a non-party");
		}
		ensure!(indexed == count * 2, "index entries are not two per purchase order");
		for (at, id) in Deadlines::<T>::iter_keys() {
			let po = PurchaseOrders::<T>::get(id).ok_or("deadline of a closed purchase order")?;
			ensure!(po.deadline == at, "a deadline entry at another block");
		}
		Ok(())
	}
}
