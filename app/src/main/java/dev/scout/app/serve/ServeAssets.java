package dev.scout.app.serve;

import dev.scout.app.report.ReportAssets;

/**
 * The app's one stylesheet (the report's, so a candidate looks the same in both, plus the app's own rules) and its
 * one script, served from {@code /assets/} so the Content-Security-Policy can allow {@code 'self'} and nothing inline.
 */
final class ServeAssets {

    static final String CSS = ReportAssets.CSS + """
            nav.top{background:#1f2933;color:#fff;padding:10px 20px;display:flex;gap:18px;align-items:center}
            nav.top a{color:#fff;text-decoration:none;font-weight:600}nav.top .where{color:#cbd2d9;font-size:13px}
            main.wide{max-width:1400px}
            form.filters{display:flex;flex-wrap:wrap;gap:8px 14px;align-items:end;background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px;margin:0 0 14px}
            form.filters label{display:flex;flex-direction:column;font-size:12px;color:var(--muted)}
            form.filters input,form.filters select{font:inherit;font-size:14px;padding:3px 6px;min-width:90px}
            form.filters input[type=number]{width:80px;min-width:0}
            button,.button{font:inherit;font-size:14px;padding:5px 12px;border-radius:6px;border:1px solid #9aa5b1;background:#fff;cursor:pointer;color:var(--ink);text-decoration:none}
            button.primary{background:#0b5cad;color:#fff;border-color:#0b5cad}
            .pager{display:flex;gap:12px;align-items:center;margin:12px 0}
            .candidates th a{display:block;padding:8px 10px;color:inherit;text-decoration:none;font-weight:600}
            .candidates th.plain{padding:8px 10px}
            .status{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;background:#eef2f6}
            .status.shortlisted{background:var(--flag-bg);color:var(--flag)}.status.rejected{background:#fde8e8;color:var(--bad)}
            .review{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 18px;margin:16px 0}
            .review fieldset{border:0;padding:0;margin:0 0 10px;display:flex;gap:14px}
            .review textarea{width:100%;min-height:70px;font:inherit}
            .review label.field{display:block;margin:6px 0;font-size:13px;color:var(--muted)}
            .review input[type=text]{font:inherit;width:260px}
            .notice{background:#fff8e1;border:1px solid #f0d27a;border-radius:8px;padding:8px 12px;margin:10px 0}
            .error{background:#fde8e8;border:1px solid #f5b5b5;border-radius:8px;padding:12px 16px}
            table.compare{border-collapse:collapse;background:var(--card);width:100%;font-size:14px}
            table.compare th,table.compare td{border:1px solid var(--line);padding:6px 10px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
            table.compare thead th{background:#eef2f6}
            .growth .line{fill:none;stroke:#0b5cad;stroke-width:2}.growth .dot{fill:#0b5cad}
            .spot{color:var(--muted);font-size:13px}
            """;

    /** Compare: at most four candidates can be ticked; the button says how many are. */
    static final String JS = """
            (function () {
              var form = document.getElementById('compare-form');
              if (!form) { return; }
              var button = document.getElementById('compare-button');
              var boxes = form.querySelectorAll('input[name="id"][type="checkbox"]');
              function update() {
                var ticked = form.querySelectorAll('input[name="id"]:checked').length;
                button.disabled = ticked < 2 || ticked > 4;
                button.textContent = 'Compare ' + ticked + ' (2\\u20134)';
                Array.prototype.forEach.call(boxes, function (b) { b.disabled = !b.checked && ticked >= 4; });
              }
              Array.prototype.forEach.call(boxes, function (b) { b.addEventListener('change', update); });
              update();
            })();
            """;

    private ServeAssets() {
    }
}
