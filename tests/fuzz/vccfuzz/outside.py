"""Mutation family 7: links to files outside the project, FIFOs, sockets and devices where vcc reads."""
import os
import shutil
import socket
import zlib

from .project import PAGE, join_fm, read_fm, remove, set_key, write


# ---- Family 7: files outside the project -----------------------------------------------------

PNG = (b"\x89PNG\r\n\x1a\n" + b"".join(
    len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
    for kind, data in [(b"IHDR", (1).to_bytes(4, "big") * 2 + b"\x08\x06\x00\x00\x00"),
                       (b"IDAT", zlib.compress(b"\x00\x00\x00\x00\x00")), (b"IEND", b"")]))
SVG_OK = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#004f7c"/></svg>\n'

# Where vcc reads a file or folder for the output: (place, path in the project, "file" or "folder").
OUTSIDE_PLACES = [("logo", "logo.svg", "file"), ("logo", "logo.png", "file"), ("site_yml", "site.yml", "file"),
                  ("templates_dir", "templates", "folder"), ("template_file", "templates/layouts/page.mustache", "file"),
                  ("template_file", "templates/base.mustache", "file"), ("template_file", "templates/partials/toc.mustache", "file"),
                  ("template_folder", "templates/partials", "folder"), ("template_folder", "templates/layouts", "folder"),
                  ("asset_file", "templates/assets/style.css", "file"), ("asset_file", "templates/assets/extra.css", "file"),
                  ("assets_folder", "templates/assets", "folder"), ("content_dir", "content", "folder"),
                  ("page", "content/impressum.md", "file"), ("page", "content/blaupausen/termine.md", "file"),
                  ("page", "content/neu.md", "file"), ("attachment", "content/blaupausen/checkliste.txt", "file"),
                  ("attachment", "content/blaupausen/plan.pdf", "file"), ("image", "content/bild.png", "file"),
                  ("image", "content/berichte/grafik.svg", "file"), ("content_folder", "content/extra", "folder"),
                  ("content_folder", "content/blaupausen/anlagen", "folder")]
OUTSIDE_TARGETS = ["outside_file", "outside_file", "outside_dir", "via_linked_folder", "environ", "git_config", "dotenv",
                   "dangling", "loop_parent", "loop_self", "fifo", "fifo", "socket", "device", "inside_ok", "inside_ok"]


def secret_files(case):
    """Files with the case's marker outside the project (root/outside) and in its hidden files."""
    m = case.marker
    page = f"---\ntitle: {m}\nsummary: {m}\n---\n{m}\n"
    files = {"secret.md": page, "secret.svg": f'<svg xmlns="http://www.w3.org/2000/svg"><title>{m}</title><text>{m}</text></svg>\n',
             "secret.png": PNG + m.encode(), "secret.pdf": f"%PDF-1.4\n% {m}\n", "secret.txt": m + "\n", "secret.yml": f"title: {m}\n",
             "secret.mustache": f"<html>{m}{{{{title}}}}</html>\n", "secret.css": f"/* {m} */ body{{}}\n"}
    folder = {"index.md": page, "seite.md": page, "bild.png": PNG + m.encode(), "plan.pdf": files["secret.pdf"],
              "checkliste.txt": m, "geheim.svg": files["secret.svg"], "base.mustache": f"<html>{m}{{{{$main}}}}{{{{/main}}}}</html>",
              "page.mustache": f"{m}{{{{title}}}}", "toc.mustache": m, "style.css": files["secret.css"],
              "layouts/page.mustache": f"{m}{{{{title}}}}", "partials/toc.mustache": m, "assets/style.css": files["secret.css"],
              "assets/geheim.js": f"// {m}\n", "content/index.md": page, "templates/base.mustache": f"{m}"}
    outside = os.path.join(case.root, "outside")
    if not os.path.isdir(outside):
        for rel, text in files.items():
            write(os.path.join(outside, rel), text)
        for rel, text in folder.items():
            write(os.path.join(outside, "dir", rel), text)
        write(os.path.join(case.proj, ".git", "config"), f'[remote "origin"]\n\turl = https://gitlab-ci-token:{m}@example.org/x.git\n')
        write(os.path.join(case.proj, ".env"), f"TOKEN={m}\n")
    return outside


def mutate_outside_files(rng, case):
    """Puts a symlink (outside, into .git/.env, /proc/self/environ, dangling, a loop) or a FIFO where vcc reads."""
    outside = secret_files(case)
    place, rel, kind = rng.choice(OUTSIDE_PLACES)
    target = rng.choice(OUTSIDE_TARGETS)
    path = os.path.join(case.proj, rel)
    here = os.path.dirname(path)
    site_yml = os.path.join(case.proj, "site.yml")
    # Make the place one that vcc reads.
    if place == "logo" and os.path.isfile(site_yml) and not os.path.islink(site_yml):
        with open(site_yml, "ab") as f:
            f.write(f"logo: {rel}\n".encode())
    elif place == "attachment" and rel.endswith("plan.pdf"):
        blueprint = os.path.join(case.proj, "content/blaupausen/posteingang.md")
        lines, body = read_fm(blueprint)
        lines = set_key(lines, "attachments", "[{title: Checkliste, path: checkliste.txt}, {title: Plan, path: plan.pdf}]")
        write(blueprint, join_fm(lines, body))
    elif place == "image":
        page = os.path.join(case.proj, "content", "berichte/zwischenbericht.md" if "berichte" in rel else "index.md")
        with open(page, "ab") as f:
            f.write(f"\n![Eine Grafik]({os.path.basename(rel)})\n".encode())
    os.makedirs(here, exist_ok=True)
    ext = os.path.splitext(rel)[1] or ".txt"
    secret = os.path.join(outside, "secret" + {".md": ".md", ".svg": ".svg", ".png": ".png", ".pdf": ".pdf", ".yml": ".yml",
                                               ".mustache": ".mustache", ".css": ".css"}.get(ext, ".txt"))
    absolute = rng.random() < 0.5
    relative = lambda p: p if absolute else os.path.relpath(p, here)
    if target == "inside_ok":
        # The file or folder moves to an ordinary place inside the project and a link takes its place.
        if place == "template_file":  # a valid override needs the theme: a partial that renders nothing does
            rel, path = "templates/partials/toc.mustache", os.path.join(case.proj, "templates/partials/toc.mustache")
            here = os.path.dirname(path)
            os.makedirs(here, exist_ok=True)
        shared = os.path.join(case.proj, "geteilt", rel.replace("/", "_"))
        if os.path.lexists(path):
            os.makedirs(os.path.dirname(shared), exist_ok=True)
            shutil.move(path, shared)
        elif kind == "folder":
            write(os.path.join(shared, {"templates": "partials/eigene.mustache", "templates/assets": "extra.css",
                                        "templates/partials": "eigene.mustache", "templates/layouts": "eigene.mustache"}
                                   .get(rel, "anlage.txt")), "<!-- x -->\n" if rel.startswith("templates") else "Anlage\n")
        else:
            write(shared, {".svg": SVG_OK, ".png": PNG, ".pdf": "%PDF-1.4\n", ".md": PAGE, ".mustache": "<!-- x -->\n"}.get(ext, "x\n"))
        os.symlink(relative(shared), path)
        case.benign += 1
        return f"outside files: {place} {rel} -> inside the project ({'absolute' if absolute else 'relative'})"
    remove(path)
    if target == "socket" and len(os.fsencode(path)) < 100:  # a Unix socket file stays after the socket is closed
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(path)
    elif target in ("fifo", "socket"):
        os.mkfifo(path)
    elif target in ("loop_parent", "loop_self", "environ", "device"):
        os.symlink({"loop_parent": "..", "loop_self": ".", "environ": "/proc/self/environ",
                    "device": rng.choice(["/dev/zero", "/dev/urandom", "/dev/null", "/dev/stdin"])}[target], path)
    else:
        if target == "via_linked_folder":  # a link to a folder outside, and the place linked into it
            os.symlink(os.path.join(outside, "dir"), os.path.join(case.proj, "verlinkt"))
        inner = {"outside_file": secret, "outside_dir": os.path.join(outside, "dir"),
                 "via_linked_folder": os.path.join(case.proj, "verlinkt", "bild.png" if kind == "file" else "partials"),
                 "git_config": os.path.join(case.proj, ".git", "config"), "dotenv": os.path.join(case.proj, ".env"),
                 "dangling": os.path.join(outside, "gibt-es-nicht" + ext)}[target]
        os.symlink(relative(inner), path)
    if place in ("templates_dir", "content_dir") and target not in ("outside_dir", "via_linked_folder", "loop_parent", "loop_self"):
        # Not a folder: vcc sees no templates/ (the built-in theme is used) or no content/ (exit 2), and reads nothing.
        case.top_folder_not_folder = rel
    elif target not in ("loop_parent", "loop_self"):
        case.refusals.append("site.yml:" if place == "logo" else rel + ":")
    shown = os.readlink(path) if target == "device" else target
    return f"outside files: {place} {rel} -> {shown}{' (absolute)' if absolute and target not in ('fifo', 'socket', 'environ', 'device', 'loop_parent', 'loop_self') else ''}"
