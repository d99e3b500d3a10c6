//! Builds the runtime's WASM blob; with the `metadata-hash` feature, also the metadata hash that
//! the `CheckMetadataHash` transaction extension commits to.

#[cfg(all(feature = "std", feature = "metadata-hash"))]
mod token {
	include!("src/token.rs");
}

#[cfg(all(feature = "std", feature = "metadata-hash"))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash(token::TOKEN_SYMBOL, token::TOKEN_DECIMALS)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
