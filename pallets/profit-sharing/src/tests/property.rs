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

/// What each candidate beneficiary has of agreement `id`: `(received, claimable, owed)`.
fn positions(id: u32, who: &[AccountId]) -> Vec<(Balance, Balance, Balance)> {
	who.iter()
		.map(|w| {
			let l = ledger(id, *w);
			(l.received, l.claimable, l.owed)
		})
		.collect()
}

/// Property (issue 21, attack 2): with random version changes between sales (random
/// beneficiaries, shares and thresholds of both kinds) and random refunds of any sale still
/// refundable (partial, repeated, in any order), no refund ever claws back from a beneficiary
/// more than the refunded sale credited it (paid, set aside or netted, measured on the ledgers),
/// and a sale wholly refunded claws back exactly that. The sale record's credits match the
/// ledgers, and the invariants hold after every step.
#[test]
fn refunds_claw_back_at_most_what_their_sale_credited() {
	use std::collections::BTreeMap;
	let candidates = [SUPPLIER, SUPPLIER2, SUPPLIER3, NOBODY];
	for seed in 1..=60u64 {
		run(|| {
			let mut rng = Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x0123_4567);
			let random_terms = |rng: &mut Rng| {
				let n = 1 + rng.below(candidates.len() as u64) as usize;
				let beneficiaries: Vec<_> = candidates
					.iter()
					.take(n)
					.map(|who| (*who, Perbill::from_percent(1 + rng.below(24) as u32)))
					.collect();
				let threshold = if rng.below(3) == 0 {
					Threshold::Units(rng.below(30))
				} else {
					Threshold::Revenue(rng.below(60_000))
				};
				(beneficiaries, threshold)
			};
			let (beneficiaries, threshold) = random_terms(&mut rng);
			let id = agreement(&beneficiaries, threshold);
			let mut versions = 1;
			// Per sale: what it credited each candidate, and what its refunds clawed back.
			let mut credited: BTreeMap<u64, Vec<Balance>> = BTreeMap::new();
			let mut clawed: BTreeMap<u64, Vec<Balance>> = BTreeMap::new();
			for order in 1..=30u64 {
				if versions < MAX_VERSIONS && rng.below(4) == 0 {
					let (beneficiaries, threshold) = random_terms(&mut rng);
					assert_ok!(ProfitSharing::propose_change(
						signed(VENDOR),
						id,
						terms(&beneficiaries, threshold)
					));
					accept_all(id);
					versions += 1;
				}
				let amount = 1 + rng.below(20_000);
				let before = positions(id, &candidates);
				place(order, VENDOR, LISTING, 1 + rng.below(5) as u32);
				pay(order, BUYER, VENDOR, amount);
				let after = positions(id, &candidates);
				let credit: Vec<Balance> = before
					.iter()
					.zip(after.iter())
					.map(|(b, a)| (a.0 - b.0) + (a.1 - b.1) + (b.2 - a.2))
					.collect();
				// The record holds the same credits, in its version's order.
				let sale = Sales::<Test>::get(order).expect("a sale record");
				let version = Versions::<Test>::get(id, sale.version).unwrap();
				for (i, who) in candidates.iter().enumerate() {
					let recorded = version
						.terms
						.beneficiaries
						.iter()
						.zip(sale.credited.iter())
						.find(|((b, _), _)| b == who)
						.map_or(0, |(_, c)| *c);
					assert_eq!(recorded, credit[i], "seed {seed}, order {order}, {who}");
				}
				credited.insert(order, credit);
				clawed.insert(order, vec![0; candidates.len()]);
				for _ in 0..rng.below(3) {
					let target = 1 + rng.below(order);
					let sale = Sales::<Test>::get(target).unwrap();
					let left = sale.amount - sale.refunded;
					if left == 0 {
						continue;
					}
					let refund = if rng.below(3) == 0 { left } else { 1 + rng.below(left) };
					let before = positions(id, &candidates);
					assert_ok!(ProfitSharing::refund_sale(signed(VENDOR), target, refund));
					let after = positions(id, &candidates);
					let whole = refund == left;
					for i in 0..candidates.len() {
						assert_eq!((before[i].0, before[i].1), (after[i].0, after[i].1));
						let taken = &mut clawed.get_mut(&target).unwrap()[i];
						*taken += after[i].2 - before[i].2;
						let gave = credited[&target][i];
						assert!(
							*taken <= gave,
							"seed {seed}: sale {target} clawed {taken} of {gave} back"
						);
						if whole {
							assert_eq!(*taken, gave, "seed {seed}: sale {target} wholly refunded");
						}
					}
					ProfitSharing::do_try_state().expect("invariants hold");
				}
				ProfitSharing::do_try_state().expect("invariants hold");
			}
		});
	}
}
