#!/usr/bin/env python3
"""Print docs/performance.md's weights table from the pallets' generated `weights.rs` files.

    scripts/weights-table.py <transfer execution µs>

Each call is evaluated as the runtime charges it: the measured execution (ref time), plus every
database read and write at `RocksDbWeight` (25 µs a read, 100 µs a write), and the estimated
proof size. A call with components (`b`, `n`, ...) gets a row at their lowest and one at their
highest values (the ranges the benchmarks declare). "x transfer" divides the total by the total
of `balances.transfer_keep_alive` measured in the same run: the execution time
`scripts/bench.sh` prints last, plus its one read and one write.
"""
import re
import sys

PALLETS = [
    ("orders", "pallets/orders/src/weights.rs"),
    ("escrow", "pallets/escrow/src/weights.rs"),
    ("vendors", "pallets/vendors/src/weights.rs"),
    ("profit-sharing", "pallets/profit-sharing/src/weights.rs"),
    ("provenance", "pallets/provenance/src/weights.rs"),
    ("council-root", "pallets/council-root/src/weights.rs"),
]
READ_PS, WRITE_PS = 25_000_000, 100_000_000
NUM = r"([0-9_]+)"


def functions(text):
    """(name, params, ranges, body) of each fn of the `SubstrateWeight` impl."""
    impl = text[text.index("impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T>"):]
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
        m = re.match(r"T::DbWeight::get\(\)\.(reads|writes)\(\(" + NUM + r"_u64\)\.saturating_mul\((\w+)\.into\(\)\)", term)
        if m:
            count = n(m.group(2)) * values[m.group(3)]
        else:
            m = re.match(r"T::DbWeight::get\(\)\.(reads|writes)\(" + NUM + r"_u64\)", term)
            if not m:
                raise ValueError(f"unparsed weight term: {term}")
            count = n(m.group(2))
        if m.group(1) == "reads":
            reads += count
        else:
            writes += count
    return ref, proof, reads, writes


def row(label, weight, transfer_us):
    ref, proof, reads, writes = weight
    total = ref + reads * READ_PS + writes * WRITE_PS
    us = lambda ps: f"{ps / 1e6:,.1f} µs"
    return (f"| `{label}` | {us(ref)} | {reads} / {writes} | {us(total)} | "
            f"{total / 1e6 / transfer_us:.2f} | {proof:,} |")


def main():
    transfer_us = float(sys.argv[1]) + (READ_PS + WRITE_PS) / 1e6
    print("| call | execution | reads / writes | total | x transfer | proof (bytes) |")
    print("|------|----------:|---------------:|------:|-----------:|--------------:|")
    for pallet, path in PALLETS:
        for name, params, ranges, body in functions(open(path).read()):
            if not params:
                print(row(f"{pallet}.{name}", evaluate(body, {}), transfer_us))
                continue
            for end in (0, 1):
                values = {p: ranges[p][end] for p in params}
                shown = ", ".join(f"{p} = {v}" for p, v in values.items())
                print(row(f"{pallet}.{name} ({shown})", evaluate(body, values), transfer_us))


if __name__ == "__main__":
    main()
