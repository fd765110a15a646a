#!/usr/bin/env python3
"""Appends vcc's resource folders to the binary, so `make dist` ships one file.

usage: append-resources.py BINARY RESOURCE_FOLDER...

Payload: for each file (sorted by path, relative to the folder holding the resource folders):
path length (4 bytes LE), path, data length (8 bytes LE), data. Then the trailer: b"VCCRES01" and
the payload length (8 bytes LE). Sources/FileAccess/ResourceFolder.swift reads it back.
"""
import pathlib
import struct
import sys


def main():
    binary = pathlib.Path(sys.argv[1])
    payload = bytearray()
    for folder in map(pathlib.Path, sys.argv[2:]):
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(folder.parent).as_posix().encode("utf-8")
            data = path.read_bytes()
            payload += struct.pack("<I", len(name)) + name + struct.pack("<Q", len(data)) + data
    with open(binary, "ab") as out:
        out.write(payload)
        out.write(b"VCCRES01" + struct.pack("<Q", len(payload)))
    print(f"{binary}: {len(payload)} bytes of resources appended")


if __name__ == "__main__":
    main()
