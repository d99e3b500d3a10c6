//! `claim`: set-aside shares paid to their beneficiary once it can receive.

use super::*;
use crate::Error;

#[test]
fn anyone_claims_for_the_beneficiary_once_it_can_receive() {
	run(|| {
		let id = agreement(&[(NOBODY, Perbill::from_percent(5))], Threshold::Revenue(0));
		sell(1, 1, 100);
		sell(2, 1, 100);
		assert_eq!(ledger(id, NOBODY).claimable, 10);
		// 10 reaches the existential deposit: it can be claimed now, by anyone, for NOBODY.
		assert_noop!(
			ProfitSharing::claim(signed(BUYER), id, SUPPLIER, CMRC),
			Error::<Test>::NothingToClaim
		);
		assert_ok!(ProfitSharing::claim(signed(BUYER), id, NOBODY, CMRC));
		assert_eq!(free(NOBODY), 10);
		assert_eq!(ledger(id, NOBODY), Ledger { received: 10, claimable: 0, owed: 0 });
		let t = totals(id);
		assert_eq!((t.to_beneficiaries, t.claimable), (10, 0));
		assert_eq!(
			last_event(),
			Event::Claimed { agreement: id, beneficiary: NOBODY, currency: CMRC, amount: 10 }
		);
		assert_noop!(
			ProfitSharing::claim(signed(BUYER), id, NOBODY, CMRC),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn a_claim_below_the_existential_deposit_waits() {
	run(|| {
		let id = agreement(&[(NOBODY, Perbill::from_percent(5))], Threshold::Revenue(0));
		sell(1, 1, 100);
		assert_noop!(
			ProfitSharing::claim(signed(BUYER), id, NOBODY, CMRC),
			Error::<Test>::CannotReceive
		);
		assert_ok!(<Balances as Mutate<_>>::transfer(
			&BUYER,
			&NOBODY,
			ED,
			Preservation::Expendable
		));
		assert_ok!(ProfitSharing::claim(signed(NOBODY), id, NOBODY, CMRC));
		assert_eq!(free(NOBODY), ED + 5);
	});
}
