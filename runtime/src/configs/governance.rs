//! Governance: the consortium council, its membership, and the council's path to root.
//!
//! - `Council` (`pallet_collective`): members propose motions and vote; a motion passes when
//!   its threshold of ayes is reached and someone closes it.
//! - `CouncilMembership` (`pallet_membership`): who sits on the council; changed by a two-thirds
//!   council motion.
//! - `CouncilRoot` (`pallet_council_root`): a two-thirds council motion dispatches any call as
//!   `Root`. This is the only way to reach `Root` (there is no sudo), and so the only way to
//!   authorize a runtime upgrade.
//! - `DeliveryOracles`, `ArbitrationPanel` and `VettingBody` (`pallet_membership` instances):
//!   the logistics accounts that attest deliveries, the arbiters who rule disputes, and the
//!   vetting body that approves vendors and manages their credentials, appointed by the
//!   council.

use crate::{
	AccountId, BlockNumber, Council, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, DAYS,
};
use frame_support::{parameter_types, traits::ConstU32, weights::Weight};
use frame_system::EnsureRoot;
use sp_runtime::Perbill;

/// The council's collective instance.
pub type CouncilCollective = pallet_collective::Instance1;

/// At least two thirds of the council's members voted aye.
pub type CouncilTwoThirds =
	pallet_collective::EnsureProportionAtLeast<AccountId, CouncilCollective, 2, 3>;

/// The council's default vote: a member who did not vote counts as voting nay, whatever the
/// prime voted. Root motions (runtime upgrades, the fee, collators) need two thirds of all
/// members to vote aye; with `PrimeDefaultVote` a prime and a few members could pass one while
/// the rest stayed silent.
pub struct SilenceIsNay;
impl pallet_collective::DefaultVote for SilenceIsNay {
	fn default_vote(
		_prime_vote: Option<bool>,
		_yes_votes: pallet_collective::MemberCount,
		_no_votes: pallet_collective::MemberCount,
		_len: pallet_collective::MemberCount,
	) -> bool {
		false
	}
}

/// How many members the council may have.
pub const COUNCIL_MAX_MEMBERS: u32 = 100;

parameter_types! {
	/// A motion is open for votes for this long.
	pub const CouncilMotionDuration: BlockNumber = 3 * DAYS;
	/// A motion may use at most half of a block.
	pub MaxProposalWeight: Weight =
		Perbill::from_percent(50) * super::RuntimeBlockWeights::get().max_block;
}

impl pallet_collective::Config<CouncilCollective> for Runtime {
	type RuntimeOrigin = RuntimeOrigin;
	type Proposal = RuntimeCall;
	type RuntimeEvent = RuntimeEvent;
	type MotionDuration = CouncilMotionDuration;
	type MaxProposals = ConstU32<100>;
	type MaxMembers = ConstU32<COUNCIL_MAX_MEMBERS>;
	type DefaultVote = SilenceIsNay;
	type WeightInfo = pallet_collective::weights::SubstrateWeight<Runtime>;
	/// Members are managed by `CouncilMembership`; root may also reset them.
	type SetMembersOrigin = EnsureRoot<AccountId>;
	type MaxProposalWeight = MaxProposalWeight;
	type DisapproveOrigin = EnsureRoot<AccountId>;
	type KillOrigin = EnsureRoot<AccountId>;
	/// Only members can propose, and they are accountable consortium parties: no deposit.
	type Consideration = ();
}

impl pallet_membership::Config<pallet_membership::Instance1> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilTwoThirds;
	type RemoveOrigin = CouncilTwoThirds;
	type SwapOrigin = CouncilTwoThirds;
	type ResetOrigin = CouncilTwoThirds;
	type PrimeOrigin = CouncilTwoThirds;
	type MembershipInitialized = Council;
	type MembershipChanged = Council;
	type MaxMembers = ConstU32<COUNCIL_MAX_MEMBERS>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_council_root::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type RootOrigin = CouncilTwoThirds;
	type WeightInfo = pallet_council_root::weights::SubstrateWeight<Runtime>;
}

/// The delivery oracles' membership instance.
pub type DeliveryOraclesInstance = pallet_membership::Instance2;
/// The arbitration panel's membership instance.
pub type ArbitrationPanelInstance = pallet_membership::Instance3;
/// The vetting body's membership instance.
pub type VettingBodyInstance = pallet_membership::Instance4;

impl pallet_membership::Config<DeliveryOraclesInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilTwoThirds;
	type RemoveOrigin = CouncilTwoThirds;
	type SwapOrigin = CouncilTwoThirds;
	type ResetOrigin = CouncilTwoThirds;
	type PrimeOrigin = CouncilTwoThirds;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = ConstU32<32>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_membership::Config<ArbitrationPanelInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilTwoThirds;
	type RemoveOrigin = CouncilTwoThirds;
	type SwapOrigin = CouncilTwoThirds;
	type ResetOrigin = CouncilTwoThirds;
	type PrimeOrigin = CouncilTwoThirds;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = ConstU32<32>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}

impl pallet_membership::Config<VettingBodyInstance> for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type AddOrigin = CouncilTwoThirds;
	type RemoveOrigin = CouncilTwoThirds;
	type SwapOrigin = CouncilTwoThirds;
	type ResetOrigin = CouncilTwoThirds;
	type PrimeOrigin = CouncilTwoThirds;
	type MembershipInitialized = ();
	type MembershipChanged = ();
	type MaxMembers = ConstU32<32>;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
}
