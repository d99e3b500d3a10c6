//! The runtime APIs: what the node, wallets and dapps may call.

use crate::{
	configs::ConsensusHook, genesis_config_presets, AccountId, Balance, Block, Executive,
	InherentDataExt, Nonce, Orders, ParachainInfo, ParachainSystem, ProfitSharing, Provenance,
	Replenishment, Runtime, RuntimeCall, RuntimeGenesisConfig, SessionKeys, System,
	TransactionPayment, Vendors, RELAY_PARENT_OFFSET, SLOT_DURATION, VERSION,
};
use alloc::vec::Vec;
use frame_support::{
	genesis_builder_helper::{build_state, get_preset},
	weights::Weight,
};
use sp_api::impl_runtime_apis;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_core::{crypto::KeyTypeId, OpaqueMetadata};
use sp_runtime::{
	traits::Block as BlockT,
	transaction_validity::{TransactionSource, TransactionValidity},
	ApplyExtrinsicResult,
};
use sp_version::RuntimeVersion;

impl_runtime_apis! {
	impl sp_consensus_aura::AuraApi<Block, AuraId> for Runtime {
		fn slot_duration() -> sp_consensus_aura::SlotDuration {
			sp_consensus_aura::SlotDuration::from_millis(SLOT_DURATION)
		}

		fn authorities() -> Vec<AuraId> {
			pallet_aura::Authorities::<Runtime>::get().into_inner()
		}
	}

	impl cumulus_primitives_core::RelayParentOffsetApi<Block> for Runtime {
		fn relay_parent_offset() -> u32 {
			RELAY_PARENT_OFFSET
		}

		fn max_claim_queue_offset() -> u8 {
			ParachainSystem::max_claim_queue_offset()
		}
	}

	impl cumulus_primitives_aura::AuraUnincludedSegmentApi<Block> for Runtime {
		fn can_build_upon(
			included_hash: <Block as BlockT>::Hash,
			slot: cumulus_primitives_aura::Slot,
		) -> bool {
			ConsensusHook::can_build_upon(included_hash, slot)
		}
	}

	impl sp_api::Core<Block> for Runtime {
		fn version() -> RuntimeVersion {
			VERSION
		}

		fn execute_block(block: <Block as BlockT>::LazyBlock) {
			Executive::execute_block(block)
		}

		fn initialize_block(header: &<Block as BlockT>::Header) -> sp_runtime::ExtrinsicInclusionMode {
			Executive::initialize_block(header)
		}
	}

	impl sp_api::Metadata<Block> for Runtime {
		fn metadata() -> OpaqueMetadata {
			OpaqueMetadata::new(Runtime::metadata().into())
		}

		fn metadata_at_version(version: u32) -> Option<OpaqueMetadata> {
			Runtime::metadata_at_version(version)
		}

		fn metadata_versions() -> Vec<u32> {
			Runtime::metadata_versions()
		}
	}

	impl frame_support::view_functions::runtime_api::RuntimeViewFunction<Block> for Runtime {
		fn execute_view_function(
			id: frame_support::view_functions::ViewFunctionId,
			input: Vec<u8>,
		) -> Result<Vec<u8>, frame_support::view_functions::ViewFunctionDispatchError> {
			Runtime::execute_view_function(id, input)
		}
	}

	impl sp_block_builder::BlockBuilder<Block> for Runtime {
		fn apply_extrinsic(extrinsic: <Block as BlockT>::Extrinsic) -> ApplyExtrinsicResult {
			Executive::apply_extrinsic(extrinsic)
		}

		fn finalize_block() -> <Block as BlockT>::Header {
			Executive::finalize_block()
		}

		fn inherent_extrinsics(data: sp_inherents::InherentData) -> Vec<<Block as BlockT>::Extrinsic> {
			data.create_extrinsics()
		}

		fn check_inherents(
			block: <Block as BlockT>::LazyBlock,
			data: sp_inherents::InherentData,
		) -> sp_inherents::CheckInherentsResult {
			data.check_extrinsics(&block)
		}
	}

	impl sp_transaction_pool::runtime_api::TaggedTransactionQueue<Block> for Runtime {
		fn validate_transaction(
			source: TransactionSource,
			tx: <Block as BlockT>::Extrinsic,
			block_hash: <Block as BlockT>::Hash,
		) -> TransactionValidity {
			Executive::validate_transaction(source, tx, block_hash)
		}
	}

	impl sp_offchain::OffchainWorkerApi<Block> for Runtime {
		fn offchain_worker(header: &<Block as BlockT>::Header) {
			Executive::offchain_worker(header)
		}
	}

	impl sp_session::SessionKeys<Block> for Runtime {
		fn generate_session_keys(
			owner: Vec<u8>,
			seed: Option<Vec<u8>>,
		) -> sp_session::OpaqueGeneratedSessionKeys {
			SessionKeys::generate(&owner, seed).into()
		}

		fn decode_session_keys(encoded: Vec<u8>) -> Option<Vec<(Vec<u8>, KeyTypeId)>> {
			SessionKeys::decode_into_raw_public_keys(&encoded)
		}
	}

	impl frame_system_rpc_runtime_api::AccountNonceApi<Block, AccountId, Nonce> for Runtime {
		fn account_nonce(account: AccountId) -> Nonce {
			System::account_nonce(account)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentApi<Block, Balance> for Runtime {
		fn query_info(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment_rpc_runtime_api::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_info(uxt, len)
		}
		fn query_fee_details(
			uxt: <Block as BlockT>::Extrinsic,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_fee_details(uxt, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl pallet_transaction_payment_rpc_runtime_api::TransactionPaymentCallApi<Block, Balance, RuntimeCall>
		for Runtime
	{
		fn query_call_info(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::RuntimeDispatchInfo<Balance> {
			TransactionPayment::query_call_info(call, len)
		}
		fn query_call_fee_details(
			call: RuntimeCall,
			len: u32,
		) -> pallet_transaction_payment::FeeDetails<Balance> {
			TransactionPayment::query_call_fee_details(call, len)
		}
		fn query_weight_to_fee(weight: Weight) -> Balance {
			TransactionPayment::weight_to_fee(weight)
		}
		fn query_length_to_fee(length: u32) -> Balance {
			TransactionPayment::length_to_fee(length)
		}
	}

	impl commerce_primitives::runtime_api::CommerceApi<
		Block,
		AccountId,
		pallet_orders::OrderOf<Runtime>,
		pallet_orders::ListingOf<Runtime>,
	> for Runtime {
		fn order(id: commerce_primitives::OrderId) -> Option<pallet_orders::OrderOf<Runtime>> {
			Orders::order_of(id)
		}

		fn listing(id: commerce_primitives::ListingId) -> Option<pallet_orders::ListingOf<Runtime>> {
			Orders::listing_of(id)
		}

		fn orders_of(
			who: AccountId,
			start_after: Option<commerce_primitives::OrderId>,
			max: u32,
		) -> Vec<(commerce_primitives::OrderId, pallet_orders::OrderOf<Runtime>)> {
			Orders::orders_of(who, start_after, max)
		}
	}

	impl commerce_primitives::runtime_api::VendorsApi<
		Block,
		AccountId,
		pallet_vendors::VendorOf<Runtime>,
		pallet_vendors::PerformanceOf<Runtime>,
		pallet_vendors::TenderOf<Runtime>,
	> for Runtime {
		fn vendor(who: AccountId) -> Option<pallet_vendors::VendorOf<Runtime>> {
			Vendors::vendor_record(&who)
		}

		fn may_sell(who: AccountId) -> bool {
			<Vendors as commerce_primitives::VendorRegistry<AccountId>>::is_active_vendor(&who)
		}

		fn performance(who: AccountId) -> Vec<pallet_vendors::PerformanceOf<Runtime>> {
			Vendors::performance_of(&who)
		}

		fn current_period() -> u32 {
			Vendors::current_period()
		}

		fn open_tenders(
			start_after: Option<u32>,
			max: u32,
		) -> Vec<(u32, pallet_vendors::TenderOf<Runtime>)> {
			Vendors::open_tenders(start_after, max)
		}
	}

	impl commerce_primitives::runtime_api::ReplenishmentApi<
		Block,
		AccountId,
		pallet_replenishment::PurchaseOrderOf<Runtime>,
		pallet_replenishment::ReorderRuleOf<Runtime>,
		pallet_replenishment::SupplierPerformance,
	> for Runtime {
		fn purchase_order(id: u64) -> Option<pallet_replenishment::PurchaseOrderOf<Runtime>> {
			Replenishment::purchase_order(id)
		}

		fn purchase_orders_of(
			who: AccountId,
			start_after: Option<u64>,
			max: u32,
		) -> Vec<(u64, pallet_replenishment::PurchaseOrderOf<Runtime>)> {
			Replenishment::purchase_orders_of(who, start_after, max)
		}

		fn reorder_rule(listing: u64) -> Option<pallet_replenishment::ReorderRuleOf<Runtime>> {
			pallet_replenishment::ReorderRules::<Runtime>::get(listing)
		}

		fn supplier_performance(who: AccountId) -> pallet_replenishment::SupplierPerformance {
			Replenishment::supplier_performance(who)
		}
	}

	impl commerce_primitives::runtime_api::ProvenanceApi<
		Block,
		pallet_provenance::BatchOf<Runtime>,
		pallet_provenance::EventOf<Runtime>,
	> for Runtime {
		fn batch_by_key(
			gtin: Vec<u8>,
			lot: Vec<u8>,
			serial: Option<Vec<u8>>,
		) -> Option<(u64, pallet_provenance::BatchOf<Runtime>)> {
			Provenance::batch_by_parts(&gtin, &lot, serial.as_deref())
		}

		fn batch_by_digital_link(link: Vec<u8>) -> Option<(u64, pallet_provenance::BatchOf<Runtime>)> {
			Provenance::batch_by_digital_link(&link)
		}

		fn digital_link(batch: u64) -> Option<Vec<u8>> {
			Provenance::digital_link(batch)
		}

		fn history(batch: u64, from: u32, limit: u32) -> Vec<(u64, pallet_provenance::EventOf<Runtime>, Option<u64>)> {
			Provenance::history(batch, from, limit)
		}

		fn batches_of_order(order: u64) -> Vec<u64> {
			Provenance::batches_of_order(order)
		}

		fn orders_of_batch(batch: u64) -> Vec<u64> {
			Provenance::orders_of_batch(batch)
		}
	}

	impl commerce_primitives::runtime_api::ProfitSharingApi<
		Block,
		AccountId,
		Balance,
		crate::configs::CurrencyId,
		pallet_profit_sharing::AgreementOf<Runtime>,
		pallet_profit_sharing::VersionOf<Runtime>,
		pallet_profit_sharing::Ledger<Balance>,
		pallet_profit_sharing::Totals<Balance>,
		pallet_profit_sharing::PlacementOf<Runtime>,
	> for Runtime {
		fn agreement(id: u32) -> Option<pallet_profit_sharing::AgreementOf<Runtime>> {
			ProfitSharing::agreement(id)
		}

		fn versions(id: u32) -> Vec<(u32, pallet_profit_sharing::VersionOf<Runtime>)> {
			ProfitSharing::versions(id)
		}

		fn progress(id: u32) -> Option<(Balance, u64)> {
			ProfitSharing::progress(id)
		}

		fn ledgers(
			id: u32,
			who: AccountId,
		) -> Vec<(crate::configs::CurrencyId, pallet_profit_sharing::Ledger<Balance>)> {
			ProfitSharing::ledgers(id, who)
		}

		fn payouts(
			id: u32,
		) -> Vec<(crate::configs::CurrencyId, pallet_profit_sharing::Totals<Balance>)> {
			ProfitSharing::payouts(id)
		}

		fn agreement_for(vendor: AccountId, listing: u64) -> Option<u32> {
			ProfitSharing::agreement_for(vendor, listing)
		}

		fn placement(order: u64) -> Option<pallet_profit_sharing::PlacementOf<Runtime>> {
			ProfitSharing::placement(order)
		}
	}

	impl cumulus_primitives_core::CollectCollationInfo<Block> for Runtime {
		fn collect_collation_info(header: &<Block as BlockT>::Header) -> cumulus_primitives_core::CollationInfo {
			ParachainSystem::collect_collation_info(header)
		}
	}

	impl cumulus_primitives_core::GetParachainInfo<Block> for Runtime {
		fn parachain_id() -> cumulus_primitives_core::ParaId {
			ParachainInfo::parachain_id()
		}
	}

	impl sp_genesis_builder::GenesisBuilder<Block> for Runtime {
		fn build_state(config: Vec<u8>) -> sp_genesis_builder::Result {
			build_state::<RuntimeGenesisConfig>(config)
		}

		fn get_preset(id: &Option<sp_genesis_builder::PresetId>) -> Option<Vec<u8>> {
			get_preset::<RuntimeGenesisConfig>(id, &genesis_config_presets::get_preset)
		}

		fn preset_names() -> Vec<sp_genesis_builder::PresetId> {
			genesis_config_presets::preset_names()
		}
	}

	#[cfg(feature = "try-runtime")]
	impl frame_try_runtime::TryRuntime<Block> for Runtime {
		fn on_runtime_upgrade(checks: frame_try_runtime::UpgradeCheckSelect) -> (Weight, Weight) {
			let weight = Executive::try_runtime_upgrade(checks).unwrap();
			(weight, crate::configs::RuntimeBlockWeights::get().max_block)
		}

		fn execute_block(
			block: <Block as BlockT>::LazyBlock,
			state_root_check: bool,
			signature_check: bool,
			select: frame_try_runtime::TryStateSelect,
		) -> Weight {
			Executive::try_execute_block(block, state_root_check, signature_check, select).unwrap()
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	impl frame_benchmarking::Benchmark<Block> for Runtime {
		fn benchmark_metadata(extra: bool) -> (
			Vec<frame_benchmarking::BenchmarkList>,
			Vec<frame_support::traits::StorageInfo>,
		) {
			use frame_benchmarking::BenchmarkList;
			use frame_support::traits::StorageInfoTrait;
			use frame_system_benchmarking::Pallet as SystemBench;
			use crate::*;

			let mut list = Vec::<BenchmarkList>::new();
			list_benchmarks!(list, extra);

			let storage_info = crate::AllPalletsWithSystem::storage_info();
			(list, storage_info)
		}

		#[allow(non_local_definitions)]
		fn dispatch_benchmark(
			config: frame_benchmarking::BenchmarkConfig
		) -> Result<Vec<frame_benchmarking::BenchmarkBatch>, alloc::string::String> {
			use frame_benchmarking::{BenchmarkBatch, BenchmarkError};
			use frame_support::traits::WhitelistedStorageKeys;
			use frame_system_benchmarking::Pallet as SystemBench;
			use sp_core::storage::TrackedStorageKey;
			use crate::*;

			impl frame_system_benchmarking::Config for Runtime {
				fn setup_set_code_requirements(code: &Vec<u8>) -> Result<(), BenchmarkError> {
					ParachainSystem::initialize_for_set_code_benchmark(code.len() as u32);
					Ok(())
				}

				fn verify_set_code() {
					System::assert_last_event(
						cumulus_pallet_parachain_system::Event::<Runtime>::ValidationFunctionStored.into(),
					);
				}
			}

			let whitelist: Vec<TrackedStorageKey> = crate::AllPalletsWithSystem::whitelisted_storage_keys();
			let mut batches = Vec::<BenchmarkBatch>::new();
			let params = (&config, &whitelist);
			add_benchmarks!(params, batches);
			Ok(batches)
		}
	}
}
