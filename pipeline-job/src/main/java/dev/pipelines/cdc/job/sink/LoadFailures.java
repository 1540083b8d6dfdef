package dev.pipelines.cdc.job.sink;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tells a load StarRocks refused because of the DATA (retrying sends the same rows and gets the
 * same answer) from every other failure (retrying may well succeed). Pure: it reads only the
 * failure's text, which is all flink-connector-starrocks 1.2.10 keeps of StarRocks' answer.
 *
 * <p>How the connector reports a refused row (read in its source): StarRocks answers the load (plain
 * Stream Load) or the transaction's prepare (transaction Stream Load, both semantics) with
 * {@code Status: Fail} and {@code Message: too many filtered rows}, plus an {@code ErrorURL} whose
 * text has one line per filtered row. The connector fetches that text and throws
 * {@code StreamLoadFailException("... failed ..., db: D, table: T, label: L, \nresponseBody: {...}\nerrorLog: ...")},
 * which reaches the sink function wrapped in a {@code RuntimeException} (or an {@code IOException}
 * on flush). A key longer than StarRocks' limit fails the load as a whole with
 * {@code primary key size exceed the limit}: also the data. The connector's own retry logic
 * ({@code ErrorUtils.isRetryable}) singles out the same two messages as not retryable.
 *
 * <p>Everything else is transient for us: connection refused or reset, timeouts, HTTP 5xx or 307,
 * {@code too many tablet versions}, {@code current running txns on db ... exceeds limit}, label
 * conflicts, {@code TXN_NOT_EXISTS}, an unreachable error log. Access denied is retried too: an
 * administrator's GRANT fixes it without touching the job.
 */
public final class LoadFailures {
  /** StarRocks' messages for loads that failed because of the rows they carried. */
  private static final List<String> DATA_REFUSED = List.of("too many filtered rows", "primary key size exceed");
  private static final Pattern TABLE = Pattern.compile("db: ([^,\\s]+), table: ([^,\\s]+)");
  private static final Pattern ERROR_URL = Pattern.compile("\"ErrorURL\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ERROR_LOG = Pattern.compile("errorLog: (.*)", Pattern.DOTALL);
  /** {@code column 'x'}, {@code column: x}, {@code column=x}, {@code column name: x} (not "column count"). */
  private static final Pattern COLUMN = Pattern.compile(
      "(?i)\\bcolumn(?:\\s+name)?\\s*(?:[=:]\\s*['`\"]?([^'`\",;\\s)]+)|['`\"]([^'`\"]+)['`\"])");
  private static final Pattern ROW = Pattern.compile("Row: (\\{.*)");
  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadFailures() {}

  /**
   * The refused row {@code failure} reports, or empty when it is not a refusal of the data.
   *
   * @param keyColumnsByTable each StarRocks table's ({@code db.table}) key columns, to name the row
   */
  public static Optional<RowRejection> rowRejection(Throwable failure, Map<String, List<String>> keyColumnsByTable) {
    String text = chainText(failure);
    String lower = text.toLowerCase(Locale.ROOT);
    Optional<String> refusal = DATA_REFUSED.stream().filter(lower::contains).findFirst();
    if (refusal.isEmpty()) {
      return Optional.empty();
    }
    Matcher table = TABLE.matcher(text);
    String qualified = table.find() ? table.group(1) + "." + table.group(2) : null;
    String firstError = firstErrorLine(failure);
    String column = firstError == null ? column(text) : column(firstError);
    String key = firstError == null ? null : key(firstError, keyColumnsByTable.getOrDefault(qualified, List.of()));
    String reason = "StarRocks refused the load (" + refusal.get() + ")" + (firstError != null ? ": " + withoutRow(firstError)
        : errorUrl(text).map(u -> "; see the error log at ErrorURL " + u).orElse("; StarRocks' answer names no row"));
    return Optional.of(new RowRejection(qualified, column, key, reason));
  }

  /** Every message of the cause chain, outermost first (the connector nests its message in wrappers). */
  static String chainText(Throwable failure) {
    Set<Throwable> seen = new LinkedHashSet<>();
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      if (t.getMessage() != null) {
        messages.add(t.getMessage());
      }
    }
    return String.join("\n", messages);
  }

  /**
   * The error log's first non-empty line (StarRocks writes one per filtered row), from the innermost
   * message that carries one: the connector's own exception, whose message ends with the log.
   */
  private static String firstErrorLine(Throwable failure) {
    String errorLog = null;
    Set<Throwable> seen = new LinkedHashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      Matcher log = t.getMessage() == null ? null : ERROR_LOG.matcher(t.getMessage());
      if (log != null && log.find()) {
        errorLog = log.group(1);
      }
    }
    if (errorLog == null) {
      return null;
    }
    for (String line : errorLog.split("\n")) {
      String l = line.strip();
      if (!l.isEmpty() && !l.equals("null") && !l.startsWith("Failed to get error log")) {
        return l;
      }
    }
    return null;
  }

  /**
   * The error line without the row it shows: the row's values stay in StarRocks' error log and out
   * of the job's failure and the pipeline's status; the key names the row.
   */
  private static String withoutRow(String errorLine) {
    int row = errorLine.indexOf("Row: ");
    String reason = row < 0 ? errorLine : errorLine.substring(0, row).strip();
    reason = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
    return reason.startsWith("Error: ") ? reason.substring("Error: ".length()) : reason;
  }

  private static String column(String text) {
    Matcher m = COLUMN.matcher(text);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** The key columns' values in the row the error line shows ({@code Row: {"id":42,...}}), if it shows one. */
  private static String key(String errorLine, List<String> keyColumns) {
    Matcher m = ROW.matcher(errorLine);
    if (!m.find() || keyColumns.isEmpty()) {
      return null;
    }
    try {
      JsonNode row = JSON.readTree(m.group(1));
      List<String> parts = new ArrayList<>();
      for (String k : keyColumns) {
        JsonNode v = row.get(k);
        if (v == null) {
          return null;
        }
        parts.add(k + "=" + (v.isTextual() ? v.asText() : v.toString()));
      }
      return String.join(", ", parts);
    } catch (Exception notJson) {
      return null; // the line shows the row in another form (e.g. CSV); the reason still carries it
    }
  }

  private static Optional<String> errorUrl(String text) {
    Matcher m = ERROR_URL.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
