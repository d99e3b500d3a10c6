//! Tests, one module per call, plus attacks and the runtime-API reads. Every test ends with
//! `try_state` (see `mock::run`).

mod aggregate;
mod attacks;
mod commission;
mod correct;
mod queries;
mod record;
mod register_attester;
mod ship_receive;
mod transform;

use crate::{mock::*, pallet::*, BatchId, Details, DetailsOf, EventId, Roles};
use frame_support::{assert_ok, traits::fungible::InspectHold, BoundedVec};

/// A GTIN-13 of company prefix 4006381 (GS1's example).
pub const GTIN: &[u8] = b"4006381333931";
/// Another company's GTIN (prefix 950600).
pub const OTHER_GTIN: &[u8] = b"9506000134352";
/// A valid GLN.
pub const GLN: &[u8] = b"9501101020917";

pub fn details() -> DetailsOf<Test> {
	Details {
		event_time: NOW_MS - 1_000,
		time_zone_offset: 60,
		disposition: crate::Disposition::Active,
		read_point: Some(crate::gs1::Gln::parse(GLN).unwrap()),
		biz_location: None,
		readings: BoundedVec::new(),
		documents: BoundedVec::new(),
	}
}

pub fn bounded<const N: u32>(bytes: &[u8]) -> BoundedVec<u8, frame_support::traits::ConstU32<N>> {
	bytes.to_vec().try_into().unwrap()
}

pub fn register(who: AccountId, roles: Roles) {
	assert_ok!(Provenance::register_attester(
		RuntimeOrigin::signed(GOVERNANCE),
		who,
		roles,
		BoundedVec::new(),
		1_000
	));
}

/// The usual cast: a producer, a carrier, a warehouse, an inspector, a retailer, and a
/// producer scoped to company prefix 4006381.
pub fn register_all() {
	register(PRODUCER, Roles::PRODUCER);
	register(CARRIER, Roles::CARRIER);
	register(WAREHOUSE, Roles::WAREHOUSE);
	register(INSPECTOR, Roles::INSPECTOR);
	register(RETAILER, Roles::RETAILER);
	assert_ok!(Provenance::register_attester(
		RuntimeOrigin::signed(GOVERNANCE),
		SCOPED,
		Roles::PRODUCER,
		vec![bounded::<12>(b"4006381")].try_into().unwrap(),
		1_000
	));
}

/// `PRODUCER` commissions lot `lot` of `GTIN`; the batch's id.
pub fn commission(lot: &[u8]) -> BatchId {
	let id = NextBatchId::<Test>::get();
	assert_ok!(Provenance::commission(
		RuntimeOrigin::signed(PRODUCER),
		bounded::<14>(GTIN),
		bounded::<20>(lot),
		None,
		details()
	));
	id
}

/// The id the next event gets.
pub fn next_event() -> EventId {
	NextEventId::<Test>::get()
}

/// `from` ships `batch` to `to`; the shipping event's id.
pub fn ship(from: AccountId, batch: BatchId, to: AccountId) -> EventId {
	let id = next_event();
	assert_ok!(Provenance::ship(RuntimeOrigin::signed(from), batch, to, None, details()));
	id
}

/// `to` receives `batch` shipped by event `shipping`.
pub fn receive(to: AccountId, batch: BatchId, shipping: EventId) {
	assert_ok!(Provenance::receive(RuntimeOrigin::signed(to), batch, shipping, details()));
}

pub fn event_hold(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::EventDeposit.into(), &who)
}

pub fn batch_hold(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::BatchDeposit.into(), &who)
}

pub fn custodian(batch: BatchId) -> AccountId {
	Batches::<Test>::get(batch).unwrap().custodian
}
