//! Replacement tenders: sealed bids (commit, reveal), scoring, and the award.

use crate::{
	ActivePolicy, BalanceOf, Bid, BidOf, Bids, Config, Error, Event, HoldReason, ListingTenders,
	NextTenderId, Pallet, Performance, Tender, TenderId, TenderOf, Tenders, VendorStatus, Vendors,
};
use alloc::vec::Vec;
use codec::Encode;
use commerce_primitives::{ListingId, ListingProvider};
use frame_support::{
	ensure,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{One, Saturating, Zero},
	DispatchResult, Perbill, SaturatedConversion,
};

/// The KPI score of a bidder without a judged period: neither rewarded nor punished.
const NEUTRAL_KPI: Perbill = Perbill::from_percent(50);

impl<T: Config> Pallet<T> {
	/// Open a tender for `listing`: with `terms` (quantity, longest ship window) by the vetting
	/// body, or, without, as the replacement of a suspended vendor's listing by `opener`, who
	/// holds the tender rules' deposit until the tender closes.
	pub(crate) fn do_open_tender(
		listing: ListingId,
		terms: Option<(u32, BlockNumberFor<T>)>,
		opener: Option<T::AccountId>,
	) -> DispatchResult {
		let current = T::Listings::terms(listing).ok_or(Error::<T>::ListingNotFound)?;
		ensure!(!ListingTenders::<T>::contains_key(listing), Error::<T>::TenderAlreadyOpen);
		let (quantity, max_ship_window) = match terms {
			Some(terms) => terms,
			None => {
				let suspended = Vendors::<T>::get(&current.vendor)
					.is_some_and(|vendor| vendor.status == VendorStatus::Suspended);
				ensure!(suspended, Error::<T>::VendorNotSuspended);
				(current.stock, current.ship_window)
			},
		};
		ensure!(quantity > 0 && !max_ship_window.is_zero(), Error::<T>::InvalidTerms);
		let rules = ActivePolicy::<T>::get().ok_or(Error::<T>::NoPolicy)?.tender;
		let opener = match opener {
			Some(who) => {
				let deposit: BalanceOf<T> = rules.deposit.saturated_into();
				T::Currency::hold(&HoldReason::TenderDeposit.into(), &who, deposit)?;
				Some((who, deposit))
			},
			None => None,
		};
		let id = NextTenderId::<T>::get();
		let now = frame_system::Pallet::<T>::block_number();
		let commit_end = now.saturating_add(rules.commit_blocks.into());
		let reveal_end = commit_end.saturating_add(rules.reveal_blocks.into());
		NextTenderId::<T>::put(id.saturating_add(1));
		ListingTenders::<T>::insert(listing, id);
		Tenders::<T>::insert(
			id,
			Tender {
				listing,
				opener,
				quantity,
				max_ship_window,
				reference_price: current.unit_price,
				commit_end,
				reveal_end,
				rules,
				bids: 0,
			},
		);
		Self::deposit_event(Event::TenderOpened {
			tender: id,
			listing,
			currency: current.currency,
			reference_price: current.unit_price,
			quantity,
			max_ship_window,
			commit_end,
			reveal_end,
		});
		Ok(())
	}

	pub(crate) fn do_commit_bid(
		who: T::AccountId,
		id: TenderId,
		commitment: [u8; 32],
	) -> DispatchResult {
		let mut tender = Tenders::<T>::get(id).ok_or(Error::<T>::TenderNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now < tender.commit_end, Error::<T>::CommitClosed);
		let active = Vendors::<T>::get(&who).is_some_and(|v| v.status == VendorStatus::Active);
		// `is_active_vendor` would read the record again: only the credentials are left to check.
		ensure!(active && Self::has_required_credentials(&who), Error::<T>::NotAnActiveVendor);
		if let Some(perfect) = Self::judged_perfect_rate(&who) {
			ensure!(perfect >= tender.rules.kpi_floor, Error::<T>::BelowKpiFloor);
		}
		ensure!(!Bids::<T>::contains_key(id, &who), Error::<T>::AlreadyCommitted);
		ensure!(tender.bids < T::MaxBids::get(), Error::<T>::TooManyBids);
		let deposit: BalanceOf<T> = tender.rules.deposit.saturated_into();
		T::Currency::hold(&HoldReason::TenderDeposit.into(), &who, deposit)?;
		Bids::<T>::insert(
			id,
			&who,
			Bid { commitment, index: tender.bids, deposit, revealed: None },
		);
		tender.bids.saturating_inc();
		Tenders::<T>::insert(id, tender);
		Self::deposit_event(Event::BidCommitted { tender: id, bidder: who });
		Ok(())
	}

	pub(crate) fn do_reveal_bid(
		who: T::AccountId,
		id: TenderId,
		unit_price: BalanceOf<T>,
		ship_window: BlockNumberFor<T>,
		salt: [u8; 32],
	) -> DispatchResult {
		let tender = Tenders::<T>::get(id).ok_or(Error::<T>::TenderNotFound)?;
		let now = frame_system::Pallet::<T>::block_number();
		ensure!(now >= tender.commit_end && now < tender.reveal_end, Error::<T>::NotInRevealWindow);
		let mut bid = Bids::<T>::get(id, &who).ok_or(Error::<T>::BidNotFound)?;
		ensure!(bid.revealed.is_none(), Error::<T>::AlreadyRevealed);
		ensure!(
			bid.commitment == Self::commitment(id, &who, unit_price, ship_window, salt),
			Error::<T>::RevealMismatch
		);
		ensure!(
			!unit_price.is_zero()
				&& ship_window >= T::Listings::min_ship_window().max(One::one())
				&& ship_window <= tender.max_ship_window,
			Error::<T>::BidOutOfTerms
		);
		T::Currency::release(
			&HoldReason::TenderDeposit.into(),
			&who,
			bid.deposit,
			Precision::BestEffort,
		)?;
		bid.revealed = Some((unit_price, ship_window));
		Bids::<T>::insert(id, &who, bid);
		Self::deposit_event(Event::BidRevealed {
			tender: id,
			bidder: who,
			unit_price,
			ship_window,
		});
		Ok(())
	}

	/// Close tender `id`; returns how many bids it had.
	pub(crate) fn do_close_tender(id: TenderId) -> Result<u32, sp_runtime::DispatchError> {
		let tender = Tenders::<T>::get(id).ok_or(Error::<T>::TenderNotFound)?;
		ensure!(
			frame_system::Pallet::<T>::block_number() >= tender.reveal_end,
			Error::<T>::TenderNotOver
		);
		Tenders::<T>::remove(id);
		ListingTenders::<T>::remove(tender.listing);
		if let Some((opener, deposit)) = &tender.opener {
			// Cannot fail: the deposit has been on hold since the tender opened.
			let _ = T::Currency::release(
				&HoldReason::TenderDeposit.into(),
				opener,
				*deposit,
				Precision::BestEffort,
			);
		}
		let mut ranked: Vec<(u64, BalanceOf<T>, BlockNumberFor<T>, u32, T::AccountId)> = Vec::new();
		for (bidder, bid) in Bids::<T>::drain_prefix(id) {
			match bid.revealed {
				Some((price, window)) => {
					let score = Self::score(&tender, &bidder, price, window);
					ranked.push((score, price, window, bid.index, bidder));
				},
				None => Self::forfeit(id, &bidder, &bid),
			}
		}
		// Best score first; ties go to the lower price, then the shorter ship window, then the
		// earlier commitment.
		ranked.sort_by(|a, b| {
			b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)).then(a.3.cmp(&b.3))
		});
		for (score, price, window, _, bidder) in ranked {
			if let Ok(listing) =
				T::Listings::list_like(tender.listing, &bidder, price, tender.quantity, window)
			{
				if tender.opener.is_some() {
					// A replacement: the replaced listing sells no more, and cannot be
					// tendered again (its stock is zero).
					T::Listings::withdraw_stock(tender.listing);
				}
				Self::deposit_event(Event::TenderAwarded {
					tender: id,
					winner: bidder,
					listing,
					unit_price: price,
					ship_window: window,
					score,
				});
				return Ok(tender.bids);
			}
		}
		Self::deposit_event(Event::TenderFailed { tender: id, listing: tender.listing });
		Ok(tender.bids)
	}

	/// What a bidder commits to: `blake2_256` of `(tender, bidder, unit_price, ship_window,
	/// salt)` SCALE-encoded.
	pub fn commitment(
		id: TenderId,
		bidder: &T::AccountId,
		unit_price: BalanceOf<T>,
		ship_window: BlockNumberFor<T>,
		salt: [u8; 32],
	) -> [u8; 32] {
		use sp_runtime::traits::{BlakeTwo256, Hash};
		BlakeTwo256::hash(&(id, bidder, unit_price, ship_window, salt).encode()).into()
	}

	/// A revealed bid's score in parts per billion: the rules' weights applied to the price
	/// score (the replaced listing's price over the bid's, at most 1), the delivery score
	/// (`1 - ship_window / max_ship_window`) and the bidder's KPI score.
	pub(crate) fn score(
		tender: &TenderOf<T>,
		bidder: &T::AccountId,
		price: BalanceOf<T>,
		window: BlockNumberFor<T>,
	) -> u64 {
		let rules = &tender.rules;
		let price_score = Perbill::from_rational(tender.reference_price.min(price), price);
		let delivery_score = Perbill::from_rational(
			tender.max_ship_window.saturating_sub(window),
			tender.max_ship_window,
		);
		let kpi_score = Self::judged_perfect_rate(bidder).unwrap_or(NEUTRAL_KPI);
		let part = |weight: Perbill, score: Perbill| (weight * score).deconstruct() as u64;
		part(rules.price_weight, price_score)
			+ part(rules.delivery_weight, delivery_score)
			+ part(rules.kpi_weight, kpi_score)
	}

	/// The perfect-order rate of the vendor's latest period with at least the policy's
	/// minimum sample; `None` without one (or without a policy).
	pub fn judged_perfect_rate(who: &T::AccountId) -> Option<Perbill> {
		let min_sample = ActivePolicy::<T>::get()?.min_sample;
		Performance::<T>::get(who).iter().rev().map(|kpis| kpis.rates()).find_map(|rates| {
			(rates.eligible >= min_sample.max(1))
				.then(|| Perbill::one().saturating_sub(rates.defect))
		})
	}

	/// A bid never revealed: its deposit goes to the treasury (or stays with the bidder if the
	/// treasury cannot take it, rather than being lost).
	fn forfeit(id: TenderId, bidder: &T::AccountId, bid: &BidOf<T>) {
		let reason = HoldReason::TenderDeposit.into();
		let moved = T::Currency::transfer_on_hold(
			&reason,
			bidder,
			&T::Treasury::get(),
			bid.deposit,
			Precision::BestEffort,
			Restriction::Free,
			Fortitude::Force,
		)
		.unwrap_or_default();
		if moved < bid.deposit {
			let _ = T::Currency::release(
				&reason,
				bidder,
				bid.deposit.saturating_sub(moved),
				Precision::BestEffort,
			);
		}
		Self::deposit_event(Event::BidForfeited {
			tender: id,
			bidder: bidder.clone(),
			deposit: moved,
		});
	}
}
