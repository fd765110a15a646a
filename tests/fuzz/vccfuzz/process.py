"""Running vcc (limits, timeout, environment), snapshots of the file system, per-run process invariants."""
import hashlib
import os
import resource
import signal
import stat
import subprocess
import time

from .project import MEMORY_LIMIT, TRAPS


def snapshot(root):
    """Maps every path under root (bytes, symlinks not followed) to its type and hash or link target."""
    result = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(root)):
        for name in dirnames + filenames:
            p = os.path.join(dirpath, name)
            try:
                mode = os.lstat(p).st_mode
                if stat.S_ISLNK(mode):
                    result[p] = ("link", os.readlink(p))
                elif stat.S_ISDIR(mode):
                    result[p] = ("dir",)
                elif not stat.S_ISREG(mode):   # a FIFO would block the harness
                    result[p] = ("special", stat.S_IFMT(mode))
                else:
                    with open(p, "rb") as f:
                        result[p] = ("file", hashlib.sha1(f.read()).hexdigest())
            except OSError as e:
                result[p] = ("error", e.errno)
    return result


def without_output(snap, output):
    """A snapshot without the output folder and vcc's `.<name>.vcc-*` helper files beside it."""
    out = os.fsencode(os.path.normpath(output))
    parent, name = os.path.split(out)
    helper = os.path.join(parent, b"." + name + b".vcc-")
    return {p: v for p, v in snap.items() if not (p == out or p.startswith(out + b"/") or p.startswith(helper))}


def changes(before, after):
    """Paths added, removed or changed between two snapshots."""
    return sorted(os.fsdecode(p) for p in set(before) ^ set(after) | {p for p in set(before) & set(after) if before[p] != after[p]})


def limit_child():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run_vcc(vcc, args, cwd, timeout, extra_env=None):
    """Runs vcc in its own process group; returns (returncode or "timeout", stderr, seconds, stdout bytes)."""
    # Without the Swift backtracer a crash ends at once; with it, a stack overflow can hang for minutes.
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", LC_ALL="C.UTF-8", SWIFT_BACKTRACE="enable=no", **(extra_env or {}))
    start = time.monotonic()
    proc = subprocess.Popen([vcc] + args, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True, preexec_fn=limit_child)
    try:
        out, err = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        code = "timeout"
    return code, err.decode("utf-8", "replace"), time.monotonic() - start, out


def describe(code):
    if code == "timeout":
        return "hang (killed)"
    return f"signal {signal.Signals(-code).name}" if code < 0 else f"exit {code}"


def check_process(code, stderr, what, detail):
    """Invariants for every vcc run: exit 0/1/2, no signal, no hang, no runtime trap. Returns [(signature, detail)]."""
    if code == "timeout":
        return [(f"{what} hangs", detail)]
    problems = []
    if code < 0:
        problems.append((f"{what} killed by {signal.Signals(-code).name}", detail))
    elif code not in (0, 1, 2):
        problems.append((f"{what} exit code not 0/1/2", f"{code}: {detail}"))
    elif any(t in stderr for t in TRAPS):
        problems.append((f"{what} runtime trap message in stderr", detail))
    return problems
