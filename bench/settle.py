"""Removing benchmark outputs without making the next timed run pay for it.

On ext4 without a journal (this machine's kind) the kernel will not hand out an inode that was
freed in the last 60 seconds, or the last 360 while its inode-table block is not yet written back
(`recently_deleted()` in fs/ext4/ialloc.c): creating a file then walks past every such inode, with
a buffer lookup for each. Right after a benchmark deleted the tens of thousands of files of its
earlier outputs, a build spent seconds of kernel time in that walk (find_inode_bit,
recently_deleted, find_get_block_common in perf), more than half the build's CPU time, and the
amount depended on what ran before, not on the tool. So the scripts note when they delete, and
before timing they write the deletions back (sync) and wait until the last one is six minutes
old: a build that creates files dirties the very inode-table blocks it allocates from, so during
it the longer window applies even after a sync (a build 30 s after a synced deletion still spent
5 % of its samples in that walk).
"""
import os
import pathlib
import shutil
import time

MARK = pathlib.Path("/tmp/vcc-bench-deleted")
WINDOW = 361


def remove(path):
    """rmtree that notes the time of the deletion for ``settle``."""
    if pathlib.Path(path).exists():
        shutil.rmtree(path, ignore_errors=True)
        MARK.touch()


def settle():
    """Writes everything back and waits until the last deletion noted by ``remove`` is WINDOW s old."""
    os.sync()
    if MARK.exists():
        wait = MARK.stat().st_mtime + WINDOW - time.time()
        if wait > 0:
            print(f"(waiting {wait:.0f} s: files deleted just before would slow file creation, see bench/settle.py)", flush=True)
            time.sleep(wait)
