package dev.pipelines.cdc.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** The differences between a source table and its copy, as sentences; empty when they are equal. */
final class TableDiff {
  /** Enough to see what went wrong without flooding a failure message. */
  static final int MAX_REPORTED = 20;

  private TableDiff() {}

  static List<String> between(TableContent source, TableContent target) {
    List<String> out = new ArrayList<>();
    if (!new TreeSet<>(source.columns()).equals(new TreeSet<>(target.columns()))) {
      out.add("columns differ: source " + source.columns() + ", target " + target.columns());
      return out;
    }
    int total = 0;
    for (Map.Entry<List<String>, Map<String, String>> row : source.rows().entrySet()) {
      Map<String, String> copy = target.rows().get(row.getKey());
      if (copy == null) {
        total = add(out, total, "row " + row.getKey() + " missing in " + target.table());
        continue;
      }
      for (String column : source.columns()) {
        String expected = row.getValue().get(column);
        String actual = copy.get(column);
        if (!Objects.equals(expected, actual)) {
          total = add(out, total, "row " + row.getKey() + ", column " + column + ": source '" + expected
              + "', target '" + actual + "'");
        }
      }
    }
    for (List<String> key : target.rows().keySet()) {
      if (!source.rows().containsKey(key)) {
        total = add(out, total, "row " + key + " in " + target.table() + " but not in " + source.table());
      }
    }
    if (total > MAX_REPORTED) {
      out.add("... and " + (total - MAX_REPORTED) + " more differences");
    }
    return out;
  }

  private static int add(List<String> out, int total, String difference) {
    if (total < MAX_REPORTED) {
      out.add(difference);
    }
    return total + 1;
  }
}
