//! Which node endpoints the bridge connects to.
//!
//! The bridge trusts the node it reads from for what the chain says: every event it delivers
//! comes from that connection. Plain `ws://` (or `http://`) is neither encrypted nor
//! authenticated, so anyone on the path between a remote node and the bridge could read the
//! traffic and, worse, answer in the node's place with events of their own making. Plain
//! transport is therefore accepted only to this machine (a loopback address: `127.0.0.0/8`,
//! `::1`, or the name `localhost`); a node elsewhere must be reached over TLS (`wss://`,
//! `https://`), unless the operator passes `--allow-insecure-remote` for a network they trust
//! (a private link, a VPN, a tunnel that ends on another host).
//!
//! The URL is parsed with the parser jsonrpsee connects with (the WHATWG `url` crate), so the
//! policy and the connection cannot disagree about the host (`ws://localhost@evil:9944` is the
//! host `evil`; `ws://127.1:9944` is `127.0.0.1`).

use crate::follow::Fatal;
use std::net::IpAddr;
use subxt::ext::jsonrpsee::client_transport::ws::Url;

/// How the bridge would reach a node endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transport {
	/// `wss://` or `https://`: TLS, wherever the node is.
	Tls,
	/// `ws://` or `http://` to this machine (loopback).
	Loopback,
	/// `ws://` or `http://` to another host: refused unless `--allow-insecure-remote`.
	InsecureRemote,
}

/// Classify `url`. Errors on what is not a `ws`/`wss`/`http`/`https` URL with a host.
pub fn classify(url: &str) -> Result<Transport, String> {
	let parsed = Url::parse(url).map_err(|e| format!("{url:?} is not a valid URL: {e}"))?;
	let tls = match parsed.scheme() {
		"wss" | "https" => true,
		"ws" | "http" => false,
		other => {
			return Err(format!(
				"{url:?}: unsupported scheme {other:?}; use wss:// (or ws:// to this machine)"
			))
		},
	};
	let host = parsed.host_str().filter(|h| !h.is_empty());
	let host = host.ok_or_else(|| format!("{url:?} names no host"))?;
	Ok(if tls {
		Transport::Tls
	} else if is_loopback(host) {
		Transport::Loopback
	} else {
		Transport::InsecureRemote
	})
}

/// The host as the parser serialises it (names lower-cased, IPv4 in dotted decimal, IPv6 in
/// brackets) is `localhost`, in `127.0.0.0/8`, `::1`, or the IPv4-mapped form of a `127.x`
/// address. Any other name is not loopback, even one that resolves there: the check does not
/// trust the resolver.
fn is_loopback(host: &str) -> bool {
	if host == "localhost" {
		return true;
	}
	let ip = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')).unwrap_or(host);
	match ip.parse::<IpAddr>() {
		Ok(IpAddr::V4(v4)) => v4.is_loopback(),
		Ok(IpAddr::V6(v6)) => {
			v6.is_loopback() || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback())
		},
		Err(_) => false,
	}
}

/// Apply the policy: `Ok` with the transport, or a [`Fatal`] error (exit code 2) that says why
/// and what to do. `allow_insecure_remote` is `--allow-insecure-remote`.
pub fn check(url: &str, allow_insecure_remote: bool) -> Result<Transport, Fatal> {
	match classify(url) {
		Err(why) => Err(Fatal(format!("refusing the node endpoint: {why}"))),
		Ok(Transport::InsecureRemote) if !allow_insecure_remote => Err(Fatal(format!(
			"refusing to connect to {url}: plain ws:// to a host other than this machine is neither \
			 encrypted nor authenticated, so anyone on the network path could feed the bridge events \
			 the chain never emitted. Use wss:// (TLS) to a remote node, run the bridge on the node's \
			 machine (ws://127.0.0.1), or, on a network you trust, pass --allow-insecure-remote."
		))),
		Ok(transport) => Ok(transport),
	}
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn loopback_and_tls_endpoints_are_accepted() {
		for url in [
			"ws://127.0.0.1:9944",
			"ws://127.0.0.1",
			"ws://127.8.9.10:9944",
			"ws://localhost:9944",
			"ws://LOCALHOST:9944",
			"ws://[::1]:9944",
			"ws://[::ffff:127.0.0.1]:9944",
			"ws://127.1:9944", // the parser's reading: 127.0.0.1
			"http://127.0.0.1:9933",
		] {
			assert_eq!(classify(url), Ok(Transport::Loopback), "{url}");
			assert_eq!(check(url, false).ok(), Some(Transport::Loopback), "{url}");
		}
		for url in ["wss://node.example.com", "wss://10.0.0.5:443/rpc", "https://node.example.com"]
		{
			assert_eq!(classify(url), Ok(Transport::Tls), "{url}");
			assert_eq!(check(url, false).ok(), Some(Transport::Tls), "{url}");
		}
	}

	#[test]
	fn plain_transport_to_another_host_is_refused_unless_allowed() {
		for url in [
			"ws://10.0.0.5:9944",
			"ws://192.168.1.20:9944",
			"ws://node.example.com:9944",
			"http://node.example.com:9933",
			"ws://[2001:db8::1]:9944",
			"ws://0.0.0.0:9944",
			// Names that merely look local.
			"ws://localhost.example.com:9944",
			"ws://127.0.0.1.nip.io:9944",
			"ws://foo.localhost:9944",
			// The host is after the `@`: `localhost` here is a user name.
			"ws://localhost@node.example.com:9944",
			"ws://127.0.0.1@10.0.0.5:9944",
			// A backslash ends the host for ws:// (WHATWG): the host is `evil.example`.
			"ws://evil.example\\@127.0.0.1:9944",
		] {
			assert_eq!(classify(url), Ok(Transport::InsecureRemote), "{url}");
			let err = check(url, false).unwrap_err().to_string();
			assert!(err.contains("--allow-insecure-remote") && err.contains("wss://"), "{err}");
			assert_eq!(check(url, true).ok(), Some(Transport::InsecureRemote), "{url}");
		}
	}

	#[test]
	fn what_is_not_a_node_url_is_refused_even_when_allowed() {
		for url in ["127.0.0.1:9944", "nats://127.0.0.1:4222", "ws://", "file:///tmp/x", ""] {
			assert!(classify(url).is_err(), "{url}");
			assert!(check(url, true).is_err(), "{url}");
		}
	}
}
