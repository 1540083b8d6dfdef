package dev.pipelines.cdc.job.snapshot;

import dev.pipelines.cdc.job.PipelinePlan;
import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import dev.pipelines.cdc.job.source.ChangeRow;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.Utils;

/**
 * A test-only snapshot encoding, standing in for the production COPY encoder (branch issue14-copy)
 * in tests of the snapshot source itself: Postgres renders every column as JSON
 * ({@code to_json}, with timestamps as StarRocks' DATETIME text and char(n) unpadded), and this
 * only undoes COPY's text escaping. It covers the types of the job ITs' tables, not every mapped type.
 */
public final class JsonCastEncoders {
  private JsonCastEncoders() {}

  public static SnapshotEncoders of(PipelinePlan plan) {
    return JsonCastEncoders::forTable;
  }

  public static SnapshotRowEncoder forTable(SourceTable table) {
    List<String> names = table.columns().stream().map(SourceColumn::name).toList();
    List<String> exprs = new ArrayList<>();
    for (SourceColumn c : table.columns()) {
      String q = quote(c.name());
      String type = c.type();
      String expr = type.startsWith("timestamp") && type.endsWith("with time zone")
          ? "to_char(" + q + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
          : type.startsWith("timestamp") ? "to_char(" + q + ", 'YYYY-MM-DD HH24:MI:SS.US')"
          : type.startsWith("character(") ? "rtrim(" + q + ")" : q;
      exprs.add("to_json(" + expr + ")::text");
    }
    String selectList = String.join(", ", exprs);
    List<Integer> keyIndexes = table.primaryKey().stream().map(names::indexOf).toList();
    String qualified = table.qualifiedName();
    return new SnapshotRowEncoder() {
      @Override
      public String selectList() {
        return selectList;
      }

      @Override
      public ChangeRow encode(byte[] line, int offset, int length) {
        String[] fields = fields(new String(line, offset, length, StandardCharsets.UTF_8));
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields.length; i++) {
          json.append(Jsonish.string(names.get(i))).append(':').append(fields[i] == null ? "null" : fields[i]).append(',');
        }
        json.append("\"__op\":0}");
        StringBuilder key = new StringBuilder();
        for (int k : keyIndexes) {
          key.append(fields[k] == null ? "" : fields[k]).append('\u0001');
        }
        return new ChangeRow(qualified, key.toString(), json.toString());
      }
    };
  }

  /** COPY text format: tab-separated, {@code \N} for NULL, backslash escapes. */
  static String[] fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean nullField = false;
    for (int i = 0; i <= line.length(); i++) {
      char c = i < line.length() ? line.charAt(i) : '\t';
      if (c == '\t') {
        out.add(nullField ? null : field.toString());
        field.setLength(0);
        nullField = false;
      } else if (c == '\\') {
        char n = line.charAt(++i);
        switch (n) {
          case 'N' -> nullField = true;
          case 't' -> field.append('\t');
          case 'n' -> field.append('\n');
          case 'r' -> field.append('\r');
          case 'b' -> field.append('\b');
          case 'f' -> field.append('\f');
          case 'v' -> field.append('\u000b');
          default -> field.append(n);
        }
      } else {
        field.append(c);
      }
    }
    return out.toArray(String[]::new);
  }

  private static String quote(String identifier) {
    try {
      return Utils.escapeIdentifier(null, identifier).toString();
    } catch (java.sql.SQLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Column names as JSON strings (test tables' names need no escaping beyond quotes and backslashes). */
  private static final class Jsonish {
    static String string(String s) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
  }
}
