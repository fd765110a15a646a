#!/usr/bin/env python3
"""Turns the laws corpus (bundestag/gesetze as in ../shared/corpora/gesetze.tar.xz) into a vcc project.

usage: prepare_corpus.py CORPUS.tar.xz OUTDIR [--limit N]

Each law LETTER/SLUG/index.md becomes OUTDIR/content/LETTER/SLUG/index.md (URL /LETTER/SLUG/) with
vcc front matter: `Title` -> `title`, `jurabk` -> `keywords`. The corpus does not ship the scanned
images its laws embed (`![](bgbl1_….jpg)`), so those image references are removed: vcc would
rightly report them as broken links. Everything else stays as it is.
With --limit, only the first N laws (in path order) are taken.
"""
import argparse
import pathlib
import re
import sys
import tarfile

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
MISSING_IMAGE = re.compile(r"!\[[^\]]*\]\((?!https?:)[^)]*\)")


def field(front: str, key: str) -> str:
    m = re.search(rf"^{key}:\s*(.*)$", front, re.M)
    if not m:
        return ""
    value = m.group(1).strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    return value


def yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("out")
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    count = 0
    wanted = None
    if args.limit:
        # xz cannot seek: one pass for the names, a second streaming pass for the files.
        with tarfile.open(args.corpus, "r|xz") as archive:
            names = sorted(m.name for m in archive if m.isfile() and m.name.endswith("index.md"))
        wanted = set(names[: args.limit])
    with tarfile.open(args.corpus, "r|xz") as archive:
        for member in archive:
            if not (member.isfile() and member.name.endswith("index.md")) or (wanted is not None and member.name not in wanted):
                continue
            text = archive.extractfile(member).read().decode("utf-8")
            match = FRONT.match(text)
            front, body = (match.group(1), text[match.end():]) if match else ("", text)
            title = field(front, "Title") or pathlib.PurePosixPath(member.name).parent.name
            abbreviation = field(front, "jurabk")
            parts = pathlib.PurePosixPath(member.name).parts
            relative = pathlib.PurePosixPath(*parts[-3:])  # LETTER/SLUG/index.md
            target = out / "content" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            header = f"---\ntitle: {yaml_string(title)}\n"
            if abbreviation:
                header += f"keywords: [{yaml_string(abbreviation)}]\n"
            target.write_text(header + "---\n" + MISSING_IMAGE.sub("", body), encoding="utf-8")
            count += 1
    (out / "site.yml").write_text("title: Gesetze\nbase_url: https://gesetze.example.org\n", encoding="utf-8")
    print(f"{count} laws written to {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
