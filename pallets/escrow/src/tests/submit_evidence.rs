use super::*;
use crate::Error;
use frame_support::assert_noop;

#[test]
fn each_party_keeps_its_latest_evidence() {
	run(|| {
		disputed(1);
		assert_ok!(Escrow::submit_evidence(RuntimeOrigin::signed(VENDOR), 1, [1; 32]));
		assert_ok!(Escrow::submit_evidence(RuntimeOrigin::signed(BUYER), 1, [2; 32]));
		let dispute = Disputes::<Test>::get(1).unwrap();
		assert_eq!(
			(dispute.buyer_evidence, dispute.vendor_evidence),
			(Some([2; 32]), Some([1; 32]))
		);
		assert_eq!(
			last_event(),
			Event::EvidenceSubmitted { order: 1, by: BUYER, evidence: [2; 32] }
		);
	});
}

#[test]
fn only_parties_of_an_open_dispute() {
	run(|| {
		shipped(1);
		assert_noop!(
			Escrow::submit_evidence(RuntimeOrigin::signed(BUYER), 1, [1; 32]),
			Error::<Test>::DisputeNotFound
		);
		assert_ok!(Escrow::open_dispute(RuntimeOrigin::signed(BUYER), 1, EVIDENCE));
		assert_noop!(
			Escrow::submit_evidence(RuntimeOrigin::signed(OTHER), 1, [1; 32]),
			Error::<Test>::NotAParty
		);
	});
}
