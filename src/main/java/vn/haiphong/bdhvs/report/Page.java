package vn.haiphong.bdhvs.report;

import java.util.List;

/**
 * The report's page: one HTML document with its style inline, sections in order, no script. Under
 * 600 px (a phone) tables marked {@code cards} show each row as a card of labelled figures (each
 * cell carries its column's name in {@code data-label}), so nothing scrolls sideways.
 */
final class Page {
  private Page() {}

  /** A section: its anchor id, its heading (already HTML) and its body (already HTML). */
  record Section(String id, String heading, String body) {}

  static String html(String title, List<Section> sections) {
    return html(title, "", sections);
  }

  /** With {@code lead} (already HTML: links to the other reports) under the title. */
  static String html(String title, String lead, List<Section> sections) {
    StringBuilder nav = new StringBuilder();
    StringBuilder body = new StringBuilder();
    for (Section s : sections) {
      nav.append("<li><a href=\"#").append(s.id()).append("\">").append(s.heading()).append("</a></li>");
      body.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(s.heading()).append("</h2>\n")
          .append(s.body()).append("</section>\n");
    }
    return """
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
        <title>%s</title>
        <style>
        %s
        </style>
        </head>
        <body>
        <header><p class="org">THÀNH PHỐ HẢI PHÒNG — Phong trào "Bình dân học vụ số"</p><h1>%s</h1>%s
        <nav><ul>%s</ul></nav></header>
        <main>
        %s</main>
        <footer><p>Tạo tự động từ kho dữ liệu bdhvs. Số liệu tạm tính có thể thay đổi khi các đơn vị nộp đủ báo cáo.</p></footer>
        </body>
        </html>
        """.formatted(HtmlText.escape(title), STYLE, HtmlText.escape(title), lead, nav, body);
  }

  private static final String STYLE = """
      body { font-family: "Segoe UI", Arial, "Noto Sans", "DejaVu Sans", sans-serif; color: #1b1b1b; margin: 0 auto; max-width: 1200px; padding: 16px 24px; font-size: 14px; overflow-wrap: anywhere; }
      header { border-bottom: 3px solid #b22222; margin-bottom: 12px; }
      .org { margin: 0; font-weight: 600; color: #b22222; letter-spacing: .02em; }
      .doc-header { text-align: center; margin: 8px 0; }
      .doc-header p { margin: 2px 0; }
      p.narrative { text-align: justify; max-width: 60em; }
      h1 { font-size: 22px; margin: 6px 0 8px; }
      h2 { font-size: 18px; border-bottom: 1px solid #ccc; padding-bottom: 4px; margin-top: 28px; }
      h3 { font-size: 15px; margin: 16px 0 6px; }
      nav ul { list-style: none; display: grid; grid-template-columns: 1fr 1fr; column-gap: 24px; margin: 0 0 8px; padding-left: 0; }
      nav a { color: #1a4f8b; text-decoration: none; }
      table { border-collapse: collapse; width: 100%; }
      th, td { border: 1px solid #bbb; padding: 4px 6px; vertical-align: top; }
      th { background: #f1ede4; font-weight: 600; }
      td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
      .delta { font-size: 12px; color: #555; }
      table.kpi td[data-indicator] { min-width: 250px; }
      table.kpi th.target { width: 72px; } table.kpi th:first-child { white-space: nowrap; }
      .note { font-size: 12px; color: #555; }
      .status { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 12px; white-space: nowrap; }
      .st-achieved { background: #d8f0d2; } .st-on-track { background: #e3edf9; } .st-at-risk { background: #fff1c2; }
      .st-off-track { background: #f8d4d0; } .st-no-target { background: #eee; } .st-no-data { background: #eee; }
      .st-check-data { background: #f3dcf3; }
      table.wards { font-size: 11.5px; } table.wards th { font-size: 11px; font-weight: 600; }
      table.wards td { padding: 2px 4px; } table.wards td:nth-child(3) { white-space: nowrap; }
      .trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(300px, 100%), 1fr)); gap: 10px; }
      figure { margin: 0; }
      figure.trend { border: 1px solid #ddd; padding: 4px; }
      figure.trend figcaption { font-size: 12px; font-weight: 600; } figure.trend .keys { font-size: 12px; } figure.trend svg { max-width: 100%; height: auto; }
      .key { margin-right: 12px; white-space: nowrap; color: #444; } .key i { display: inline-block; width: 18px; vertical-align: middle; margin-right: 4px; }
      .k-line { border-top: 2px solid #b22222; } .k-bar { height: 10px; background: #4a7fb5; } .k-target { border-top: 2px dashed #2e7d32; }
      svg .grid { stroke: #eee; } svg .unit { font-weight: 600; }
      .estimate { font-size: 11px; color: #555; white-space: nowrap; }
      svg .bar { fill: #4a7fb5; } svg .line { fill: none; stroke: #b22222; stroke-width: 2; }
      svg .dot { fill: #b22222; } svg .target { stroke: #2e7d32; stroke-dasharray: 4 3; }
      svg .base { stroke: #999; } svg .axis { font-size: 10px; fill: #555; } svg .latest { font-size: 12px; font-weight: 600; fill: #1b1b1b; }
      figure.map svg { max-width: 100%; height: auto; background: #f7fbff; border: 1px solid #ddd; }
      figure.map path { stroke: #fff; stroke-width: .6; }
      figure.map .inset rect { fill: #eef5fb; stroke: #999; } figure.map .inset text { font-size: 10px; fill: #555; }
      .badge circle { stroke: #fff; stroke-width: 1; } .badge.top circle { fill: #08306b; } .badge.bottom circle { fill: #b22222; }
      .badge text { fill: #fff; font-size: 9px; font-weight: 600; }
      .extremes { display: flex; flex-wrap: wrap; gap: 8px 32px; font-size: 12.5px; } .extremes h4 { margin: 4px 0; }
      .extremes ol { margin: 0; padding-left: 22px; } .extremes .top li::marker { color: #08306b; font-weight: 600; }
      .extremes .bottom li::marker { color: #b22222; font-weight: 600; }
      table.wards td.st-no-target { background: none; }
      .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; font-size: 12px; }
      .swatch { display: inline-block; width: 14px; height: 14px; margin-right: 4px; vertical-align: middle; border: 1px solid #aaa; }
      .rankings { display: grid; grid-template-columns: repeat(3, 1fr); gap: 16px; }
      .ranking h3 { font-size: 13px; } .ranking h4 { margin: 6px 0 2px; font-size: 12px; color: #555; }
      .ranking ol { margin: 0; padding-left: 22px; }
      tr.flagged td { background: #fdecea; }
      .file { font-family: monospace; font-size: 12px; word-break: break-all; }
      ul.columns { columns: 2; }
      .notes .untrusted { white-space: pre-wrap; }
      .lead { margin: 0 0 8px; } .lead a { color: #1a4f8b; margin-right: 16px; }
      .counts { white-space: normal; } .counts .status { margin: 1px 4px 1px 0; }
      table.index td.name a { color: #1a4f8b; }
      footer { margin-top: 32px; font-size: 12px; color: #666; border-top: 1px solid #ccc; }
      @media print { nav { display: none; } section { break-inside: avoid-page; } }
      @media (max-width: 600px) {
        body { padding: 8px 10px; }
        h1 { font-size: 19px; }
        nav ul { grid-template-columns: 1fr; }
        .rankings { grid-template-columns: 1fr; }
        table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; }
        table.cards thead { display: none; }
        table.cards tr { border: 1px solid #bbb; border-radius: 4px; margin-bottom: 8px; padding: 4px 8px; }
        table.cards td { border: none; position: relative; padding: 3px 0 3px 46%; min-height: 1.2em; text-align: left; white-space: normal; }
        table.cards td::before { content: attr(data-label); position: absolute; left: 0; width: 43%; color: #555; }
        table.cards td.name { padding-left: 0; font-weight: 600; font-size: 15px; }
        table.cards td.stt, table.wards td.code { display: none; }
        table.cards td.file::before { font-family: inherit; font-size: 14px; }
        ul.columns { columns: 1; }
        table.kpi td[data-indicator] { min-width: 0; }
        table.wards tr { display: grid; grid-template-columns: 1fr 1fr; column-gap: 10px; }
        table.wards td { padding: 2px 0; font-size: 13px; } table.wards td.name { grid-column: 1 / -1; }
        table.wards td::before { position: static; display: block; width: auto; font-size: 11px; }
      }
      """;
}
