import Foundation
import SiteModel

/// The live-reload script and the status it polls; added only while serving.
enum LiveReload {
    static let tag = Array("<script type=\"module\" src=\"/__vcc/reload.js\"></script>".utf8)

    /// Inserts the script tag before `</body>` (or at the end).
    static func inject(into html: [UInt8]) -> [UInt8] {
        let closing = Array("</body>".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if html[index] == closing[0], html[index..<(index + closing.count)].elementsEqual(closing) {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    static func status(version: Int, problems: [Diagnostic], retrySeconds: Int = 0) -> String {
        let status = PreviewStatus(version: version, errors: problems.filter { $0.severity == .error }.map(\.description),
                                   warnings: problems.filter { $0.severity == .warning }.map(\.description),
                                   retry: retrySeconds > 0 ? retrySeconds : nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(status)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Long-polls /__vcc/status; reloads when the version changes, shows build errors in an overlay.
    static let script = """
    // vcc preview: reload on rebuild, show build errors. Served by `vcc serve` only.
    let version = -1;
    function showProblems(errors, warnings) {
      let box = document.getElementById("vcc-build-errors");
      if (errors.length === 0 && warnings.length === 0) { box?.remove(); return; }
      if (!box) {
        box = document.createElement("div");
        box.id = "vcc-build-errors";
        document.body.append(box);
      }
      // Errors stop publishing (red, announced at once); warnings are findings to fix (dark yellow, polite).
      box.setAttribute("role", errors.length > 0 ? "alert" : "status");
      box.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:50vh;overflow:auto;padding:1rem;font:14px monospace;z-index:9999;white-space:pre-wrap;"
        + (errors.length > 0 ? "background:#5c0011;color:#fff" : "background:#fff4c2;color:#1d1d1b;border-top:4px solid #7a5c00");
      box.textContent = errors.length > 0
        ? "Build-Fehler (die letzte fehlerfreie Fassung wird angezeigt):\\n\\n" + errors.join("\\n")
        : "Hinweise (vcc check zeigt dieselben; die Seite ist gebaut):\\n\\n" + warnings.join("\\n");
    }
    async function poll() {
      for (;;) {
        try {
          const response = await fetch(`/__vcc/status?version=${version}`, { cache: "no-store" });
          const status = await response.json();
          if (version >= 0 && status.version !== version && status.errors.length === 0) { location.reload(); return; }
          version = status.version;
          showProblems(status.errors, status.warnings);
          // The server has enough waiting tabs: ask again later instead of at once.
          if (status.retry) await new Promise((resolve) => setTimeout(resolve, status.retry * 1000));
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    }
    poll();
    """
}
