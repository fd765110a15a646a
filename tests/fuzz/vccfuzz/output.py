"""Reading a built output: its files (also unpacked), the secret marker, hostile links, SVGs that can run script."""
import base64
import html
import io
import os
import re
import stat
import zipfile
import zlib

from .project import ATTRIBUTE_URL, BAD_SCHEMES


def hostile_links(folder, skip=()):
    """href/src values with a javascript:, vbscript: or data: scheme in the built HTML (but the files `skip`)."""
    found = []
    for dirpath, _, filenames in os.walk(os.fsencode(folder)):
        for name in filenames:
            if name.endswith(b".html") and os.fsdecode(os.path.relpath(os.path.join(dirpath, name), os.fsencode(folder))) not in skip:
                with open(os.path.join(dirpath, name), "rb") as f:
                    for url in ATTRIBUTE_URL.findall(f.read()):
                        if re.sub(rb"[\x00-\x20]", b"", url).lower().startswith(BAD_SCHEMES):
                            found.append(f"{os.fsdecode(name)}: {url[:60]!r}")
    return found


def output_files(folder):
    """(path relative to folder, bytes) of every regular file in the output; a link is read through when it is one."""
    for dirpath, _, filenames in os.walk(os.fsencode(folder)):
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            except OSError:
                continue
            try:
                if stat.S_ISREG(os.fstat(fd).st_mode):
                    with os.fdopen(fd, "rb") as f:
                        fd = None
                        yield os.fsdecode(os.path.relpath(path, os.fsencode(folder))), f.read()
            finally:
                if fd is not None:
                    os.close(fd)


def unpacked(rel, data):
    """The file's bytes and what it holds compressed or encoded: ZIP members, raw-DEFLATE records of the
    search index (at its start and after each newline), base64 `data:` addresses."""
    yield data
    if rel.endswith(".zip") or data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                for info in z.infolist()[:1000]:
                    yield z.read(info)[:50_000_000]
        except Exception:
            pass
    if rel.endswith(".bin"):
        for start in [0] + [m.end() for m in re.finditer(rb"\n", data)][:20_000]:
            try:
                yield zlib.decompressobj(-15).decompress(data[start:], 20_000_000)
            except zlib.error:
                pass
    for match in re.finditer(rb"base64,([A-Za-z0-9+/=]{8,})", data):
        try:
            yield base64.b64decode(match.group(1))
        except Exception:
            pass


def marker_in_output(marker, folder):
    """Output files that hold the secret marker (case-insensitive, also compressed or base64-encoded)."""
    needle = marker.lower().encode()
    return [rel for rel, data in output_files(folder) if any(needle in part.lower() for part in unpacked(rel, data))]


SVG_TAG = re.compile(rb"<[^>]*>", re.S)
SVG_ATTRIBUTE = re.compile(rb"""([^\s=/<>"']+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""")
SVG_FORBIDDEN = [b"<script", b"<foreignobject", b"<set", b"<animate", b"<handler", b"<iframe", b"<?xml-stylesheet", b"@import",
                 b"<!entity", b"<!doctype", b"<svg:script", b"<listener"]


def svg_problems(data):
    """Why a published SVG could run script or load from elsewhere: [] when it cannot."""
    found = []
    folded = re.sub(rb"[\x00-\x20]", b"", html.unescape(data.decode("utf-8", "replace")).encode()).lower()
    lower = data.lower()
    found += [f"has {f.decode()}" for f in SVG_FORBIDDEN if f in lower]
    for bad in (b"javascript:", b"vbscript:"):
        if bad in folded:
            found.append(f"has {bad.decode()}")
    for tag in SVG_TAG.findall(data):
        element = re.match(rb"<\s*/?\s*([^\s/>]*)", tag).group(1).lower()
        for name, value in SVG_ATTRIBUTE.findall(tag[1:]):
            name = name.lower()
            value = re.sub(r"[\x00-\x20]", "", html.unescape(value.strip(b"\"'").decode("utf-8", "replace"))).lower()
            if name.startswith(b"on"):
                found.append(f"attribute {name.decode()}")
            elif name in (b"href", b"xlink:href") and element != b"a" and ("http" in value or value.startswith("//")):
                found.append(f"<{element.decode()} {name.decode()}={value[:40]}> loads from elsewhere")
            elif name in (b"href", b"xlink:href") and value.startswith("data:") and not value.startswith(
                    ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")):
                found.append(f"<{element.decode()} {name.decode()}={value[:40]}>")
            elif name == b"xml:base":
                found.append("xml:base")
    text = html.unescape(data.decode("utf-8", "replace")).lower()
    styles = re.findall(r"<style[^>]*>(.*?)</style", text, re.S) + re.findall(r"""\sstyle\s*=\s*("[^"]*"|'[^']*')""", text)
    for css in styles:
        folded_css = re.sub(r"[\x00-\x20]", "", css)
        for bad in ("\\", "//", "http", "expression(", "image-set(", "@import"):
            if bad in folded_css:
                found.append(f"CSS with {bad}")
    for url in re.findall(r"url\(\s*['\"]?([^)'\"]*)", text):
        if "http" in url or url.strip().startswith("//"):
            found.append(f"url({url[:40]})")
    return sorted(set(found))
