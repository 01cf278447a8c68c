"""The ``ecomcourse`` command: data, release, normalise, catalogue, demo."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import paths


def cmd_data(args: argparse.Namespace) -> int:
    from .data import DEFAULT_SEED, generate, store

    folder = Path(args.out)
    if args.check:
        problems = store.check(folder)
        for problem in problems:
            print(f"✗ {problem}")
        if not problems:
            print(f"✓ {folder}: every table matches the manifest")
        return 1 if problems else 0
    start = time.perf_counter()
    tables = generate(seed=args.seed if args.seed is not None else DEFAULT_SEED, scale=args.scale)
    manifest = store.write_all(tables, folder, seed=args.seed or DEFAULT_SEED, scale=args.scale)
    size = sum((folder / e["file"]).stat().st_size for e in manifest["tables"].values())
    print(f"wrote {len(tables)} tables to {folder} ({size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - start:.1f} s")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecomcourse", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    data = sub.add_parser("data", help="regenerate the synthetic shop data, or --check it")
    data.add_argument("--scale", type=float, default=1.0, help="multiplies customers and orders")
    data.add_argument("--seed", type=int, default=None)
    data.add_argument("--out", default=str(paths.DATASETS), help="data folder (default: datasets/)")
    data.add_argument("--check", action="store_true", help="verify the files against the manifest")
    data.set_defaults(func=cmd_data)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
