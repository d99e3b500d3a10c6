//! The seed corpus: the flows of the pallets' and the runtime's unit tests, as fuzz inputs.
//!
//! They are built from the real `RuntimeCall` types, so they stay valid as the runtime
//! changes (a changed call fails to compile here, not silently to decode). Every seed starts
//! from the development genesis: Dave and Ferdie are approved vendors, Alice is the vetting
//! body, Alice, Bob and Charlie the council, Eve the arbitration panel, Ferdie the delivery
//! oracle (see [`crate::accounts`]). Listings, orders, agreements, batches and tenders are
//! numbered from 0 in each seed.

use crate::{
	accounts::{account_id, who::*},
	input::{self, Record},
};
use codec::Encode;
use commerce_runtime::{
	genesis_config_presets::{DEV_KPI_PERIOD, DEV_STABLECOIN_ID, DEV_TENDER_WINDOW},
	Balance, Runtime, RuntimeCall, MINUTES, UNIT,
};
use frame_support::{dispatch::GetDispatchInfo, BoundedVec};
use sp_runtime::{
	traits::{BlakeTwo256, Hash},
	MultiAddress, Perbill,
};

/// The unit price the seeds list at.
const PRICE: Balance = 40 * UNIT;

/// A seed being written: records in order, each in the current block or after some blocks.
struct Seq(Vec<Record>);

impl Seq {
	fn new() -> Self {
		Seq(Vec::new())
	}

	/// `call` by `who` in the current block.
	fn now(mut self, who: u8, call: RuntimeCall) -> Self {
		self.0.push(Record::new(who, call.encode()));
		self
	}

	/// `call` by `who` in the next block.
	fn next(self, who: u8, call: RuntimeCall) -> Self {
		self.after(1, who, call)
	}

	/// `call` by `who`, `blocks` blocks later (at least one). Records with an empty call (it
	/// does not decode, so only advances) bridge gaps over 16 blocks.
	fn after(mut self, blocks: u32, who: u8, call: RuntimeCall) -> Self {
		let mut blocks = blocks.max(1);
		while blocks > 16 {
			self.0.push(Record::after_blocks(who, Vec::new(), 15));
			blocks -= 16;
		}
		self.0.push(Record::after_blocks(who, call.encode(), (blocks - 1) as u8));
		self
	}

	fn bytes(self) -> Vec<u8> {
		input::serialize(&self.0)
	}
}

/// CMRC, the currency of the seeds' listings and orders.
const CMRC: commerce_runtime::configs::CurrencyId = commerce_runtime::configs::CurrencyId::Native;

fn listing(stock: u32) -> RuntimeCall {
	RuntimeCall::Orders(pallet_orders::Call::create_listing {
		currency: CMRC,
		unit_price: PRICE,
		stock,
		metadata: b"ipfs://x".to_vec(),
		ship_window: MINUTES,
		confirm_window: MINUTES,
	})
}

fn order(listing: u64) -> RuntimeCall {
	RuntimeCall::Orders(pallet_orders::Call::place_order {
		listing,
		quantity: 1,
		max_unit_price: PRICE,
		currency: CMRC,
	})
}

fn ship(order: u64) -> RuntimeCall {
	RuntimeCall::Orders(pallet_orders::Call::ship_order { order, tracking: [1; 32] })
}

fn confirm(order: u64) -> RuntimeCall {
	RuntimeCall::Orders(pallet_orders::Call::confirm_delivery { order })
}

fn dispute(order: u64) -> RuntimeCall {
	RuntimeCall::Escrow(pallet_escrow::Call::open_dispute { order, evidence: [2; 32] })
}

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark_with_event { remark: b"fuzz".to_vec() })
}

/// The three council calls that pass `proposal` as motion `index`: Alice proposes (threshold
/// two), Alice and Bob vote aye, Charlie closes.
fn motion(seq: Seq, proposal: RuntimeCall, index: u32) -> Seq {
	let length_bound = proposal.encoded_size() as u32;
	let hash = BlakeTwo256::hash_of(&proposal);
	let weight = proposal.get_dispatch_info().call_weight;
	let vote = |approve| {
		RuntimeCall::Council(pallet_collective::Call::vote { proposal: hash, index, approve })
	};
	seq.now(
		ALICE,
		RuntimeCall::Council(pallet_collective::Call::propose {
			threshold: 2,
			proposal: Box::new(proposal),
			length_bound,
		}),
	)
	.now(ALICE, vote(true))
	.now(BOB, vote(true))
	.now(
		CHARLIE,
		RuntimeCall::Council(pallet_collective::Call::close {
			proposal_hash: hash,
			index,
			proposal_weight_bound: weight,
			length_bound,
		}),
	)
}

fn details() -> pallet_provenance::DetailsOf<Runtime> {
	pallet_provenance::Details {
		event_time: 1_700_000_000_000,
		time_zone_offset: 0,
		disposition: pallet_provenance::Disposition::Active,
		read_point: None,
		biz_location: None,
		readings: BoundedVec::new(),
		documents: BoundedVec::new(),
	}
}

/// The seed corpus: a name and the input's bytes for each flow.
pub fn seeds() -> Vec<(&'static str, Vec<u8>)> {
	// Hashing and weights need no state, but some weight functions read constants through
	// the externalities-aware `Get`s; run with empty externalities to be safe.
	sp_io::TestExternalities::new_empty().execute_with(build)
}

fn build() -> Vec<(&'static str, Vec<u8>)> {
	let mut seeds = vec![
		// An order from listing to confirmation (orders, escrow: the payout less the fee).
		(
			"order-completed",
			Seq::new()
				.now(DAVE, listing(5))
				.now(FUZZ1, order(0))
				.next(DAVE, ship(0))
				.next(FUZZ1, confirm(0))
				.bytes(),
		),
		// A vendor applies, the vetting body approves, it sells; the oracle attests the delivery
		// and the order completes by timeout (`on_idle` or `process_overdue`).
		(
			"vendor-onboarding-and-timeout",
			Seq::new()
				.now(
					FUZZ2,
					RuntimeCall::Vendors(pallet_vendors::Call::apply {
						profile: b"ipfs://fuzz2".to_vec().try_into().expect("short profile"),
					}),
				)
				.next(
					ALICE,
					RuntimeCall::Vendors(pallet_vendors::Call::approve {
						vendor: account_id(FUZZ2),
					}),
				)
				.next(FUZZ2, listing(3))
				.now(FUZZ3, order(0))
				.next(FUZZ2, ship(0))
				.next(
					FERDIE,
					RuntimeCall::Orders(pallet_orders::Call::attest_delivery { order: 0 }),
				)
				.after(
					MINUTES + 2,
					BOB,
					RuntimeCall::Orders(pallet_orders::Call::process_overdue { order: 0 }),
				)
				.bytes(),
		),
		// A dispute ruled by the arbitration panel (Eve, not a party).
		(
			"dispute-ruled-by-panel",
			Seq::new()
				.now(DAVE, listing(2))
				.now(FUZZ1, order(0))
				.next(DAVE, ship(0))
				.next(FUZZ1, dispute(0))
				.now(
					DAVE,
					RuntimeCall::Escrow(pallet_escrow::Call::submit_evidence {
						order: 0,
						evidence: [3; 32],
					}),
				)
				.next(
					EVE,
					RuntimeCall::Escrow(pallet_escrow::Call::rule {
						order: 0,
						to_buyer: PRICE / 4,
					}),
				)
				.bytes(),
		),
		// A dispute ruled by a two-thirds council motion (the buyer is on the panel).
		(
			"dispute-ruled-by-council",
			motion(
				Seq::new()
					.now(DAVE, listing(2))
					.now(EVE, order(0))
					.next(DAVE, ship(0))
					.next(EVE, dispute(0))
					.next(
						EVE,
						RuntimeCall::Escrow(pallet_escrow::Call::rule {
							order: 0,
							to_buyer: PRICE,
						}),
					),
				RuntimeCall::Escrow(pallet_escrow::Call::rule { order: 0, to_buyer: PRICE / 4 }),
				0,
			)
			.bytes(),
		),
		// The review's exploit: ship and refund one planck in one batch; the buyer disputes what
		// is left, then refunds and cancellations of a second order.
		(
			"refunds-and-cancellation",
			Seq::new()
				.now(DAVE, listing(3))
				.now(FUZZ1, order(0))
				.now(FUZZ2, order(0))
				.next(
					DAVE,
					RuntimeCall::Utility(pallet_utility::Call::batch_all {
						calls: vec![
							ship(0),
							RuntimeCall::Orders(pallet_orders::Call::refund_order {
								order: 0,
								amount: 1,
							}),
						],
					}),
				)
				.now(FUZZ2, RuntimeCall::Orders(pallet_orders::Call::cancel_order { order: 1 }))
				.now(FUZZ3, order(0))
				.next(
					DAVE,
					RuntimeCall::Orders(pallet_orders::Call::refund_order {
						order: 2,
						amount: PRICE,
					}),
				)
				.now(
					DAVE,
					RuntimeCall::Orders(pallet_orders::Call::refund_order {
						order: 0,
						amount: UNIT,
					}),
				)
				.next(FUZZ1, dispute(0))
				.now(
					DAVE,
					RuntimeCall::Orders(pallet_orders::Call::update_listing {
						listing: 0,
						unit_price: Some(PRICE / 2),
						stock: Some(10),
					}),
				)
				.bytes(),
		),
		// Orders left unshipped time out (`on_idle` refunds them); the vendor delists.
		(
			"unshipped-timeout-and-delist",
			Seq::new()
				.now(FERDIE, listing(2))
				.now(FUZZ1, order(0))
				.now(POOR, order(0))
				.after(
					MINUTES + 2,
					FUZZ1,
					RuntimeCall::Orders(pallet_orders::Call::process_overdue { order: 0 }),
				)
				.next(FERDIE, RuntimeCall::Orders(pallet_orders::Call::delist { listing: 0 }))
				.bytes(),
		),
	];

	// A replacement tender: the vendor is suspended, Bob opens a tender for its listing,
	// Ferdie commits, reveals and wins; a buyer orders from the new listing.
	let salt = [3; 32];
	let bid = PRICE - UNIT;
	let commitment =
		pallet_vendors::Pallet::<Runtime>::commitment(0, &account_id(FERDIE), bid, MINUTES, salt);
	seeds.push((
		"replacement-tender",
		Seq::new()
			.now(DAVE, listing(7))
			.now(
				ALICE,
				RuntimeCall::Vendors(pallet_vendors::Call::suspend { vendor: account_id(DAVE) }),
			)
			.now(
				BOB,
				RuntimeCall::Vendors(pallet_vendors::Call::open_replacement_tender { listing: 0 }),
			)
			.now(
				FERDIE,
				RuntimeCall::Vendors(pallet_vendors::Call::commit_bid { tender: 0, commitment }),
			)
			.after(
				DEV_TENDER_WINDOW,
				FERDIE,
				RuntimeCall::Vendors(pallet_vendors::Call::reveal_bid {
					tender: 0,
					unit_price: bid,
					ship_window: MINUTES,
					salt,
				}),
			)
			.after(
				DEV_TENDER_WINDOW,
				BOB,
				RuntimeCall::Vendors(pallet_vendors::Call::close_tender { tender: 0 }),
			)
			.next(
				FUZZ1,
				RuntimeCall::Orders(pallet_orders::Call::place_order {
					listing: 1,
					quantity: 1,
					max_unit_price: bid,
					currency: CMRC,
				}),
			)
			.now(
				ALICE,
				RuntimeCall::Vendors(pallet_vendors::Call::reinstate { vendor: account_id(DAVE) }),
			)
			.bytes(),
	));

	// The KPI ladder: missed deadlines, a period rollover, an evaluation (a warning), twice.
	let evaluate =
		|| RuntimeCall::Vendors(pallet_vendors::Call::evaluate { vendor: account_id(DAVE) });
	seeds.push((
		"vendor-kpi-ladder",
		Seq::new()
			.now(DAVE, listing(10))
			.now(BOB, order(0))
			.now(CHARLIE, order(0))
			.after(DEV_KPI_PERIOD + 1, ALICE, evaluate())
			.now(BOB, order(0))
			.now(CHARLIE, order(0))
			.after(DEV_KPI_PERIOD, ALICE, evaluate())
			.bytes(),
	));

	// Profit sharing: an agreement on a listing, accepted by both suppliers; three sales, a
	// refund of a paid-out sale, a claim.
	let terms = pallet_profit_sharing::Terms {
		beneficiaries: vec![
			(account_id(CHARLIE), Perbill::from_percent(30)),
			(account_id(FERDIE), Perbill::from_percent(20)),
		]
		.try_into()
		.expect("two beneficiaries"),
		threshold: pallet_profit_sharing::Threshold::Revenue(50 * UNIT),
	};
	let mut sharing = Seq::new().now(DAVE, listing(5)).now(
		DAVE,
		RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::propose_agreement {
			scope: pallet_profit_sharing::Scope::Listing(0),
			terms,
		}),
	);
	for who in [CHARLIE, FERDIE] {
		sharing = sharing.now(
			who,
			RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::accept {
				agreement: 0,
				version: 0,
			}),
		);
	}
	for id in 0..3u64 {
		sharing = sharing.next(EVE, order(0)).next(DAVE, ship(id)).next(EVE, confirm(id));
		if id == 1 {
			sharing = sharing.now(
				DAVE,
				RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::refund_sale {
					order: 0,
					amount: 10 * UNIT,
				}),
			);
		}
	}
	let sharing = sharing
		.now(
			FUZZ1,
			RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::claim {
				agreement: 0,
				beneficiary: account_id(CHARLIE),
				currency: CMRC,
			}),
		)
		.now(
			DAVE,
			RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::end_agreement { agreement: 0 }),
		);
	seeds.push(("profit-sharing", sharing.bytes()));

	// Commerce in the test stablecoin: the council rates cUSD (1 cUSD = 2 CMRC); Dave lists in
	// it under an agreement giving Charlie 30% above 20 CMRC of value; Eve's first order
	// completes, is split and then partly refunded as a sale; her second is disputed.
	let cusd = commerce_runtime::configs::CurrencyId::WithId(DEV_STABLECOIN_ID);
	let cusd_price: Balance = 12_500_000;
	let cusd_order = || {
		RuntimeCall::Orders(pallet_orders::Call::place_order {
			listing: 0,
			quantity: 1,
			max_unit_price: cusd_price,
			currency: cusd.clone(),
		})
	};
	// Both cUSD seeds: the council rates cUSD at 2 CMRC, and Dave lists at 12.50 cUSD.
	let rate = || {
		RuntimeCall::AssetRate(pallet_asset_rate::Call::create {
			asset_kind: Box::new(DEV_STABLECOIN_ID),
			rate: sp_runtime::FixedU128::from_u32(2_000_000),
		})
	};
	let list_in_cusd = || {
		RuntimeCall::Orders(pallet_orders::Call::create_listing {
			currency: cusd.clone(),
			unit_price: cusd_price,
			stock: 5,
			metadata: b"ipfs://x".to_vec(),
			ship_window: MINUTES,
			confirm_window: MINUTES,
		})
	};
	let terms = pallet_profit_sharing::Terms {
		beneficiaries: vec![(account_id(CHARLIE), Perbill::from_percent(30))]
			.try_into()
			.expect("one beneficiary"),
		threshold: pallet_profit_sharing::Threshold::Revenue(20 * UNIT),
	};
	let stablecoin = motion(Seq::new(), rate(), 0)
		.next(DAVE, list_in_cusd())
		.now(
			DAVE,
			RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::propose_agreement {
				scope: pallet_profit_sharing::Scope::Listing(0),
				terms,
			}),
		)
		.now(
			CHARLIE,
			RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::accept {
				agreement: 0,
				version: 0,
			}),
		)
		.next(EVE, cusd_order())
		.next(DAVE, ship(0))
		.next(EVE, confirm(0))
		.now(
			DAVE,
			RuntimeCall::ProfitSharing(pallet_profit_sharing::Call::refund_sale {
				order: 0,
				amount: 2_500_000,
			}),
		)
		.next(EVE, cusd_order())
		.next(DAVE, ship(1))
		.next(EVE, dispute(1));
	seeds.push(("stablecoin", stablecoin.bytes()));

	// A payee that cannot receive: cUSD's issuer (Alice) blocks Dave in cUSD, Eve's order
	// completes and Dave's payout stays unclaimed on her account; Alice thaws Dave and a
	// stranger claims the payout for him.
	let dave_in_cusd = |call: fn(_, _) -> pallet_assets::Call<Runtime>| {
		RuntimeCall::Assets(call(DEV_STABLECOIN_ID.into(), account_id(DAVE).into()))
	};
	let unclaimed = motion(Seq::new(), rate(), 0)
		.next(DAVE, list_in_cusd())
		.next(EVE, cusd_order())
		.next(DAVE, ship(0))
		.now(ALICE, dave_in_cusd(|id, who| pallet_assets::Call::block { id, who }))
		.next(EVE, confirm(0))
		.now(ALICE, dave_in_cusd(|id, who| pallet_assets::Call::thaw { id, who }))
		.next(
			FUZZ1,
			RuntimeCall::Escrow(pallet_escrow::Call::claim_payout {
				order: 0,
				payee: account_id(DAVE),
			}),
		);
	seeds.push(("unclaimed", unclaimed.bytes()));

	// Provenance: attesters vetted, a batch commissioned, handed over, shipped against an
	// order, received by the buyer, who confirms the order.
	let attester = |who: u8, roles| {
		RuntimeCall::Provenance(pallet_provenance::Call::register_attester {
			who: account_id(who),
			roles,
			prefixes: BoundedVec::new(),
			expires_at: 1_000,
		})
	};
	let provenance_ship = |to: u8, order| {
		RuntimeCall::Provenance(pallet_provenance::Call::ship {
			batch: 0,
			to: account_id(to),
			order,
			details: details(),
		})
	};
	let receive = |shipping| {
		RuntimeCall::Provenance(pallet_provenance::Call::receive {
			batch: 0,
			shipping,
			details: details(),
		})
	};
	seeds.push((
		"provenance-batch-to-buyer",
		Seq::new()
			.now(ALICE, attester(CHARLIE, pallet_provenance::Roles::PRODUCER))
			.now(ALICE, attester(DAVE, pallet_provenance::Roles::RETAILER))
			.next(
				CHARLIE,
				RuntimeCall::Provenance(pallet_provenance::Call::commission {
					gtin: b"4006381333931".to_vec().try_into().expect("a GTIN-13"),
					lot: b"LOT-1".to_vec().try_into().expect("a short lot"),
					serial: None,
					details: details(),
				}),
			)
			.next(CHARLIE, provenance_ship(DAVE, None))
			.next(DAVE, receive(1))
			.now(DAVE, listing(5))
			.now(EVE, order(0))
			.next(DAVE, provenance_ship(EVE, Some(0)))
			.now(DAVE, ship(0))
			.next(EVE, receive(3))
			.now(EVE, confirm(0))
			.now(
				DAVE,
				RuntimeCall::Provenance(pallet_provenance::Call::record {
					batch: 0,
					biz_step: pallet_provenance::BizStep::Inspecting,
					details: details(),
				}),
			)
			.bytes(),
	));

	// Governance: the marketplace fee set by a motion, and the minimum confirm window set
	// by a motion dispatching as root.
	let governance = motion(
		Seq::new(),
		RuntimeCall::Escrow(pallet_escrow::Call::set_fee { fee: Perbill::from_percent(2) }),
		0,
	);
	let governance = motion(
		governance.next(DAVE, remark()),
		RuntimeCall::CouncilRoot(pallet_council_root::Call::dispatch_as_root {
			call: Box::new(RuntimeCall::Orders(pallet_orders::Call::set_min_confirm_window {
				window: 2 * MINUTES,
			})),
		}),
		1,
	);
	// Replenishment: Dave's listing of 3 has a reorder rule (point 1, 5 units from Charlie,
	// who quotes); an order takes it to 1 and raises purchase order 0, which Charlie accepts
	// and ships in two parts; Dave receives the first, the second is deemed received. A
	// second listing's purchase order is disputed and ruled by Eve.
	let rule = |listing, point| {
		RuntimeCall::Replenishment(pallet_replenishment::Call::set_reorder_rule {
			listing,
			supplier: account_id(CHARLIE),
			currency: CMRC,
			reorder_point: point,
			reorder_quantity: 5,
			max_unit_price: PRICE,
			ship_window: MINUTES,
		})
	};
	let replenish = |call| RuntimeCall::Replenishment(call);
	use pallet_replenishment::Call as R;
	let replenishment = Seq::new()
		.now(DAVE, listing(3))
		.now(DAVE, rule(0, 1))
		.now(CHARLIE, replenish(R::quote { listing: 0, unit_price: Some(PRICE / 2) }))
		.next(
			EVE,
			RuntimeCall::Orders(pallet_orders::Call::place_order {
				listing: 0,
				quantity: 2,
				max_unit_price: PRICE,
				currency: CMRC,
			}),
		)
		.next(CHARLIE, replenish(R::accept_purchase_order { purchase_order: 0 }))
		.now(
			CHARLIE,
			replenish(R::ship_purchase_order { purchase_order: 0, quantity: 2, batch: None }),
		)
		.next(DAVE, replenish(R::receive_purchase_order { purchase_order: 0, quantity: 2 }))
		.now(
			CHARLIE,
			replenish(R::ship_purchase_order { purchase_order: 0, quantity: 3, batch: None }),
		)
		.now(DAVE, listing(10))
		.now(
			DAVE,
			replenish(R::create_purchase_order {
				supplier: account_id(CHARLIE),
				listing: 1,
				currency: CMRC,
				quantity: 4,
				unit_price: PRICE,
				ship_window: MINUTES,
			}),
		)
		.next(CHARLIE, replenish(R::accept_purchase_order { purchase_order: 1 }))
		.now(
			CHARLIE,
			replenish(R::ship_purchase_order { purchase_order: 1, quantity: 4, batch: None }),
		)
		.next(DAVE, replenish(R::dispute_purchase_order { purchase_order: 1 }))
		.next(
			EVE,
			replenish(R::rule_purchase_order { purchase_order: 1, to_supplier: PRICE, restock: 1 }),
		)
		.now(DAVE, replenish(R::remove_reorder_rule { listing: 0 }));
	seeds.push(("replenishment", replenishment.bytes()));

	// A sealed delivery address: the vendor publishes its key, a buyer orders with an address
	// sealed to it, the order completes and the address is erased with it.
	seeds.push((
		"sealed-delivery",
		Seq::new()
			.now(
				DAVE,
				RuntimeCall::Vendors(pallet_vendors::Call::set_encryption_key {
					key: Some([9; 32]),
				}),
			)
			.now(DAVE, listing(3))
			.next(
				FUZZ2,
				RuntimeCall::Orders(pallet_orders::Call::place_sealed_order {
					listing: 0,
					quantity: 1,
					max_unit_price: PRICE,
					currency: CMRC,
					delivery: vec![0xAB; 120].try_into().expect("within the bound"),
				}),
			)
			.next(DAVE, ship(0))
			.next(FUZZ2, confirm(0))
			.bytes(),
	));

	seeds.push(("governance-motions", governance.next(DAVE, listing(1)).bytes()));

	// Balances at the edges: transfers to and from the poor account, a transfer of all that
	// reaps an account (dust), a burn, a vendor retiring.
	let transfer = |to: u8, value| {
		RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: MultiAddress::Id(account_id(to)),
			value,
		})
	};
	seeds.push((
		"balances-edges",
		Seq::new()
			.now(FUZZ1, transfer(POOR, UNIT))
			.now(POOR, transfer(FUZZ2, UNIT / 2))
			.next(
				POOR,
				RuntimeCall::Balances(pallet_balances::Call::transfer_all {
					dest: MultiAddress::Id(account_id(FUZZ3)),
					keep_alive: false,
				}),
			)
			.now(
				FUZZ2,
				RuntimeCall::Balances(pallet_balances::Call::burn {
					value: UNIT,
					keep_alive: true,
				}),
			)
			.next(FERDIE, RuntimeCall::Vendors(pallet_vendors::Call::retire {}))
			.now(FERDIE, RuntimeCall::Vendors(pallet_vendors::Call::withdraw_bond {}))
			.now(FUZZ3, remark())
			.bytes(),
	));

	seeds
}
