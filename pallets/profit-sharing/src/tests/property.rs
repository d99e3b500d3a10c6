//! Property: for random shares, thresholds, amounts, refunds and undeliverable beneficiaries,
//! every payout's parts add up to the payout exactly, and the invariants hold throughout.

use super::*;

/// A small deterministic generator (xorshift64*), so that a failure is reproducible.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}
}

#[test]
fn every_payout_adds_up_to_the_planck() {
	for seed in 1..=60u64 {
		run(|| {
			let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
			let candidates = [SUPPLIER, SUPPLIER2, SUPPLIER3, NOBODY];
			let n = 1 + rng.below(MAX_BENEFICIARIES as u64) as usize;
			let mut left = 1_000_000_000u64;
			let mut beneficiaries = Vec::new();
			for who in candidates.iter().take(n) {
				let share = 1 + rng.below(left / 2 + 1);
				left -= share.min(left);
				beneficiaries.push((*who, Perbill::from_parts(share as u32)));
			}
			let threshold = if rng.below(2) == 0 {
				Threshold::Revenue(rng.below(50_000))
			} else {
				Threshold::Units(rng.below(40))
			};
			let id = agreement(&beneficiaries, threshold);
			for order in 1..=30u64 {
				let amount = rng.below(20_000);
				let quantity = 1 + rng.below(5) as u32;
				place(order, VENDOR, LISTING, quantity);
				let received = pay(order, BUYER, VENDOR, amount);
				let paid: Balance = received.iter().map(|(_, got)| got).sum();
				assert_eq!(paid, amount, "seed {seed}, order {order}");
				if amount > 0 && rng.below(4) == 0 {
					let refund = 1 + rng.below(amount);
					assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), order, refund));
				}
				ProfitSharing::do_try_state().expect("invariants hold");
			}
			let t = totals(id);
			assert_eq!(t.to_vendor + t.to_beneficiaries + t.claimable, t.released);
		});
	}
}
