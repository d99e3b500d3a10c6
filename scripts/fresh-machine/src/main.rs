#![allow(non_camel_case_types, dead_code)]
include!(concat!(env!("OUT_DIR"), "/bindings.rs"));
fn main() { println!("bindings: probe_t is {} bytes", core::mem::size_of::<probe_t>()); }
