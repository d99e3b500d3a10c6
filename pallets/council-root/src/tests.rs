//! Tests of `dispatch_as_root`.

use crate::{mock::*, Event};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo};
use sp_runtime::{traits::Dispatchable, DispatchError};

fn set_storage_call(key: &[u8], value: &[u8]) -> Box<RuntimeCall> {
	Box::new(RuntimeCall::System(frame_system::Call::set_storage {
		items: vec![(key.to_vec(), value.to_vec())],
	}))
}

mod dispatch_as_root {
	use super::*;

	#[test]
	fn dispatches_root_only_call_for_the_root_origin() {
		new_test_ext().execute_with(|| {
			assert_ok!(CouncilRoot::dispatch_as_root(
				RuntimeOrigin::signed(1),
				set_storage_call(b"key", b"value")
			));
			assert_eq!(sp_io::storage::get(b"key").as_deref(), Some(&b"value"[..]));
			System::assert_last_event(Event::RootDispatched { result: Ok(()) }.into());
		});
	}

	#[test]
	fn rejects_other_signed_origins_and_changes_nothing() {
		new_test_ext().execute_with(|| {
			assert_noop!(
				CouncilRoot::dispatch_as_root(
					RuntimeOrigin::signed(2),
					set_storage_call(b"key", b"value")
				),
				DispatchError::BadOrigin
			);
			assert_eq!(sp_io::storage::get(b"key"), None);
		});
	}

	#[test]
	fn rejects_root_and_none_origins() {
		// Root itself does not satisfy the council origin: the pallet is not a second sudo.
		new_test_ext().execute_with(|| {
			assert_noop!(
				CouncilRoot::dispatch_as_root(RuntimeOrigin::root(), set_storage_call(b"k", b"v")),
				DispatchError::BadOrigin
			);
			assert_noop!(
				CouncilRoot::dispatch_as_root(RuntimeOrigin::none(), set_storage_call(b"k", b"v")),
				DispatchError::BadOrigin
			);
		});
	}

	#[test]
	fn reports_a_failing_inner_call_in_the_event() {
		new_test_ext().execute_with(|| {
			// A call that fails even for root: nothing has been authorized.
			let inner =
				Box::new(RuntimeCall::System(frame_system::Call::apply_authorized_upgrade {
					code: vec![1, 2, 3],
				}));
			assert_ok!(CouncilRoot::dispatch_as_root(RuntimeOrigin::signed(1), inner));
			System::assert_last_event(
				Event::RootDispatched {
					result: Err(frame_system::Error::<Test>::NothingAuthorized.into()),
				}
				.into(),
			);
		});
	}

	#[test]
	fn weight_is_overhead_plus_inner_call() {
		new_test_ext().execute_with(|| {
			let inner = set_storage_call(b"key", b"value");
			let inner_weight = inner.get_dispatch_info().call_weight;
			let outer = RuntimeCall::CouncilRoot(crate::Call::dispatch_as_root { call: inner });
			let expected = <() as crate::WeightInfo>::dispatch_as_root() + inner_weight;
			assert_eq!(outer.get_dispatch_info().call_weight, expected);
			assert_ok!(outer.dispatch(RuntimeOrigin::signed(1)));
		});
	}
}
