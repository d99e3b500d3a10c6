fn main() {
	// What librocksdb-sys (bindgen without its `runtime` feature: clang-sys links libclang at build time)'s build script does: bindgen loads libclang to parse a header.
	let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap());
	bindgen::Builder::default()
		.header_contents("probe.h", "typedef struct { int a; } probe_t; int probe(probe_t *p);")
		.generate()
		.expect("bindgen generates bindings")
		.write_to_file(out.join("bindings.rs"))
		.unwrap();
}
