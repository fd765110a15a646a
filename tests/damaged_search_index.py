"""Damaged variants of a built search index, for both search engines and the fuzz harness.

One place writes the crafted corpus, so that `vcc search` (tests/e2e/test_search_damaged_index.py)
and the browser engine (Sources/SearchIndexing/Client/damaged-index.test.mjs) see the same files:

    python3 tests/damaged_search_index.py public/suche/index OUT    # writes OUT/<name>/suche/index/
                                                                   # and OUT/variants.json

or, from Python (the fuzz harness may reuse it): `write_variants(index_folder, out_folder)`.

Each variant is a copy of the index with one kind of damage (format in
Sources/SearchIndexing/FORMAT.md): huge, negative and inconsistent numbers in the manifest and
facets.json, runs that would take forever to expand (also of a document count the manifest may
name but the record table does not hold), record tables with huge lengths or with more records
than bytes, truncated, swapped and garbled record packs, records without title or URL, missing,
random, truncated and swapped term shards, front-coded terms that grow without end, postings with
document ids beyond the document count. Both engines must reject every variant with "Der
Suchindex ist beschädigt" for the variant's query, quickly and in bounded memory (the tests cap
the address space).
Standard library only.
"""
import json
import pathlib
import random
import shutil
import sys
import zlib

HUGE = 2 ** 62  # overflows Int when added to anything of its size
MOST_DOCUMENTS = 2 ** 31 - 1  # the largest document count the manifest may name
GROWING_TERMS = 100_000  # terms of shard-terms-growing: ~1 MB of shard, ~5 GB of terms
SEED = 20261206


def varint(value):
    out = bytearray()
    while value >= 0x80:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def read_varint(data, offset):
    result = shift = 0
    while True:
        byte = data[offset]
        offset += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, offset
        shift += 7


def parse_shard(data):
    """A good term shard as [[term, idf, df, postings], ...] (terms as bytes, postings raw)."""
    assert data[:4] == b"VCT1"
    count, offset = read_varint(data, 4)
    terms, previous = [], b""
    for _ in range(count):
        shared, offset = read_varint(data, offset)
        length, offset = read_varint(data, offset)
        term = previous[:shared] + data[offset:offset + length]
        offset += length
        idf, offset = read_varint(data, offset)
        df, offset = read_varint(data, offset)
        size, offset = read_varint(data, offset)
        terms.append([term, idf, df, data[offset:offset + size]])
        offset += size
        previous = term
    return terms


def encode_shard(terms, count=None):
    """Front-codes `terms` as parse_shard returns them; `count` overrides the term count."""
    out, previous = bytearray(b"VCT1" + varint(len(terms) if count is None else count)), b""
    for term, idf, df, postings in terms:
        shared = 0
        while shared < min(len(term), len(previous)) and term[shared] == previous[shared]:
            shared += 1
        out += varint(shared) + varint(len(term) - shared) + term[shared:]
        out += varint(idf) + varint(df) + varint(len(postings)) + postings
        previous = term
    return bytes(out)


def parse_record_table(data):
    """(records per pack, length of each record) of a good `r/index.bin`."""
    packs, offset = read_varint(data, 4)
    counts, lengths = [], []
    for _ in range(packs):
        count, offset = read_varint(data, offset)
        counts.append(count)
    for _ in range(sum(counts)):
        length, offset = read_varint(data, offset)
        lengths.append(length)
    return counts, lengths


def encode_record_table(counts, lengths):
    return b"VCR1" + varint(len(counts)) + b"".join(map(varint, counts)) + b"".join(map(varint, lengths))


def deflate(data):
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


MANIFEST = "manifest.bin"  # raw DEFLATE of the manifest's JSON (FORMAT.md)


class Index:
    """A copy of the index in a variant folder, with helpers that read and rewrite its files."""

    def __init__(self, root):
        self.root = pathlib.Path(root)
        self.version = self.root / json.loads((self.root / "current.json").read_text())["version"]

    @classmethod
    def copy(cls, source, target):
        shutil.copytree(source, target)
        return cls(target)

    def path(self, name):
        return self.version / name

    def json(self, name):
        if name == MANIFEST:
            return json.loads(zlib.decompress(self.path(name).read_bytes(), -15).decode("utf-8"))
        return json.loads(self.path(name).read_text(encoding="utf-8"))

    def write(self, name, data, raw=False):
        """Writes `data` (JSON values encoded); the manifest compressed as vcc writes it, unless `raw`."""
        if isinstance(data, (dict, list)):
            data = json.dumps(data, ensure_ascii=False).encode()
        self.path(name).write_bytes(deflate(data) if name == MANIFEST and not raw else data)

    def records(self):
        """Each record pack's records (compressed bytes), in pack order."""
        counts, lengths = parse_record_table(self.path("r/index.bin").read_bytes())
        packs, document = [], 0
        for pack, count in enumerate(counts):
            data, offset, records = self.path(f"r/{pack}.bin").read_bytes(), 0, []
            for length in lengths[document:document + count]:
                records.append(data[offset:offset + length])
                offset += length + 1
            packs.append(records)
            document += count
        return packs

    def write_records(self, packs):
        """Writes packs of compressed records and a table that locates them."""
        for pack, records in enumerate(packs):
            self.write(f"r/{pack}.bin", b"".join(record + b"\n" for record in records))
        self.write("r/index.bin", encode_record_table([len(r) for r in packs], [len(x) for r in packs for x in r]))

    def map_records(self, change):
        """Replaces every record by change(record as a dict), compressed again."""
        packs = [[deflate(json.dumps(change(json.loads(zlib.decompress(r, -15)))).encode()) for r in records]
                 for records in self.records()]
        self.write_records(packs)

    def shard_files(self):
        return sorted(self.path("t").glob("*.bin"), key=lambda p: int(p.stem))


def query_term(index_folder):
    """The most frequent alphabetic term of at least four letters, and its shard: the query of every
    variant (typed without a final space, it matches itself as a prefix, so its postings are read)."""
    base = Index(index_folder)
    stopwords = set(base.json(MANIFEST)["stopwords"])
    best = None
    for file in base.shard_files():
        for position, (term, _idf, df, _postings) in enumerate(parse_shard(file.read_bytes())):
            text = term.decode("utf-8", "replace")
            if len(text) >= 4 and text.isalpha() and text.isascii() and text not in stopwords and (best is None or df > best[0]):
                best = (df, text, int(file.stem), position)
    return best[1], best[2], best[3]


def variants(rng, term, shard, position):
    """(name, what it damages, change(index)) for every variant."""
    def manifest(**changes):
        def change(index):
            data = index.json(MANIFEST)
            for key, value in changes.items():
                if key.startswith("weight_"):
                    data["matchWeights"][key[7:]] = value
                else:
                    data[key] = value(data) if callable(value) else value
            index.write(MANIFEST, data)
        return change

    def runs(value):
        def change(index):
            data = index.json("facets.json")
            data["groups"][0]["values"][0]["runs"] = value(index.json(MANIFEST)["documents"]) if callable(value) else value
            index.write("facets.json", data)
        return change

    def table(change_parts):
        def change(index):
            counts, lengths = parse_record_table(index.path("r/index.bin").read_bytes())
            index.write("r/index.bin", change_parts(counts, lengths))
        return change

    def shard_file(data):
        return lambda index: index.write(f"t/{shard}.bin", data(index) if callable(data) else data)

    def term_entry(change_entry, count=None):
        def change(index):
            terms = parse_shard(index.path(f"t/{shard}.bin").read_bytes())
            change_entry(terms[position], index.json(MANIFEST)["documents"], terms)
            index.write(f"t/{shard}.bin", encode_shard(terms, count))
        return change

    def set_entry(field, value):
        return lambda entry, documents, terms: entry.__setitem__(field, value(documents) if callable(value) else value)

    def rotate_record_packs(index):
        packs = sorted(index.path("r").glob("[0-9]*.bin"), key=lambda p: int(p.stem))
        others = packs[1:] or sorted(index.path("p").glob("*.bin")) or index.shard_files()
        data = [p.read_bytes() for p in [packs[0], *others]]
        for file, content in zip([packs[0], *others], data[1:] + data[:1]):
            file.write_bytes(content)

    def reverse_records(index):
        for pack, records in enumerate(index.records()):
            index.write(f"r/{pack}.bin", b"".join(r + b"\n" for r in reversed(records)))

    def garble_records(index):
        for pack, records in enumerate(index.records()):
            index.write(f"r/{pack}.bin", b"".join(bytes(rng.randrange(256) for _ in r) + b"\n" for r in records))

    def truncate_packs(index):
        for file in index.path("r").glob("[0-9]*.bin"):
            file.write_bytes(file.read_bytes()[:10])

    def swap_shards(index):
        files = index.shard_files()
        other = files[(shard + 1) % len(files)]
        data = index.path(f"t/{shard}.bin").read_bytes()
        index.write(f"t/{shard}.bin", other.read_bytes())
        other.write_bytes(data)

    def unsort_terms(entry, documents, terms):
        terms[-1][0], terms[-2][0] = terms[-2][0], terms[-1][0]

    def most_documents(then):
        """The manifest names 2^31 - 1 documents, the most it may, and `then` changes the rest."""
        def change(index):
            manifest(documents=MOST_DOCUMENTS)(index)
            then(index)
        return change

    def growing_terms(index):
        # The shard's first term, then terms that each repeat the previous one whole and add one
        # byte: ~11 bytes of file per term, but the terms together are GROWING_TERMS^2 / 2 bytes.
        first = parse_shard(index.path(f"t/{shard}.bin").read_bytes())[0]
        out = bytearray(encode_shard([first], count=GROWING_TERMS + 1))
        for length in range(len(first[0]), len(first[0]) + GROWING_TERMS):
            out += varint(length) + varint(1) + b"a" + varint(1) + varint(1) + varint(3) + b"\x00\x10\x04"
        index.write(f"t/{shard}.bin", bytes(out))

    return [
        ("manifest-not-json", "the manifest inflates to no JSON", lambda index: index.write(MANIFEST, b"{\"format\": ")),
        ("manifest-not-deflate", "the manifest does not inflate (stored as plain JSON)", lambda index: index.write(
            MANIFEST, json.dumps(index.json(MANIFEST)).encode(), raw=True)),
        ("manifest-documents-huge", "documents = 2^62", manifest(documents=HUGE)),
        ("manifest-documents-negative", "documents = -1", manifest(documents=-1)),
        ("manifest-documents-more", "documents one more than the record table has", manifest(documents=lambda m: m["documents"] + 1)),
        ("manifest-documents-fewer", "documents one less than the record table has", manifest(documents=lambda m: m["documents"] - 1)),
        ("manifest-prefix-terms-negative", "maximumPrefixTerms = -1", manifest(maximumPrefixTerms=-1)),
        ("manifest-match-weight-huge", "matchWeights.exact = 2^62", manifest(weight_exact=HUGE, weight_prefix=HUGE)),
        ("manifest-percent-huge", "titleMatchPercent = 10^15", manifest(titleMatchPercent=10 ** 15, partialMatchPercent=10 ** 15)),
        ("manifest-percent-negative", "synonymPercent = -80", manifest(synonymPercent=-80)),
        ("manifest-passages-per-block-zero", "passagesPerBlock = 0", manifest(passagesPerBlock=0)),
        ("manifest-typo-letters-negative", "typoMinimumLetters = -1", manifest(typoMinimumLetters=-1)),
        ("manifest-split-letters-missing", "splitMinimumLetters left out", lambda index: index.write(
            MANIFEST, {k: v for k, v in index.json(MANIFEST).items() if k != "splitMinimumLetters"})),
        ("manifest-linking-elements-not-strings", "splitLinkingElements holds numbers", manifest(splitLinkingElements=[1, 2])),
        ("manifest-family-weight-missing", "matchWeights.family left out", manifest(matchWeights=lambda m: {
            k: v for k, v in m["matchWeights"].items() if k != "family"})),
        ("manifest-partial-below-negative", "partialMatchBelow = -1", manifest(partialMatchBelow=-1)),
        ("manifest-weak-percent-huge", "weakUnitPercent = 10^15", manifest(weakUnitPercent=10 ** 15)),
        ("manifest-weak-minimum-negative", "weakDocumentMinimum = -1", manifest(weakDocumentMinimum=-1)),
        ("manifest-weak-words-not-strings", "weakWords holds numbers", manifest(weakWords=[1, 2])),
        ("manifest-word-families-not-strings", "wordFamilies.suffixes holds numbers",
         manifest(wordFamilies=lambda m: {**m["wordFamilies"], "suffixes": [1, 2]})),
        ("manifest-word-families-root-huge", "wordFamilies.minimumRootLetters = 2^62",
         manifest(wordFamilies=lambda m: {**m["wordFamilies"], "minimumRootLetters": HUGE})),
        ("manifest-word-families-missing", "wordFamilies left out", lambda index: index.write(
            MANIFEST, {k: v for k, v in index.json(MANIFEST).items() if k != "wordFamilies"})),
        ("manifest-shards-unsorted", "shards not in order", manifest(shards=lambda m: ["zzzz", *m["shards"]])),
        ("manifest-shards-not-strings", "shards holds numbers", manifest(shards=[1, 2])),
        ("facets-run-huge", "runs [0, 10^11]", runs([0, 10 ** 11])),
        ("facets-run-negative-length", "runs [1, -5]", runs([1, -5])),
        ("facets-run-negative-start", "runs [-3, 2]", runs([-3, 2])),
        ("facets-run-beyond", "a run starting at the document count", runs(lambda documents: [documents, 1])),
        ("facets-run-overflow", "runs [2^62, 2^62]", runs([HUGE, HUGE])),
        ("facets-runs-odd", "runs [0]", runs([0])),
        ("facets-runs-overlap", "runs [0, 3, 1, 3]", runs([0, 3, 1, 3])),
        ("facets-not-json", "facets.json is no JSON", lambda index: index.write("facets.json", b"[1, 2")),
        ("facets-run-of-most-documents", "documents = 2^31 - 1 (the record table has fewer) and runs [0, 2^31 - 1]",
         most_documents(runs(lambda documents: [0, documents]))),
        ("record-table-length-huge", "a record length of 2^62",
         table(lambda counts, lengths: encode_record_table(counts, [HUGE] + lengths[1:]))),
        ("record-table-length-large", "a record length of 2^40 (fits 8 bytes)",
         table(lambda counts, lengths: encode_record_table(counts, [2 ** 40] + lengths[1:]))),
        ("record-table-pack-count-huge", "2^40 packs", table(lambda counts, lengths: b"VCR1" + varint(2 ** 40) + b"\x01" * 8)),
        ("record-table-records-beyond-bytes", "documents = 2^31 - 1 and one pack of as many records, with the lengths of a few",
         most_documents(table(lambda counts, lengths: encode_record_table([MOST_DOCUMENTS], lengths)))),
        ("record-table-count-mismatch", "one record more in the first pack",
         table(lambda counts, lengths: encode_record_table([counts[0] + 1] + counts[1:], lengths + [5]))),
        ("record-table-truncated-varint", "the table ends inside a varint",
         table(lambda counts, lengths: encode_record_table(counts, lengths)[:-1] + b"\x80")),
        ("record-packs-truncated", "every record pack cut to 10 bytes", truncate_packs),
        ("record-packs-swapped", "record packs swapped with each other (or with a passage pack)", rotate_record_packs),
        ("record-pack-records-reversed", "records of each pack in reverse order, table unchanged", reverse_records),
        ("record-pack-random-bytes", "every record replaced by random bytes of its length", garble_records),
        ("record-without-title", "every record with an empty title", lambda index: index.map_records(lambda r: {**r, "title": ""})),
        ("record-without-url", "every record without url", lambda index: index.map_records(lambda r: {k: v for k, v in r.items() if k != "url"})),
        ("record-not-json", "every record inflates to text that is no JSON", lambda index: index.write_records(
            [[deflate(b"<html>kein JSON</html>") for _ in records] for records in index.records()])),
        ("shard-missing", "the query's term shard is missing", lambda index: index.path(f"t/{shard}.bin").unlink()),
        ("shard-random-bytes", "the term shard is VCT1 and random bytes",
         shard_file(lambda index: b"VCT1" + bytes(rng.randrange(256) for _ in range(4000)))),
        ("shard-all-random", "the term shard is random bytes", shard_file(lambda index: bytes(rng.randrange(256) for _ in range(4000)))),
        ("shard-truncated", "the term shard cut in half", shard_file(lambda index: index.path(f"t/{shard}.bin").read_bytes()[:2000])),
        ("shard-truncated-varint", "the term shard ends inside its term count", shard_file(b"VCT1\x80")),
        ("shard-count-huge", "the term shard claims 2^40 terms", lambda index: index.write(
            f"t/{shard}.bin", encode_shard(parse_shard(index.path(f"t/{shard}.bin").read_bytes()), 2 ** 40))),
        ("shard-terms-growing", f"{GROWING_TERMS} terms, each the previous one and one byte more", growing_terms),
        ("shards-swapped", "two term shards swapped", swap_shards),
        ("terms-unsorted", "the last two terms of the shard swapped", term_entry(unsort_terms)),
        ("posting-document-beyond", "a posting of the document count",
         term_entry(lambda entry, documents, terms: entry.__setitem__(slice(2, 4), [1, varint(documents) + b"\x10\x04"]))),
        ("posting-document-huge", "a posting of document 2^50",
         term_entry(lambda entry, documents, terms: entry.__setitem__(slice(2, 4), [1, varint(2 ** 50) + b"\x10\x04"]))),
        ("posting-documents-descending", "postings with document ids that overflow when added",
         term_entry(lambda entry, documents, terms: entry.__setitem__(slice(2, 4), [2, varint(1) + b"\x10\x04" + varint(2 ** 55) + b"\x10\x04"]))),
        ("posting-truncated-varint", "a posting that ends inside its passage varint",
         term_entry(lambda entry, documents, terms: entry.__setitem__(slice(2, 4), [1, b"\x00\x10\x85"]))),
        ("posting-weight-zero", "a posting of weight 0",
         term_entry(lambda entry, documents, terms: entry.__setitem__(slice(2, 4), [1, b"\x00\x00\x04"]))),
        ("posting-df-huge", "df = 2^40", term_entry(set_entry(2, 2 ** 40))),
        ("posting-idf-huge", "idf = 2^50", term_entry(set_entry(1, 2 ** 50))),
        ("posting-length-short", "df larger than the postings hold", term_entry(lambda entry, d, t: entry.__setitem__(2, entry[2] + 1))),
    ]


def variant_names():
    """The names of the variants, in order (for test parameters, before any index exists)."""
    return [name for name, _, _ in variants(random.Random(SEED), "", 0, 0)]


def write_variants(index_folder, out_folder, seed=SEED):
    """Writes every variant of the built index in `index_folder` (the folder with current.json) to
    `out_folder/<name>/suche/index/`; returns [{name, description, site, query}], also written to
    `out_folder/variants.json`. `site` is what `vcc search --site` takes."""
    rng = random.Random(seed)
    term, shard, position = query_term(index_folder)
    out = pathlib.Path(out_folder)
    listing = []
    for name, description, change in variants(rng, term, shard, position):
        site = out / name
        change(Index.copy(index_folder, site / "suche" / "index"))
        listing.append({"name": name, "description": description, "site": str(site), "query": term})
    (out / "variants.json").write_text(json.dumps(listing, ensure_ascii=False, indent=1))
    return listing


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: damaged_search_index.py INDEX_FOLDER OUT_FOLDER")
    print(json.dumps(write_variants(sys.argv[1], sys.argv[2]), ensure_ascii=False))
