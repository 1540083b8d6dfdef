package dev.pipelines.cdc.bench;

import java.util.ArrayList;
import java.util.List;

/** The results as a fixed-width text table (also pasted into docs/performance.md as Markdown). */
public final class ResultTable {
  private static final List<String> HEADER = List.of("section", "measure", "ours", "limit (same run)", "ratio",
      "target", "met");

  private ResultTable() {}

  static List<String> cells(Result r) {
    String ours = Format.number(r.value()) + " " + r.unit();
    String limit = r.limit() == null ? "" : Format.number(r.limit()) + " " + r.unit() + " (" + r.limitName() + ")";
    String ratio = r.ratio() == null ? "" : Format.number(r.ratio());
    String target = r.target() == null ? "" : r.target().describe(r.unit());
    String met = r.met() == null ? "" : r.met() ? "yes" : "NO";
    return List.of(r.section(), r.measure(), ours, limit, ratio, target, met);
  }

  /** Aligned plain text, one result per line. */
  public static String text(List<Result> results) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(HEADER);
    results.forEach(r -> rows.add(cells(r)));
    int[] widths = new int[HEADER.size()];
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      for (int i = 0; i < row.size(); i++) {
        out.append(i == 0 ? "" : "  ").append(pad(row.get(i), widths[i], i >= 2 && i <= 4));
      }
      out.append(System.lineSeparator());
      if (r == 0) {
        int total = 0;
        for (int w : widths) {
          total += w + 2;
        }
        out.append("-".repeat(total - 2)).append(System.lineSeparator());
      }
    }
    return out.toString();
  }

  /** A Markdown table, for docs/performance.md. */
  public static String markdown(List<Result> results) {
    StringBuilder out = new StringBuilder("| " + String.join(" | ", HEADER) + " |\n");
    out.append("|").append(" --- |".repeat(HEADER.size())).append("\n");
    for (Result r : results) {
      out.append("| ").append(String.join(" | ", cells(r))).append(" |\n");
    }
    return out.toString();
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(width - s.length());
    return right ? fill + s : s + fill;
  }
}
