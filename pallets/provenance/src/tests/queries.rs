use super::*;
use crate::gs1::BatchKey;

#[test]
fn a_batch_is_found_from_its_qr_code_and_its_history_is_paged() {
	run(|| {
		register_all();
		let batch = commission(b"LOT/7");
		let key = BatchKey::parse(GTIN, b"LOT/7", None).unwrap();
		assert_eq!(key.digital_link_path(), b"/01/04006381333931/10/LOT%2F7".to_vec());
		let found = Provenance::batch_by_digital_link(
			b"https://id.example.com/01/04006381333931/10/LOT%2F7?x=1",
		);
		assert_eq!(found.map(|(id, _)| id), Some(batch));
		assert!(Provenance::batch_by_digital_link(b"/01/04006381333931/10/LOT8").is_none());
		assert!(Provenance::batch_by_digital_link(b"not a link").is_none());
		for _ in 0..4 {
			assert_ok!(Provenance::record(
				RuntimeOrigin::signed(PRODUCER),
				batch,
				crate::BizStep::Storing,
				details()
			));
		}
		let page = Provenance::history(batch, 2, 2);
		assert_eq!(page.iter().map(|(id, _, _)| *id).collect::<Vec<_>>(), vec![2, 3]);
		assert_eq!(Provenance::history(batch, 4, 10).len(), 1);
		assert!(Provenance::history(batch, 5, 10).is_empty());
		assert!(Provenance::history(99, 0, 10).is_empty());
	});
}

#[test]
fn orders_and_batches_are_found_both_ways() {
	run(|| {
		register_all();
		let batch = commission(b"L1");
		let handover = ship(PRODUCER, batch, RETAILER);
		receive(RETAILER, batch, handover);
		assert_ok!(Provenance::ship(
			RuntimeOrigin::signed(RETAILER),
			batch,
			BUYER,
			Some(ORDER),
			details()
		));
		assert_eq!(Provenance::batches_of_order(ORDER), vec![batch]);
		assert_eq!(Provenance::orders_of_batch(batch), vec![ORDER]);
		assert!(Provenance::batches_of_order(ORDER + 1).is_empty());
	});
}
