//! The commerce pallets: orders, escrow, the vendor registry, profit sharing and provenance,
//! and the consortium bodies that
//! serve them (delivery oracles, the arbitration panel and the vetting body, all appointed by
//! the council).

use super::payments::{
	CommerceCurrencies, CurrencyHolders, CurrencyId, NativeAndAssets, NativeCurrency,
};
use super::CouncilTwoThirds;
use crate::{
	deposit, AccountId, ArbitrationPanel, Balance, Balances, DeliveryOracles, Escrow, Orders,
	ProfitSharing, Provenance, Replenishment, Runtime, RuntimeHoldReason, RuntimeOrigin, Timestamp,
	Vendors, VettingBody, DAYS, MINUTES, UNIT,
};
use commerce_primitives::BalancesHolders;
use frame_support::{
	parameter_types,
	traits::{
		fungible::HoldConsideration, ConstU128, ConstU32, EitherOfDiverse, EnsureOrigin,
		LinearStoragePrice,
	},
	PalletId,
};
use frame_system::{EnsureRoot, EnsureSignedBy};
use sp_runtime::{traits::AccountIdConversion, Perbill};

parameter_types! {
	/// The per-item part of the listing and order deposits.
	pub const CommerceDepositBase: Balance = deposit(1, 0);
	/// The per-byte part of the listing and order deposits.
	pub const CommerceDepositPerByte: Balance = deposit(0, 1);
	pub const ListingDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Orders(pallet_orders::HoldReason::ListingDeposit);
	pub const OrderDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Orders(pallet_orders::HoldReason::OrderDeposit);
	/// The id of the account marketplace fees are paid to.
	pub const MarketplacePalletId: PalletId = PalletId(*b"cmrc/fee");
	/// The account marketplace fees are paid to (keyless; spent only by governance).
	pub MarketplaceFeeAccount: AccountId = MarketplacePalletId::get().into_account_truncating();
	/// Governance may set the marketplace fee up to this.
	pub const MaxMarketplaceFee: Perbill = Perbill::from_percent(10);
	/// Without a ruling in time, a disputed payment is split evenly.
	pub const FallbackBuyerShare: Perbill = Perbill::from_percent(50);
}

/// A deposit held from its payer under `Reason`, priced by the storage it pays for: per item
/// plus per byte, the same prices for every commerce pallet.
pub type CommerceDeposit<Reason> = HoldConsideration<
	AccountId,
	Balances,
	Reason,
	LinearStoragePrice<CommerceDepositBase, CommerceDepositPerByte, Balance>,
>;

/// The deposit of a listing: one item plus its bytes.
pub type ListingDeposit = CommerceDeposit<ListingDepositReason>;

/// The deposit of an open order: one item plus its bytes, priced in CMRC and held in the
/// order's currency at the council's rate (rounded up), so that a buyer holding only a
/// stablecoin can order in it.
pub type OrderDeposit = commerce_primitives::currency::HoldInCurrency<
	NativeAndAssets,
	OrderDepositReason,
	LinearStoragePrice<CommerceDepositBase, CommerceDepositPerByte, Balance>,
	CommerceCurrencies,
>;

impl pallet_orders::Config for Runtime {
	type Currency = Balances;
	type CurrencyId = CurrencyId;
	type Currencies = CommerceCurrencies;
	type NativeCurrency = NativeCurrency;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ListingDeposit = ListingDeposit;
	type OrderDeposit = OrderDeposit;
	type Escrow = Escrow;
	// Approved vendors in good standing, holding the required credentials.
	type VendorRegistry = Vendors;
	// Each order's facts feed the vendors' KPIs.
	// Vendor KPIs, and the profit-sharing agreement each order settles by.
	type Observer = (Vendors, ProfitSharing);
	// A listing's reorder rule raises a purchase order when an order takes it to its point.
	type Replenisher = Replenishment;
	type DeliveryOracleOrigin = EnsureSignedBy<DeliveryOracles, AccountId>;
	type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type Holders = CurrencyHolders;
	type MaxMetadataLen = ConstU32<128>;
	type MinShipWindow = ConstU32<{ MINUTES }>;
	// A buyer has at least a day to confirm or dispute, unless governance decides otherwise
	// (the development presets shorten it in genesis).
	type DefaultMinConfirmWindow = ConstU32<{ DAYS }>;
	type MaxWindow = ConstU32<{ 90 * DAYS }>;
	type MaxOrdersPage = ConstU32<100>;
	// A sealed box (48 bytes of overhead) of a delivery address of up to 464 bytes.
	type MaxSealedDelivery = ConstU32<512>;
	// The larger of the USDC and the CMRC measurements (`weights::Larger`).
	type WeightInfo = crate::weights::Larger<
		pallet_orders::weights::SubstrateWeight<Runtime>,
		crate::weights::pallet_orders_native::WeightInfo<Runtime>,
	>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkCurrency = super::payments::DearestCurrency;
}

parameter_types! {
	/// What a vendor holds while registered: its storage deposit and what penalties are
	/// slashed from.
	pub const VendorBond: Balance = 1_000 * UNIT;
}

/// Who vets vendors: a two-thirds council motion, or a member of the vetting body the council
/// appoints.
pub type EnsureVetting = EitherOfDiverse<CouncilTwoThirds, EnsureSignedBy<VettingBody, AccountId>>;

impl pallet_vendors::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type VettingOrigin = EnsureVetting;
	type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type Bond = VendorBond;
	// Slashed funds beyond the buyers' service credits go where marketplace fees go.
	type Treasury = MarketplaceFeeAccount;
	type UnbondingPeriod = ConstU32<{ 7 * DAYS }>;
	// A week per KPI period unless genesis or governance says otherwise.
	type DefaultPeriodLength = ConstU32<{ 7 * DAYS }>;
	type MinPeriodLength = ConstU32<10>;
	type MaxProfileLen = ConstU32<128>;
	type MaxCredentials = ConstU32<8>;
	type MaxRequiredCredentials = ConstU32<4>;
	type MaxPeriods = ConstU32<12>;
	type MaxAffected = ConstU32<32>;
	// An order below 1 CMRC does not count toward a period's sample (rates are weighted by
	// value, so such orders cannot dilute them either).
	type MinSampleValue = ConstU128<UNIT>;
	type Listings = Orders;
	type MaxBids = ConstU32<16>;
	type Holders = BalancesHolders<Runtime>;
	type WeightInfo = pallet_vendors::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The pot where shares that beneficiaries cannot receive yet wait for their claim.
	pub const ProfitSharingPalletId: PalletId = PalletId(*b"cmrc/shr");
	pub const AgreementDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::ProfitSharing(pallet_profit_sharing::HoldReason::AgreementDeposit);
	pub const SaleDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::ProfitSharing(pallet_profit_sharing::HoldReason::SaleDeposit);
}

/// The deposit of an agreement: its record, every version and every ledger at their largest.
pub type AgreementDeposit = CommerceDeposit<AgreementDepositReason>;

/// The deposit of a refundable sale record, returned when its refund window ends.
pub type SaleDeposit = CommerceDeposit<SaleDepositReason>;

impl pallet_profit_sharing::Config for Runtime {
	// CMRC and every asset, holds included: a payout is split in its order's currency.
	type Currency = NativeAndAssets;
	type NativeCurrency = NativeCurrency;
	type RuntimeHoldReason = RuntimeHoldReason;
	type AgreementDeposit = AgreementDeposit;
	type SaleDeposit = SaleDeposit;
	type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type Vendors = Vendors;
	type Listings = Orders;
	type PalletId = ProfitSharingPalletId;
	type MaxBeneficiaries = ConstU32<8>;
	type MaxVersions = ConstU32<8>;
	// CMRC, USDT, USDC and a consortium token, with room for one more.
	type MaxCurrencies = ConstU32<5>;
	// A month's notice to end an agreement, and a month to refund a sale against it.
	type NoticePeriod = ConstU32<{ 30 * DAYS }>;
	type RefundWindow = ConstU32<{ 30 * DAYS }>;
	type Holders = CurrencyHolders;
	type WeightInfo = crate::weights::Larger<
		pallet_profit_sharing::weights::SubstrateWeight<Runtime>,
		crate::weights::pallet_profit_sharing_native::WeightInfo<Runtime>,
	>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkCurrency = super::payments::DearestCurrency;
}

parameter_types! {
	pub const EventDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Provenance(pallet_provenance::HoldReason::EventDeposit);
	pub const BatchDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Provenance(pallet_provenance::HoldReason::BatchDeposit);
}

/// The deposit of a provenance event: its record and its entries in the batches' histories.
pub type ProvenanceEventDeposit = CommerceDeposit<EventDepositReason>;

/// The deposit of a batch: its record and its key's index.
pub type ProvenanceBatchDeposit = CommerceDeposit<BatchDepositReason>;

impl pallet_provenance::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type EventDeposit = ProvenanceEventDeposit;
	type BatchDeposit = ProvenanceBatchDeposit;
	// The vetting body (or a council motion) vets attesters as it vets vendors.
	type AttesterOrigin = EnsureVetting;
	type Orders = Orders;
	type UnixTime = Timestamp;
	// Five minutes of clock drift.
	type MaxClockDrift = frame_support::traits::ConstU64<300_000>;
	type MaxPrefixes = ConstU32<8>;
	type MaxInputs = ConstU32<16>;
	type MaxReadings = ConstU32<8>;
	type MaxDocuments = ConstU32<4>;
	type MaxEventsPerBatch = ConstU32<256>;
	type MaxBatchesPerOrder = ConstU32<16>;
	type Holders = BalancesHolders<Runtime>;
	type WeightInfo = pallet_provenance::weights::SubstrateWeight<Runtime>;
}

/// Who rules disputes: a two-thirds council motion (a collective ruling), or a member of the
/// arbitration panel the council appoints (an individual ruling, refused for their own orders).
pub struct EnsureArbitration;
impl EnsureOrigin<RuntimeOrigin> for EnsureArbitration {
	type Success = Option<AccountId>;

	fn try_origin(origin: RuntimeOrigin) -> Result<Self::Success, RuntimeOrigin> {
		CouncilTwoThirds::try_origin(origin).map(|_| None).or_else(|origin| {
			EnsureSignedBy::<ArbitrationPanel, AccountId>::try_origin(origin).map(Some)
		})
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin() -> Result<RuntimeOrigin, ()> {
		CouncilTwoThirds::try_successful_origin()
	}
}

impl pallet_escrow::Config for Runtime {
	// CMRC and every asset, holds included: an escrow is held and paid in its order's currency.
	type Currency = NativeAndAssets;
	type NativeCurrency = NativeCurrency;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Orders = Orders;
	// The vendor's profit-sharing agreement decides who receives a payout.
	type PayoutSplitter = ProfitSharing;
	type FeeAccount = MarketplaceFeeAccount;
	type MaxFee = MaxMarketplaceFee;
	type GovernanceOrigin = EitherOfDiverse<EnsureRoot<AccountId>, CouncilTwoThirds>;
	type ArbitrationOrigin = EnsureArbitration;
	type RulingWindow = ConstU32<{ 7 * DAYS }>;
	type FallbackBuyerShare = FallbackBuyerShare;
	// A payee that could not receive its payout (e.g. blocked in a stablecoin) has a month to
	// claim it before it goes to the marketplace fee account.
	type ClaimWindow = ConstU32<{ 30 * DAYS }>;
	type Holders = CurrencyHolders;
	type WeightInfo = crate::weights::Larger<
		pallet_escrow::weights::SubstrateWeight<Runtime>,
		crate::weights::pallet_escrow_native::WeightInfo<Runtime>,
	>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = OrdersForEscrowBenchmarks;
}

/// Creates shipped orders through the orders pallet for the escrow benchmarks.
#[cfg(feature = "runtime-benchmarks")]
pub struct OrdersForEscrowBenchmarks;

#[cfg(feature = "runtime-benchmarks")]
impl commerce_primitives::BenchmarkCurrency<AccountId, CurrencyId, Balance>
	for OrdersForEscrowBenchmarks
{
	fn dearest() -> CurrencyId {
		super::payments::DearestCurrency::dearest()
	}
	fn fund(who: &AccountId, currency: &CurrencyId, amount: Balance) {
		super::payments::DearestCurrency::fund(who, currency, amount)
	}
}

#[cfg(feature = "runtime-benchmarks")]
impl pallet_escrow::BenchmarkHelper<AccountId, CurrencyId, Balance> for OrdersForEscrowBenchmarks {
	fn disputable_order(
		buyer: &AccountId,
		vendor: &AccountId,
		currency: CurrencyId,
		amount: Balance,
	) -> commerce_primitives::OrderId {
		use commerce_primitives::BenchmarkCurrency;
		use frame_support::traits::fungible::Mutate;
		// CMRC for the deposits and the vendor's bond, `currency` for the order.
		let funds = amount.saturating_mul(10).saturating_add(crate::UNIT);
		Balances::set_balance(buyer, funds);
		Balances::set_balance(vendor, funds.saturating_add(VendorBond::get()));
		Self::fund(buyer, &currency, funds);
		<Vendors as commerce_primitives::VendorRegistry<_>>::make_active_vendor(vendor);
		let listing = pallet_orders::NextListingId::<Runtime>::get();
		Orders::create_listing(
			RuntimeOrigin::signed(vendor.clone()),
			currency.clone(),
			amount,
			1,
			alloc::vec![0; 128],
			MINUTES,
			MINUTES,
		)
		.expect("valid listing");
		let order = pallet_orders::NextOrderId::<Runtime>::get();
		Orders::place_order(RuntimeOrigin::signed(buyer.clone()), listing, 1, amount, currency)
			.expect("valid order");
		Orders::ship_order(RuntimeOrigin::signed(vendor.clone()), order, [0; 32])
			.expect("paid order ships");
		order
	}
}

parameter_types! {
	pub const ReplenishmentDepositReason: RuntimeHoldReason =
		RuntimeHoldReason::Replenishment(pallet_replenishment::HoldReason::Deposit);
	/// Without a ruling in time, the supplier gets half the price of what it shipped and the
	/// vendor did not receive.
	pub const FallbackSupplierShare: Perbill = Perbill::from_percent(50);
}

impl pallet_replenishment::Config for Runtime {
	// CMRC and every asset, holds included: a purchase order is held and paid in its currency.
	type Currency = NativeAndAssets;
	type Currencies = CommerceCurrencies;
	type NativeCurrency = NativeCurrency;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Listings = Orders;
	// A shipment names a batch its supplier (or already its vendor) holds in provenance.
	type Batches = Provenance;
	type Deposit = CommerceDeposit<ReplenishmentDepositReason>;
	// The panel that rules order disputes rules purchase-order disputes too.
	type ArbitrationOrigin = EnsureArbitration;
	type Holders = CurrencyHolders;
	// A purchase order below 10 CMRC of value is dust.
	type MinOrderValue = ConstU128<{ 10 * UNIT }>;
	type AcceptWindow = ConstU32<{ 3 * DAYS }>;
	type MaxShipWindow = ConstU32<{ 90 * DAYS }>;
	type ReceiveWindow = ConstU32<{ 7 * DAYS }>;
	type RulingWindow = ConstU32<{ 7 * DAYS }>;
	type FallbackSupplierShare = FallbackSupplierShare;
	type MaxPage = ConstU32<100>;
	// The larger of the USDC and the CMRC measurements (`weights::Larger`).
	type WeightInfo = crate::weights::Larger<
		pallet_replenishment::weights::SubstrateWeight<Runtime>,
		crate::weights::pallet_replenishment_native::WeightInfo<Runtime>,
	>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = super::payments::DearestCurrency;
}

/// Listings, through the orders pallet, for the replenishment benchmarks; the dearest currency
/// pays for their purchase orders.
#[cfg(feature = "runtime-benchmarks")]
impl pallet_replenishment::BenchmarkHelper<AccountId, CurrencyId, Balance>
	for super::payments::DearestCurrency
{
	fn listing(vendor: &AccountId, stock: u32) -> commerce_primitives::ListingId {
		use frame_support::traits::fungible::{Inspect, Mutate};
		// The vendor's bond and listing deposit, besides what the benchmark funded.
		let funds =
			Balances::balance(vendor).saturating_add(VendorBond::get()).saturating_add(UNIT);
		Balances::set_balance(vendor, funds);
		<Vendors as commerce_primitives::VendorRegistry<_>>::make_active_vendor(vendor);
		let listing = pallet_orders::NextListingId::<Runtime>::get();
		Orders::create_listing(
			RuntimeOrigin::signed(vendor.clone()),
			NativeCurrency::get(),
			UNIT,
			stock,
			alloc::vec![0; 128],
			MINUTES,
			MINUTES,
		)
		.expect("valid listing");
		listing
	}
}
