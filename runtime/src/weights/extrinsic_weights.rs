//! THIS FILE WAS AUTO-GENERATED USING THE SUBSTRATE BENCHMARK CLI VERSION 64.0.0
//! DATE: 2026-12-05 (Y/M/D)
//! HOSTNAME: `vm`, CPU: `AMD EPYC`
//!
//! SHORT-NAME: `extrinsic`, LONG-NAME: `ExtrinsicBase`, RUNTIME: `commerce-chain`
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
	/// Weight of executing a NO-OP extrinsic, for example `System::remark`.
	/// Calculated by multiplying the *Average* with `1.2` and adding `0`.
	///
	/// Stats nanoseconds:
	///   Min, Max: 125_793, 187_639
	///   Average:  130_652
	///   Median:   127_697
	///   Std-Dev:  8537.67
	///
	/// Percentiles nanoseconds:
	///   99th: 170_474
	///   95th: 140_805
	///   75th: 131_032
	pub const ExtrinsicBaseWeight: Weight =
		Weight::from_parts(WEIGHT_REF_TIME_PER_NANOS.saturating_mul(156_783), 615);
}

#[cfg(test)]
mod test_weights {
	use sp_weights::constants;

	/// Checks that the weight exists and is sane.
	// NOTE: If this test fails but you are sure that the generated values are fine,
	// you can delete it.
	#[test]
	fn sane() {
		let w = super::ExtrinsicBaseWeight::get();

		// At least 10 µs.
		assert!(
			w.ref_time() >= 10u64 * constants::WEIGHT_REF_TIME_PER_MICROS,
			"Weight should be at least 10 µs."
		);
		// At most 1 ms.
		assert!(
			w.ref_time() <= constants::WEIGHT_REF_TIME_PER_MILLIS,
			"Weight should be at most 1 ms."
		);
	}
}
