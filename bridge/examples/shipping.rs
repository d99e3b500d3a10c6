//! Example consumer: a carrier integration that books a pickup when the vendor ships an order
//! and links the goods' provenance batch to the booking. Prints what it would do.
//!
//! ```text
//! cargo run --release -p commerce-bridge --example shipping -- --ledger shipping.jsonl
//! ```
use clap::Parser;
use commerce_bridge::consumer::{consume, ConsumerArgs};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
	let args = ConsumerArgs::parse();
	// One durable consumer on all events: JetStream 2.9 filters a consumer by one subject.
	consume(&args, "shipping", "commerce.>", |event| {
		let order = event.order?;
		let field = |name: &str| event.fields.get(name).cloned().unwrap_or_default();
		match event.kind.as_str() {
			"orders.OrderShipped" => Some(format!(
				"book a carrier pickup for order {order} ({} units, tracking {})",
				field("quantity"),
				field("tracking")
			)),
			"provenance.ShippedForOrder" => {
				Some(format!("attach batch {} to the shipment of order {order}", field("batch")))
			},
			_ => None,
		}
	})
	.await
}
