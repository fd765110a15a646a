"""Mutation family 8: content files of every extension with hostile contents."""
import os
import zlib

from .project import write


# ---- Family 8: content files of every extension ----------------------------------------------

# Extensions vcc publishes from content/ as they are (ContentFilePolicy.inertExtensions).
INERT = {"png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "ico", "tif", "tiff", "pdf", "odt", "ods", "odp", "odg", "docx",
         "xlsx", "pptx", "doc", "xls", "ppt", "rtf", "epub", "txt", "csv", "tsv", "json", "geojson", "yml", "yaml", "ics", "vcf",
         "zip", "mp3", "m4a", "ogg", "oga", "opus", "wav", "mp4", "m4v", "webm", "ogv", "vtt"}
HTML_EXTENSIONS = {"html", "htm", "xhtml", "xht", "shtml"}
CONTENT_EXTENSIONS = [".js", ".mjs", ".cjs", ".jsx", ".ts", ".wasm", ".swf", ".html", ".htm", ".xhtml", ".xht", ".shtml", ".svg",
                      ".svg", ".svg", ".svgz", ".xml", ".xsl", ".xslt", ".css", ".php", ".JS", ".Html", ".SVG", ".Svg",
                      ".svg.png", ".png.svg", ".js.txt", ".txt.js", ".html.", ".md.html", "", ".appcache", ".webmanifest",
                      ".json", ".pdf", ".rdf", ".htaccess", ".MJS", ".xHtMl", ".svg.", ".tar.gz", ".csv", ".mathml"]
SVG_PAYLOADS = [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect width="1" height="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect ONCLICK="alert(1)" OnMouseOver="x" width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a href="javascript:alert(1)"><text>a</text></a>'
    '<a xlink:href="&#106;avascript:alert(1)"><text>b</text></a><a href="java&#x09;script:alert(1)"><text>c</text></a>'
    '<a href=" JaVaScRiPt:alert(1)"><text>d</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject width="9" height="9"><body xmlns="http://www.w3.org/1999/xhtml">'
    '<script>alert(1)</script><iframe src="javascript:alert(1)"></iframe></body></foreignObject></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><a><set attributeName="href" to="javascript:alert(1)"/>'
    '<animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/x.png"/>'
    '<use href="https://evil.example/s.svg#a"/><use xlink:href="//evil.example/s.svg#a"/><image href="http://evil.example/i.png"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css); rect{fill:url(https://evil.example/f)}</style>'
    '<rect style="fill:url(\'http://evil.example/p\')" width="1"/><rect fill="url(//evil.example/q)" width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>rect{background:\\75 rl(https://evil.example/e)}</style>'
    '<rect style="fill:\\75rl(//evil.example/f)" width="1"/><rect style="background-image:image-set(\'https://evil.example/g\' 1x)"/></svg>',
    '<!DOCTYPE svg [<!ENTITY x "javascript:alert(1)"><!ENTITY y SYSTEM "file:///etc/passwd">]>'
    '<svg xmlns="http://www.w3.org/2000/svg"><a href="&x;"><text>&y;</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><script type="text/ecmascript"><![CDATA[alert(1)]]></script>'
    '<![CDATA[<script>alert(2)</script>]]><rect width="1"/></svg>',
    '<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="https://evil.example/x.xsl"?>'
    '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:svg="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script>'
    '<SCRIPT>alert(2)</SCRIPT><g><script href="data:text/javascript,alert(3)"/></g></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>/*</style><script>alert(1)</script><style>*/</style><rect width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"/>'
    '<image href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"/><a href="https://vcc.example.org/ok"><text>ok</text></a></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><handler xmlns:ev="http://www.w3.org/2001/xml-events" ev:event="load">alert(1)</handler>'
    '<rect width="1"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"><title>ok</title></rect><text x="1" y="1">Text &amp; mehr</text></svg>',
    '<svg><rect width="1"/>', '<svg xmlns="http://www.w3.org/2000/svg"><g></rect></g></svg>', '\ufeff<svg/>', '',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javas\ncript:alert(1)">'
    '<text>n</text></a><a href="vbscript:x"><text>v</text></a><rect xml:base="https://evil.example/" width="1"/></svg>',
]
OTHER_PAYLOADS = [
    "<!DOCTYPE html><title>x</title><script>fetch('/pwned')</script>",
    "<html><body onload=\"alert(1)\"><iframe src=\"javascript:alert(1)\"></iframe></body></html>",
    "self.addEventListener('install', e => self.skipWaiting());\nself.addEventListener('fetch', e => e.respondWith(fetch('/pwned-sw')));\n",
    "navigator.serviceWorker.register('/sw.js', {scope: '/'});\n",
    '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><script src="/evil.js"/></html>',
    '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"><xsl:template match="/">'
    '<script xmlns="http://www.w3.org/1999/xhtml">alert(1)</script></xsl:template></xsl:stylesheet>',
    "@import url(https://evil.example/x.css);\nbody{background:\\75 rl(javascript:alert(1))}\n",
    "<?php system($_GET['c']); ?>", "\x00asm\x01\x00\x00\x00", "CACHE MANIFEST\n/evil.js\n",
    '{"name": "x", "start_url": "javascript:alert(1)", "serviceworker": {"src": "/sw.js"}}',
]


def content_extension(name):
    """The lowercased extension the way vcc's ContentFilePolicy sees it (last non-empty part after a dot)."""
    parts = [p for p in name.split(".") if p]
    return parts[-1].lower() if "." in name and parts else ""


def mutate_content_files(rng, case):
    """Adds content files with many extensions and hostile contents (SVG with script, HTML, service workers, XML)."""
    opt_in = rng.random() < 0.2
    if opt_in:
        site_yml = os.path.join(case.proj, "site.yml")
        if os.path.isfile(site_yml) and not os.path.islink(site_yml):
            with open(site_yml, "ab") as f:
                f.write(b"publish_html_files: true\n")
    names = []
    for _ in range(rng.randint(2, 8)):
        folder = rng.choice(["", "", "blaupausen", "berichte", "anhang", "assets", "suche", "qualifizierung/grundlagen"])
        ext = rng.choice(CONTENT_EXTENSIONS)
        stem = rng.choice(["sw", "evil", "bild", "seite", "bericht", "manifest", "daten", "x-" + str(rng.randrange(1000))])
        rel = (folder + "/" if folder else "") + stem + ext
        if rel in case.added_content or rel.endswith(".md") or os.path.lexists(os.path.join(case.proj, "content", rel)):
            continue
        is_svg = content_extension(rel) == "svg" or (ext.lower().startswith(".svg") and rng.random() < 0.8)
        data = (rng.choice(SVG_PAYLOADS) if is_svg or rng.random() < 0.2 else rng.choice(OTHER_PAYLOADS)).encode()
        if ext == ".svgz":
            data = zlib.compress(data)
        write(os.path.join(case.proj, "content", rel), data)
        case.added_content[rel] = data
        names.append(rel)
    if not opt_in:  # refusals are warnings: nothing else changed, so the build still succeeds
        case.benign += 1
    return f"content files: {', '.join(names)}{' (publish_html_files: true)' if opt_in else ''}"
