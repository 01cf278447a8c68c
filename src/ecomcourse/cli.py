"""ecomcourse: the course's data and release, and grading a class with nbgrader in parallel and sandboxed."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import paths
from .chapters import chapter_ids
from .hub.layout import DEFAULT_ROOT as DEFAULT_HUB_ROOT


def cmd_data(args: argparse.Namespace) -> int:
    from .data import DEFAULT_SEED, generate, store
    from .data.loader import FILL_COMMAND, checkout_datasets, data_folder, get_data_home

    # --out, else the data home with --home, else the checkout's datasets/ (the data home when installed)
    if args.out:
        folder = Path(args.out).expanduser()
    else:
        folder = (None if args.home else checkout_datasets()) or get_data_home()
    if args.check:
        if not (folder / store.MANIFEST).is_file():
            print(f"✗ {folder}: no {store.MANIFEST} (`{FILL_COMMAND}` writes the data home)")
            return 1
        problems = store.check(folder)
        for problem in problems:
            print(f"✗ {problem}")
        if not problems:
            print(f"✓ {folder}: every table matches the manifest")
        return 1 if problems else 0
    start = time.perf_counter()
    seed = DEFAULT_SEED if args.seed is None else args.seed
    tables = generate(seed=seed, scale=args.scale)
    manifest = store.write_all(tables, folder, seed=seed, scale=args.scale)
    size = sum((folder / e["file"]).stat().st_size for e in manifest["tables"].values())
    print(f"wrote {len(tables)} tables to {folder} ({size / 1e6:.1f} MB) "
          f"in {time.perf_counter() - start:.1f} s")
    if folder == get_data_home():
        print("load_dataset() reads it from any working folder that has no datasets/ folder above it")
        first = data_folder()
        if first != folder:
            print(f"(from this working folder it reads {first} first)")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    from .authoring.release import parse_langs, release

    chapters = args.chapters or list(chapter_ids())
    for path in release(chapters, parse_langs(args.lang)):
        print(f"released {path.relative_to(paths.ROOT)}")
    return 0


def cmd_normalise(args: argparse.Namespace) -> int:
    from .authoring.normalise import is_normalised, normalise_file

    notebooks = [Path(p) for p in args.paths] or sorted(paths.ROOT.glob("[sn]*/**/*.ipynb"))
    if args.check:
        dirty = [p for p in notebooks if not is_normalised(p)]
        for p in dirty:
            print(f"✗ not normalised: {p}")
        return 1 if dirty else 0
    for p in notebooks:
        if normalise_file(p):
            print(f"normalised {p}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from .authoring.build import build

    differing = build(check=args.check)
    if args.check and differing:
        print(f"{len(differing)} derived files differ from what their sources make: run `ecomcourse build`")
        return 1
    return 0


def cmd_new_chapter(args: argparse.Namespace) -> int:
    from .authoring.scaffold import ScaffoldError, new_chapter

    try:
        written = new_chapter(args.chapter, args.title_zh, args.title_en)
    except ScaffoldError as error:
        print(f"✗ {error}", file=sys.stderr)
        return 2
    for path in written:
        print(f"wrote {path.relative_to(paths.ROOT)}")
    print("next: `ecomcourse build`, then write the chapter (README: Adding a chapter)")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .grading.demo import default_workspace, run_demo

    run_demo(Path(args.workspace) if args.workspace else default_workspace())
    return 0


def cmd_grade(args: argparse.Namespace) -> int:
    from .grading.autograder import GradingError
    from .grading.engine import grade
    from .grading.settings import overrides

    settings = overrides(cell_timeout=args.cell_timeout, notebook_timeout=args.timeout, memory_mb=args.memory,
                         workers=args.workers, scheduler=args.scheduler,
                         bubblewrap=False if args.no_bubblewrap else None)
    try:
        run = grade(args.assignments, Path(args.submissions), Path(args.out), Path(args.grader_dir), settings,
                    only_changed=args.only_changed)
    except GradingError as error:
        print(f"ecomcourse grade: {error}", file=sys.stderr)
        return 2
    counts = run.rows.drop_duplicates(["student_id", "assignment_id"])["status"].value_counts()
    print(f"wrote {args.out}: " + ", ".join(f"{n} {status}" for status, n in counts.items())
          + (f" ({run.skipped} unchanged, not re-run)" if run.skipped else ""))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from .bench import run_bench

    run_bench(Path(args.workspace), args.size, Path(args.out), tuple(args.parts))
    return 0


def cmd_collect(args: argparse.Namespace) -> int:
    from .grading.collect import DEFAULT_REGEXP, collect

    written, unmatched = collect(args.assignment, Path(args.zip), Path(args.submissions),
                                 regexp=args.regexp or DEFAULT_REGEXP)
    print(f"collected {len(written)} submissions into {args.submissions}")
    for name in unmatched:
        print(f"✗ no student id in the file name: {name} (see --regexp)")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .grading.autograder import Autograder, GradingError
    from .grading.engine import read_rows, refresh, state_path
    from .grading.report import write_report

    source = Path(args.csv)
    try:
        if state_path(source).is_file():
            if args.out or args.sandbox:
                raise GradingError(f"{source} comes from a grading run, whose files are rewritten where they "
                                   "are and say which sandbox it used: leave out --out and --sandbox")
            rows = refresh(source, Path(args.grader_dir))
            pending = int((rows["grading"] == "pending").sum())
            print(f"updated {source} and its report, wide CSV, nbgrader export and feedback from the gradebook"
                  + (f"; {pending} answers still await a grade in formgrader" if pending else ""))
            return 0
        html = Path(args.out) if args.out else source.with_suffix(".html")
        lang = Autograder.load(Path(args.grader_dir)).engine.instructor_language
        write_report(read_rows(source), html, source.with_name(f"{source.stem}_wide.csv"),
                     args.sandbox or "unknown", lang)
    except GradingError as error:
        print(f"ecomcourse report: {error}", file=sys.stderr)
        return 2
    print(f"wrote {html} and {source.stem}_wide.csv")
    return 0


class OneLinePerCommand(argparse.HelpFormatter):
    """Help with every command and its description on one line."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=100)
        self._action_max_length = 16  # the longest command name (new-chapter), indented


def cmd_hub(args: argparse.Namespace) -> int:
    from .hub import server
    from .hub.accounts import AccountError

    root = Path(args.root)
    try:
        if args.hub_command == "start":
            created = server.start(args.students, args.port, root)
            print(f"JupyterHub answers on http://127.0.0.1:{args.port}/ (course id ecomcourse, root {root})")
            for user, password in server.passwords(root).items():
                print(f"  {user:<12} {password or '(password set before)'}" + ("  new" if user in created else ""))
            print("stop it with: ecomcourse hub stop" + ("" if root == DEFAULT_HUB_ROOT else f" --root {root}"))
        elif args.hub_command == "stop":
            server.stop(root, args.remove_demo_accounts)
        elif args.hub_command == "publish":
            from .hub.course import publish

            print("released: " + ", ".join(publish(root)))
        else:
            import logging

            from .hub.on_submit import Service

            logging.basicConfig(level=logging.INFO, format="%(asctime)s grade-on-submit %(message)s")
            Service(root).serve()
    except (server.HubError, AccountError, ValueError) as error:
        print(f"ecomcourse hub {args.hub_command}: {error}", file=sys.stderr)
        return 2
    return 0


def cmd_edition(args: argparse.Namespace) -> int:
    from .hub import edition

    if args.lang:
        path = edition.choose(args.lang)
        print(f"edition {args.lang}: the next fetch of an assignment brings it (set in {path})")
    else:
        print(edition.chosen())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ecomcourse", description=__doc__, formatter_class=OneLinePerCommand)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    data = sub.add_parser("data", help="regenerate the shop data, or --check it")
    data.add_argument("--scale", type=float, default=1.0, help="multiplies customers and orders")
    data.add_argument("--seed", type=int, default=None)
    where = data.add_mutually_exclusive_group()
    where.add_argument("--out", default=None,
                       help="data folder (default: the checkout's datasets/; the data home when installed)")
    where.add_argument("--home", action="store_true",
                       help="use the data home: $ECOMCOURSE_DATA, else the user cache (~/.cache/ecomcourse/datasets), "
                            "where load_dataset() finds it from any folder")
    data.add_argument("--check", action="store_true", help="verify the files against the manifest")
    data.set_defaults(func=cmd_data)

    rel = sub.add_parser("release", help="generate the student editions with nbgrader")
    rel.add_argument("chapters", nargs="*", help="assignment ids (default: every chapter)")
    rel.add_argument("--lang", choices=["zh", "en", "all"], default="all")
    rel.set_defaults(func=cmd_release)

    norm = sub.add_parser("normalise", help="strip outputs and fix notebook metadata")
    norm.add_argument("paths", nargs="*", help="notebooks (default: solutions/ and notebooks/)")
    norm.add_argument("--check", action="store_true", help="only report notebooks that are not clean")
    norm.set_defaults(func=cmd_normalise)

    bld = sub.add_parser("build", help="regenerate everything derived: data, notebooks, editions, catalogue, READMEs")
    bld.add_argument("--check", action="store_true", help="only verify; fail on any difference")
    bld.set_defaults(func=cmd_build)

    new = sub.add_parser("new-chapter", help="scaffold a chapter that builds and passes its tests")
    new.add_argument("chapter", help="the chapter id, chNN_name, e.g. ch08_live_selling")
    new.add_argument("--title-zh", required=True, help="the chapter's title in Simplified Chinese")
    new.add_argument("--title-en", required=True, help="the chapter's title in English")
    new.set_defaults(func=cmd_new_chapter)

    grd = sub.add_parser("grade", help="grade a class in parallel and sandboxed")
    grd.add_argument("assignments", nargs="+", help="assignment ids, e.g. ch04_data_analysis")
    grd.add_argument("--submissions", required=True, help="folder with <student>/<assignment>/<notebook>.ipynb")
    grd.add_argument("--out", required=True, help="per-exercise CSV to write (UTF-8 with BOM)")
    # defaults: grader/nbgrader_config.py (GradingEngine.*, and nbgrader's Execute.timeout per cell)
    grd.add_argument("--workers", type=int, help="worker processes (GradingEngine.workers; default: one per core)")
    grd.add_argument("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (GradingEngine.scheduler)")
    grd.add_argument("--timeout", type=int, help="seconds per notebook (GradingEngine.notebook_timeout)")
    grd.add_argument("--cell-timeout", type=int, help="seconds per cell (nbgrader's Execute.timeout)")
    grd.add_argument("--memory", type=int, help="MB of memory per notebook (GradingEngine.memory_mb)")
    grd.add_argument("--grader-dir", default=str(paths.GRADER),
                     help="folder with nbgrader_config.py and the gradebook (default: grader/)")
    grd.add_argument("--only-changed", action="store_true", help="skip submissions unchanged since the last run")
    grd.add_argument("--no-bubblewrap", action="store_true", help="limits only, even where bubblewrap works")
    grd.set_defaults(func=cmd_grade)

    rep = sub.add_parser("report", help="after formgrader: rewrite a run's files; or report on a CSV")
    rep.add_argument("--csv", required=True, help="the CSV written by ecomcourse grade")
    rep.add_argument("--grader-dir", default=str(paths.GRADER),
                     help="folder with nbgrader_config.py and the gradebook (default: grader/)")
    rep.add_argument("--out", default=None, help="HTML file, for a CSV without a grading run (default: beside it)")
    rep.add_argument("--sandbox", default=None, help="sandbox mode to print, for a CSV without a grading run")
    rep.set_defaults(func=cmd_report)

    col = sub.add_parser("collect", help="file an LMS zip download as nbgrader submissions")
    col.add_argument("assignment")
    col.add_argument("--zip", required=True, help="the archive downloaded from the LMS")
    col.add_argument("--submissions", default=str(paths.submitted_folder()))
    col.add_argument("--regexp", default=None, help="named regular expression for file names "
                     "(groups student_id, file_id, optional timestamp); default: nbgrader's example")
    col.set_defaults(func=cmd_collect)

    bench = sub.add_parser("bench", help="time the engine against plain nbgrader")
    bench.add_argument("--size", type=int, default=16, help="students in the simulated class (default 16)")
    bench.add_argument("--workspace", default=str(paths.GRADER / "bench"), help="course folder to (re)create")
    bench.add_argument("--out", default=str(paths.ROOT / "bench" / "results.json"), help="JSON results")
    bench.add_argument("--parts", nargs="+", choices=("class", "chapters", "hub"), default=["class", "chapters", "hub"],
                       help="what to measure (default: all; the hub part needs root and runs the class part too)")
    bench.set_defaults(func=cmd_bench)

    hub = sub.add_parser("hub", help="a class on JupyterHub: accounts, exchange, grading on submit")
    hub_sub = hub.add_subparsers(dest="hub_command", required=True, metavar="ACTION")
    start = hub_sub.add_parser("start", help="set the class up and start JupyterHub on loopback (as root)")
    start.add_argument("--students", type=int, default=3, help="accounts student01 … studentNN (default 3)")
    start.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    stop = hub_sub.add_parser("stop", help="stop the hub, its proxy, every server and the grading service")
    stop.add_argument("--remove-demo-accounts", action="store_true",
                      help="also remove the accounts instructor, student01 … and their homes")
    hub_sub.add_parser("publish", help="(as the instructor) release every chapter, both editions, to the exchange")
    hub_sub.add_parser("grade-on-submit", help="(JupyterHub's service) grade submissions as they arrive")
    for action in hub_sub.choices.values():
        action.add_argument("--root", default=str(DEFAULT_HUB_ROOT),
                            help=f"the class's folder (default {DEFAULT_HUB_ROOT})")
    hub.set_defaults(func=cmd_hub)

    edi = sub.add_parser("edition", help="(a student on the hub) the edition your fetches bring: zh or en")
    edi.add_argument("lang", nargs="?", choices=["zh", "en"], help="omit to print the current one")
    edi.set_defaults(func=cmd_edition)

    demo = sub.add_parser("demo", help="grade a simulated class with the engine")
    demo.add_argument("--workspace", help="course folder to (re)create (default: grader/demo/)")
    demo.set_defaults(func=cmd_demo)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
