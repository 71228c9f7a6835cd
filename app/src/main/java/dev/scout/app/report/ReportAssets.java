package dev.scout.app.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report's inline stylesheet and script, and their CSP hashes. Kept inline so the report opens offline; the
 * page's Content-Security-Policy allows exactly these two blocks (by SHA-256) and nothing else, so even markup
 * that slipped past escaping could not run a script or load anything.
 */
public final class ReportAssets {

    /** The report's stylesheet; the review app serves it too, so a candidate looks the same in both. */
    public static final String CSS = """
            :root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--bg:#f5f7fa;--card:#fff;--flag:#0f7b4d;--flag-bg:#e3f6ec;--other:#9aa5b1;--bad:#b42318}
            *{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
            main{max-width:1100px;margin:0 auto;padding:24px 20px 60px}
            h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 10px}h3{margin:0;font-size:18px}h4{margin:16px 0 6px;font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
            .sub{color:var(--muted);margin:0 0 18px}
            .stats{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:10px;margin:0;padding:0}
            .stats div{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 14px}
            .stats dt{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}.stats dd{margin:2px 0 0;font-size:22px;font-weight:600}
            .extra{color:var(--muted);margin:10px 0 0;padding-left:18px}
            .panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px}
            .chart{width:100%;height:auto;display:block}
            .chart .grid{stroke:var(--line)}.chart .axis{stroke:var(--muted)}
            .chart .tick,.chart .count{font-size:11px;fill:var(--muted)}.chart .axis-title{font-size:12px;fill:var(--ink)}
            .chart .band{fill:var(--flag-bg);opacity:.6}.chart .band-label{font-size:11px;fill:var(--flag)}
            .chart .pt{fill:var(--other);fill-opacity:.55}.chart .pt.flagged{fill:var(--flag);fill-opacity:.95;stroke:#fff;stroke-width:1}.chart .pt.clipped{stroke:var(--bad);stroke-width:1.5}
            .chart .bar{fill:var(--other);opacity:.7}.chart .bar.flagged{fill:var(--flag);opacity:1}
            .legend{font-size:13px;color:var(--muted);margin:6px 4px 0}.legend i{display:inline-block;width:10px;height:10px;border-radius:50%;margin:0 4px 0 12px;background:var(--other)}.legend i.f{background:var(--flag)}
            table.candidates{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:10px;overflow:hidden;font-size:14px}
            .candidates th{background:#eef2f6;text-align:left;padding:0}
            .candidates th button{all:unset;cursor:pointer;display:block;padding:8px 10px;font-weight:600}
            .candidates th[aria-sort=ascending] button::after{content:" ▲"}.candidates th[aria-sort=descending] button::after{content:" ▼"}
            .candidates td{padding:7px 10px;border-top:1px solid var(--line);vertical-align:top}
            .candidates tr.flagged td{background:var(--flag-bg)}
            .candidates .name{display:block;color:var(--muted);font-size:12px;max-width:280px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
            td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            .handle{word-break:break-all}
            a{color:#0b5cad}
            .cards{display:grid;gap:16px}
            .card{background:var(--card);border:1px solid var(--line);border-left:5px solid var(--other);border-radius:10px;padding:16px 18px}
            .card.flagged{border-left-color:var(--flag)}
            .card header{display:flex;justify-content:space-between;gap:16px;align-items:flex-start}
            .card .meta{margin:2px 0 0;color:var(--muted);font-size:13px;word-break:break-all}
            .card .score{text-align:right;white-space:nowrap}.card .score strong{font-size:30px}.card .score span{color:var(--muted);margin-left:4px}
            .card .score em{display:block;font-style:normal;font-size:12px;color:var(--muted)}.card.flagged .score em{color:var(--flag);font-weight:600}
            .bio{white-space:pre-wrap;background:var(--bg);border-radius:8px;padding:8px 10px;margin:12px 0;overflow-wrap:anywhere}
            .facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:6px 14px;margin:0}
            .facts dt{font-size:12px;color:var(--muted)}.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
            .small{font-size:12px;color:var(--muted);margin:8px 0 0}
            .breakdown{border-collapse:collapse;width:100%;font-size:13px}.breakdown th{text-align:left;width:120px;font-weight:600}
            .breakdown td,.breakdown th{padding:3px 6px}.breakdown td.bar{width:140px}
            .meter{width:130px;height:10px}.meter .track{fill:var(--line)}.meter .fill{fill:var(--flag)}
            .gates,.evidence{margin:0;padding-left:20px;font-size:14px;overflow-wrap:anywhere}
            .gates li{list-style:none;margin-left:-20px}.gates .pass{color:var(--flag)}.gates .fail{color:var(--bad)}
            .evidence .concern{color:var(--bad)}
            footer{margin-top:40px;color:var(--muted);font-size:12px}
            """;

    static final String JS = """
            (function () {
              var table = document.getElementById('candidates');
              if (!table) { return; }
              var body = table.tBodies[0];
              var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
              function value(row, index, numeric) {
                var cell = row.cells[index];
                return numeric ? parseFloat(cell.getAttribute('data-sort')) : cell.textContent.toLowerCase();
              }
              function sortBy(th, direction) {
                var index = heads.indexOf(th);
                var numeric = th.getAttribute('data-type') === 'number';
                var rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = value(a, index, numeric), y = value(b, index, numeric);
                  return (x < y ? -1 : x > y ? 1 : 0) * direction;
                });
                rows.forEach(function (row) { body.appendChild(row); });
                heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
                th.setAttribute('aria-sort', direction > 0 ? 'ascending' : 'descending');
              }
              heads.forEach(function (th) {
                th.addEventListener('click', function () {
                  sortBy(th, th.getAttribute('aria-sort') === 'descending' ? 1 : -1);
                });
              });
              var wanted = /^#sort=([a-z_]+)(-asc)?$/.exec(window.location.hash);
              if (wanted) {
                var th = table.querySelector('th[data-key="' + wanted[1] + '"]');
                if (th) { sortBy(th, wanted[2] ? 1 : -1); }
              }
            })();
            """;

    private ReportAssets() {
    }

    /** The Content-Security-Policy: nothing may load; only the two inline blocks above may apply or run. */
    static String contentSecurityPolicy() {
        return "default-src 'none'; script-src '" + sha256(JS) + "'; style-src '" + sha256(CSS) + "'; "
                + "base-uri 'none'; form-action 'none'";
    }

    private static String sha256(String block) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(block.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
