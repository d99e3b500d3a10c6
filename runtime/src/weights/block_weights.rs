//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-05 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! SHORT-NAME: `block`, LONG-NAME: `BlockExecution`, RUNTIME: `commerce-chain`
//! WARMUPS: `10`, REPEAT: `100`
//! WEIGHT-PATH: `/work/x/runtime/src/weights`
//! WEIGHT-METRIC: `Average`, WEIGHT-MUL: `1.2`, WEIGHT-ADD: `0`

// Executed Command:
//   /root/.cache/commerce-chain/target/release/commerce-bench
//   overhead
//   --runtime
//   /root/.cache/commerce-chain/target/release/wbuild/commerce-runtime/commerce_runtime.compact.compressed.wasm
//   --genesis-builder-preset
//   development
//   --repeat
//   100
//   --mul
//   1.2
//   --weight-path
//   /work/x/runtime/src/weights

use sp_core::parameter_types;
use sp_weights::{constants::WEIGHT_REF_TIME_PER_NANOS, Weight};

parameter_types! {
	/// Weight of executing an empty block.
	/// Calculated by multiplying the *Average* with `1.2` and adding `0`.
	///
	/// Stats nanoseconds:
	///   Min, Max: 541_795, 676_355
	///   Average:  569_369
	///   Median:   555_817
	///   Std-Dev:  29958.45
	///
	/// Percentiles nanoseconds:
	///   99th: 649_896
	///   95th: 634_103
	///   75th: 575_756
	pub const BlockExecutionWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(683_243), 3_541);
}

#[cfg(test)]
mod test_weights {
	use sp_weights::constants;

	/// Checks that the weight exists and is sane.
	// NOTE: If this test fails but you are sure that the generated values are fine,
	// you can delete it.
	#[test]
	fn sane() {
		let w = super::BlockExecutionWeight::get();

		// At least 100 µs.
		assert!(
			w.ref_time() >= 100u64 * constants::WEIGHT_REF_TIME_PER_MICROS,
			"Weight should be at least 100 µs."
		);
		// At most 50 ms.
		assert!(
			w.ref_time() <= 50u64 * constants::WEIGHT_REF_TIME_PER_MILLIS,
			"Weight should be at most 50 ms."
		);
	}
}
