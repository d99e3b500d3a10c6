#!/usr/bin/env python3
"""Print docs/performance.md's weights table from the pallets' generated `weights.rs` files.

    scripts/weights-table.py <transfer execution µs>

Each call is evaluated as the runtime charges it: the measured execution (ref time), plus every
database read and write at `RocksDbWeight` (25 µs a read, 100 µs a write), and the estimated
proof size. A call with components (`b`, `n`, ...) gets a row at their lowest and one at their
highest values (the ranges the benchmarks declare). "x transfer" divides the total by the total
of `balances.transfer_keep_alive` measured in the same run: the execution time
`scripts/bench.sh` prints last, plus its one read and one write.

Orders, escrow, profit sharing and replenishment are measured paying in USDC (their `weights.rs`) and in CMRC
(`runtime/src/weights/<pallet>_native.rs`); the runtime charges the larger of the two per
dimension (`weights::Larger`), and so does the table: its last column says which currency the
total and the proof came from.
"""
import re
import sys

NATIVE = {
    "orders": "runtime/src/weights/pallet_orders_native.rs",
    "escrow": "runtime/src/weights/pallet_escrow_native.rs",
    "profit-sharing": "runtime/src/weights/pallet_profit_sharing_native.rs",
    "replenishment": "runtime/src/weights/pallet_replenishment_native.rs",
}
PALLETS = [
    ("orders", "pallets/orders/src/weights.rs"),
    ("escrow", "pallets/escrow/src/weights.rs"),
    ("vendors", "pallets/vendors/src/weights.rs"),
    ("profit-sharing", "pallets/profit-sharing/src/weights.rs"),
    ("provenance", "pallets/provenance/src/weights.rs"),
    ("council-root", "pallets/council-root/src/weights.rs"),
    ("replenishment", "pallets/replenishment/src/weights.rs"),
]
READ_PS, WRITE_PS = 25_000_000, 100_000_000
NUM = r"([0-9_]+)"


def functions(text):
    """(name, params, ranges, body) of each fn of the `SubstrateWeight` impl (a pallet's
    weights.rs) or of the `WeightInfo<T>` impl (the CLI's default template, in the runtime)."""
    header = re.search(r"impl<T: frame_system::Config> [\w:]*WeightInfo for (SubstrateWeight|WeightInfo)<T>", text)
    impl = text[header.start():]
    impl = impl[: impl.index("\n}\n")]
    out = []
    docs = []
    lines = impl.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line.startswith("///"):
            docs.append(line)
        m = re.match(r"fn (\w+)\(([^)]*)\) -> Weight \{", line)
        if m:
            body = []
            i += 1
            while lines[i].strip() != "}":
                if not lines[i].strip().startswith("//"):
                    body.append(lines[i].strip())
                i += 1
            ranges = {}
            for d in docs:
                r = re.search(r"The range of component `(\w+)` is `\[(\d+), (\d+)\]`", d)
                if r:
                    ranges[r.group(1)] = (int(r.group(2)), int(r.group(3)))
            params = [p.split(":")[0].strip() for p in m.group(2).split(",") if p.strip()]
            out.append((m.group(1), params, ranges, " ".join(body)))
            docs = []
        i += 1
    return out


def evaluate(body, values):
    """(ref time ps, proof bytes, reads, writes) at the given component values."""
    n = lambda s: int(s.replace("_", ""))
    ref = proof = reads = writes = 0
    base = re.match(r"Weight::from_parts\(" + NUM + ", " + NUM + r"\)", body)
    ref, proof = n(base.group(1)), n(base.group(2))
    for term in body.split(".saturating_add(")[1:]:
        m = re.match(r"Weight::from_parts\(" + NUM + ", " + NUM + r"\)\.saturating_mul\((\w+)\.into\(\)\)", term)
        if m:
            ref += n(m.group(1)) * values[m.group(3)]
            proof += n(m.group(2)) * values[m.group(3)]
            continue
        # The CLI's default template adds the proof size as a term of its own.
        m = re.match(r"Weight::from_parts\(" + NUM + ", " + NUM + r"\)\)", term)
        if m:
            ref += n(m.group(1))
            proof += n(m.group(2))
            continue
        m = re.match(r"T::DbWeight::get\(\)\.(reads|writes)\(\(" + NUM + r"(?:_u64)?\)\.saturating_mul\((\w+)\.into\(\)\)", term)
        if m:
            count = n(m.group(2)) * values[m.group(3)]
        else:
            m = re.match(r"T::DbWeight::get\(\)\.(reads|writes)\(" + NUM + r"(?:_u64)?\)", term)
            if not m:
                raise ValueError(f"unparsed weight term: {term}")
            count = n(m.group(2))
        if m.group(1) == "reads":
            reads += count
        else:
            writes += count
    return ref, proof, reads, writes


def total_of(weight):
    ref, _, reads, writes = weight
    return ref + reads * READ_PS + writes * WRITE_PS


def row(label, weight, transfer_us, native=None):
    """A table row; with `native`, the larger of the two measurements as the runtime charges."""
    source = " — |"  # measured once: the pallet moves only CMRC, or no money
    if native is not None:
        time_from = "CMRC" if total_of(native) > total_of(weight) else "USDC"
        proof_from = "CMRC" if native[1] > weight[1] else "USDC" if weight[1] > native[1] else time_from
        proof = max(weight[1], native[1])
        if time_from == "CMRC":
            weight = native
        weight = (weight[0], proof, weight[2], weight[3])
        source = time_from if time_from == proof_from else f"{time_from}; proof {proof_from}"
        source = f" {source} |"
    ref, proof, reads, writes = weight
    total = total_of(weight)
    us = lambda ps: f"{ps / 1e6:,.1f} µs"
    return (f"| `{label}` | {us(ref)} | {reads} / {writes} | {us(total)} | "
            f"{total / 1e6 / transfer_us:.2f} | {proof:,} |{source}")


def main():
    transfer_us = float(sys.argv[1]) + (READ_PS + WRITE_PS) / 1e6
    print("| call | execution | reads / writes | total | x transfer | proof (bytes) | charged in |")
    print("|------|----------:|---------------:|------:|-----------:|--------------:|------------|")
    for pallet, path in PALLETS:
        native = {}
        if pallet in NATIVE:
            native = {name: body for name, _, _, body in functions(open(NATIVE[pallet]).read())}
        for name, params, ranges, body in functions(open(path).read()):
            ends = [{}] if not params else [{p: ranges[p][end] for p in params} for end in (0, 1)]
            for values in ends:
                shown = ", ".join(f"{p} = {v}" for p, v in values.items())
                label = f"{pallet}.{name}" + (f" ({shown})" if shown else "")
                other = evaluate(native[name], values) if name in native else None
                print(row(label, evaluate(body, values), transfer_us, other))


if __name__ == "__main__":
    main()
