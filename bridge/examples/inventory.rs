//! Example consumer: a warehouse system that reserves stock for placed (paid) orders and
//! releases or ships it out when the order closes. Prints what it would do.
//!
//! ```text
//! cargo run --release -p commerce-bridge --example inventory -- --ledger inventory.jsonl
//! ```
use clap::Parser;
use commerce_bridge::consumer::{consume, ConsumerArgs};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
	let args = ConsumerArgs::parse();
	consume(&args, "inventory", "commerce.orders.>", |event| {
		let order = event.order?;
		let field = |name: &str| event.fields.get(name).cloned().unwrap_or_default();
		match event.kind.as_str() {
			// The buyer's payment is held by escrow in the same call that places the order.
			"orders.OrderPlaced" => Some(format!(
				"reserve {} of listing {} for order {order}",
				field("quantity"),
				field("listing")
			)),
			"orders.OrderClosed" => Some(match field("outcome").as_str() {
				Some("Completed") => format!("order {order} delivered: consume its reservation"),
				_ => format!(
					"order {order} closed ({}): put {} units back on the shelf",
					field("outcome"),
					field("restocked")
				),
			}),
			_ => None,
		}
	})
	.await
}
