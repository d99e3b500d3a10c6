//! Replenishment in the real runtime: an order that takes a listing to its reorder point raises
//! a purchase order in the same dispatch (and is charged for it), paid in a stablecoin from the
//! vendor's hold to the supplier on receipt, which restocks the listing.

use super::*;
use crate::{
	configs::CurrencyId, genesis_config_presets::DEV_STABLECOIN_ID, Orders, Replenishment,
	RuntimeOrigin, MINUTES, UNIT,
};
use commerce_primitives::Replenisher;
use frame_support::{
	assert_ok,
	traits::fungibles::{Inspect, InspectHold},
};
use pallet_replenishment::{HoldReason, PoOutcome, PurchaseOrders};

const PRICE: Balance = 40 * UNIT;
/// cUSD has 6 decimals; the council's rate is 1 CMRC (12 decimals) per cUSD unit (1e-6).
const CUSD: Balance = 1_000_000;

fn cusd() -> CurrencyId {
	CurrencyId::WithId(DEV_STABLECOIN_ID)
}

fn check_invariants() {
	Orders::do_try_state().expect("orders invariants");
	Replenishment::do_try_state().expect("replenishment invariants");
}

fn cusd_of(who: Sr25519Keyring) -> Balance {
	crate::configs::NativeAndAssets::balance(cusd(), &who.to_account_id())
}

#[test]
fn a_sale_through_the_point_raises_a_purchase_order_that_restocks_on_receipt() {
	development_ext().execute_with(|| {
		let (dave, charlie, eve) =
			(Sr25519Keyring::Dave, Sr25519Keyring::Charlie, Sr25519Keyring::Eve);
		assert_ok!(crate::AssetRate::create(
			RuntimeOrigin::root(),
			Box::new(DEV_STABLECOIN_ID),
			sp_runtime::FixedU128::from_u32(1_000_000)
		));
		assert_ok!(Orders::create_listing(
			origin(dave),
			CMRC,
			PRICE,
			5,
			b"ipfs://x".to_vec(),
			MINUTES,
			MINUTES
		));
		// Reorder 20 at 2 or fewer, from Charlie, at most 30 cUSD a unit; Charlie quotes 25.
		assert_ok!(Replenishment::set_reorder_rule(
			origin(dave),
			0,
			charlie.to_account_id(),
			cusd(),
			2,
			20,
			30 * CUSD,
			MINUTES
		));
		assert_ok!(Replenishment::quote(origin(charlie), 0, Some(25 * CUSD)));
		check_invariants();
		let (dave_cusd, charlie_cusd) = (cusd_of(dave), cusd_of(charlie));

		// 5 -> 3: above the point; charged the order and one read of the rule, not the
		// replenisher's worst case.
		let read = <Runtime as frame_system::Config>::DbWeight::get().reads(1);
		let base = Orders::place_order(origin(eve), 0, 2, PRICE, CMRC).unwrap().actual_weight;
		assert!(PurchaseOrders::<Runtime>::iter().next().is_none());
		// 3 -> 2: the same dispatch raises purchase order 0 and is charged for it.
		let crossed = Orders::place_order(origin(eve), 0, 1, PRICE, CMRC).unwrap().actual_weight;
		assert_eq!(crossed, base.map(|w| w - read + Replenishment::max_weight()));
		let po = PurchaseOrders::<Runtime>::get(0).expect("raised");
		assert!(po.by_rule);
		assert_eq!((po.quantity, po.unit_price, po.currency), (20, 25 * CUSD, cusd()));
		let total = 20 * 25 * CUSD;
		assert_eq!(cusd_of(dave), dave_cusd - total);
		assert_eq!(
			crate::configs::NativeAndAssets::balance_on_hold(
				cusd(),
				&HoldReason::PurchaseOrder.into(),
				&dave.to_account_id()
			),
			total
		);
		check_invariants();

		assert_ok!(Replenishment::accept_purchase_order(origin(charlie), 0));
		assert_ok!(Replenishment::ship_purchase_order(origin(charlie), 0, 20, None));
		assert_ok!(Replenishment::receive_purchase_order(origin(dave), 0, 20));
		check_invariants();
		assert!(PurchaseOrders::<Runtime>::get(0).is_none());
		assert_eq!(pallet_orders::Listings::<Runtime>::get(0).unwrap().stock, 22);
		assert_eq!(cusd_of(charlie), charlie_cusd + total);
		assert_eq!(cusd_of(dave), dave_cusd - total);
		assert!(System::events().iter().any(|record| matches!(
			&record.event,
			crate::RuntimeEvent::Replenishment(pallet_replenishment::Event::PurchaseOrderClosed {
				purchase_order: 0,
				outcome: PoOutcome::Completed,
				..
			})
		)));
		// The rule is free again: the next sale through the point raises the next one.
		assert_eq!(pallet_replenishment::ReorderRules::<Runtime>::get(0).unwrap().open, None);
	});
}

#[test]
fn the_runtime_api_lists_both_parties_purchase_orders_and_the_suppliers_rates() {
	development_ext().execute_with(|| {
		let (dave, charlie) = (Sr25519Keyring::Dave, Sr25519Keyring::Charlie);
		assert_ok!(Orders::create_listing(
			origin(dave),
			CMRC,
			PRICE,
			5,
			b"ipfs://x".to_vec(),
			MINUTES,
			MINUTES
		));
		assert_ok!(Replenishment::create_purchase_order(
			origin(dave),
			charlie.to_account_id(),
			0,
			CMRC,
			10,
			UNIT,
			MINUTES
		));
		use commerce_primitives::runtime_api::runtime_decl_for_replenishment_api::ReplenishmentApiV1;
		for who in [dave, charlie] {
			let page = <Runtime as ReplenishmentApiV1<_, _, _, _, _>>::purchase_orders_of(
				who.to_account_id(),
				None,
				10,
			);
			assert_eq!(page.len(), 1);
		}
		let performance = <Runtime as ReplenishmentApiV1<_, _, _, _, _>>::supplier_performance(
			charlie.to_account_id(),
		);
		assert_eq!(performance.record.requested, 1);
		assert_eq!(performance.fill_rate, None);
	});
}
