"""Mutation family 9: damaged copies of the built search index, searched with `vcc search`."""
import json
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
import damaged_search_index  # noqa: E402  (tests/damaged_search_index.py)

from .project import write  # noqa: E402


# ---- Family 9: damaged search indexes --------------------------------------------------------

SEARCH_VARIANTS = damaged_search_index.variant_names()


def damage_randomly(rng, version):
    """1-3 random byte flips, truncations, number swaps, removals or swaps in the files of one index version."""
    files = sorted(os.path.join(d, n) for d, _, ns in os.walk(version) for n in ns)
    done = []
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(files)
        if not os.path.exists(path):
            continue
        with open(path, "rb") as f:
            data = bytearray(f.read())
        op = rng.choice(["flip", "flip", "truncate", "number", "number", "remove", "empty", "append", "swap", "zero"])
        name = os.path.relpath(path, version)
        if op == "flip" and data:
            for _ in range(rng.randint(1, 8)):
                data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        elif op == "truncate":
            data = data[:rng.randrange(len(data) + 1)]
        elif op == "number":
            numbers = list(re.finditer(rb"-?\d+", data)) if path.endswith(".json") else []
            if numbers:
                m = rng.choice(numbers)
                value = rng.choice([b"-1", b"0", b"1", b"4611686018427387904", b"99999999999999999999999", b"1.5", b"1e308",
                                    b"\"x\"", b"null", b"[]", m.group() + m.group()])
                data = data[:m.start()] + value + data[m.end():]
            elif data:  # a varint in a binary file made huge
                at = rng.randrange(len(data))
                data[at:at + 1] = rng.choice([b"\xff" * 9 + b"\x01", b"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x01", b"\x00"])
        elif op == "remove":
            os.remove(path)
            done.append(f"{op} {name}")
            continue
        elif op == "empty":
            data = b""
        elif op == "append":
            data += bytes(rng.randrange(256) for _ in range(rng.choice([1, 100, 5000])))
        elif op == "swap":
            other = rng.choice(files)
            if os.path.exists(other):
                with open(other, "rb") as f:
                    other_data = f.read()
                write(other, bytes(data))
                data = bytearray(other_data)
                name += "<->" + os.path.relpath(other, version)
        elif op == "zero" and data:
            at = rng.randrange(len(data))
            data[at:at + 64] = b"\x00" * len(data[at:at + 64])
        write(path, bytes(data))
        done.append(f"{op} {name}")
    return done


def mutate_search_index(rng, case):
    """Copies the built index into damaged variants (tests/damaged_search_index.py and random damage) and plans searches."""
    index = os.path.join(case.proj, "public", "suche", "index")
    damaged = os.path.join(case.root, "work", "damaged")
    listing = damaged_search_index.write_variants(index, os.path.join(damaged, "corpus"), seed=rng.randrange(2**31))
    chosen = rng.sample(listing, rng.randint(1, 3))
    sites = [(v["name"], v["site"], v["query"]) for v in chosen]
    for k in range(rng.randint(1, 3)):
        site = os.path.join(damaged, f"random{k}")
        shutil.copytree(index, os.path.join(site, "suche", "index"))
        with open(os.path.join(index, "current.json")) as f:
            version = json.load(f)["version"]
        how = damage_randomly(rng, os.path.join(site, "suche", "index", version))
        if rng.random() < 0.1:  # current.json itself
            write(os.path.join(site, "suche", "index", "current.json"), rng.choice([b"", b"{", b'{"version": "../../.."}',
                                                                                     b'{"version": 1}', b'{"format": "x"}']))
            how.append("current.json")
        sites.append((f"random{k}[{'; '.join(how)}]", site, sites[0][2]))
    for name, site, term in sites:
        query = rng.choice([term, term[:3], term + " " + term, "Posteingang", "a", "Zwischenbericht GoDoNu", term.upper() + "*"])
        extra = rng.choice([["--json"], ["--json"], [], ["--limit", "1000"], ["--json", "--filter", "type=Blaupause"]])
        case.search_runs.append((["search", "--site", os.path.relpath(site, case.proj)] + extra + ["--", query], "damaged"))
    case.benign += 1
    return f"search index: {', '.join(name for name, _, _ in sites)}"
