package dev.pipelines.cdc.config.names;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Which names the pipeline gives StarRocks objects, and how they are written in SQL. Pure; the job
 * (before any DDL) and the operator (validator and preflight) both call it, so they refuse the same
 * names with the same words.
 *
 * <p>The rule is StarRocks' documented one (System limits: letters, digits and '_', starting with a
 * letter or '_'; databases at most 256 characters, tables and columns at most 1024), plus the
 * column names its FE reserves whatever the documentation says ({@code FeNameFormat}: {@code __op}
 * and {@code __row}, and the {@code __starrocks_shadow_} and {@code __generated_partition_column_}
 * prefixes). The FE's code accepts more than the documentation (a table name may hold anything but
 * NUL; a column anything but NUL and {@code = < > ! *}), but a name outside the documented set
 * also has to survive the Stream Load path: the table is a segment of the load URL, which the
 * connector does not encode, and the connector's {@code columns} header strips backquotes. So the
 * pipeline holds to the documented set, which every StarRocks version and both paths accept.
 *
 * <p>StarRocks compares column names without case; table names with case by default, but without
 * it where {@code enable_table_name_case_insensitive} is set (4.0+). Collisions are therefore
 * checked without case (see {@link TargetNames}).
 */
public final class StarRocksNames {
  public static final int MAX_DATABASE_NAME = 256;
  public static final int MAX_TABLE_NAME = 1024;
  public static final int MAX_COLUMN_NAME = 1024;

  /**
   * The table rule's characters as one regular expression, for schemas (the CdcPipeline CRD's route
   * targets), which add {@link #MAX_TABLE_NAME} as a length bound; {@link #tableProblem} is the same
   * rule with reasons. No length in the pattern: the API server's RE2 refuses repeat counts above
   * 1000 (measured, kube-apiserver 1.34: "invalid repeat count" for {0,1023}, the CRD is refused).
   */
  public static final String TABLE_NAME_PATTERN = "^[a-zA-Z_][a-zA-Z0-9_]*$";

  /**
   * FeNameFormat's database rule as one regular expression: a letter, or '_' and a letter or digit, then
   * word characters. For schemas (the CdcPipeline CRD's sink database), which add {@link #MAX_DATABASE_NAME}
   * as a length bound; {@link #databaseProblem} is the same rule with reasons (and also refuses
   * {@code information_schema}, which no RE2 pattern can exclude without look-ahead).
   */
  public static final String DATABASE_NAME_PATTERN = "^([a-zA-Z][a-zA-Z0-9_]*|_[a-zA-Z0-9][a-zA-Z0-9_]*)$";

  private static final Pattern DATABASE = Pattern.compile(DATABASE_NAME_PATTERN);
  private static final Pattern TABLE_OR_COLUMN = Pattern.compile(TABLE_NAME_PATTERN);
  private static final Pattern ALLOWED_CHAR = Pattern.compile("[a-zA-Z0-9_]");

  /** Column names StarRocks' FE refuses whatever their characters ({@code __op} carries the load's operation). */
  private static final Set<String> RESERVED_COLUMNS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  private static final String SHADOW_PREFIX = "__starrocks_shadow_";
  private static final String GENERATED_PARTITION_PREFIX = "__generated_partition_column_";

  static {
    RESERVED_COLUMNS.add("__op");
    RESERVED_COLUMNS.add("__row");
  }

  /** The words every refusal ends with: what StarRocks accepts. */
  public static final String RULE = "StarRocks names hold only letters a-z and A-Z, digits and '_',"
      + " and start with a letter or '_'";

  private StarRocksNames() {}

  /** Why StarRocks would not take this database name, if it would not. */
  public static Optional<String> databaseProblem(String name) {
    return shapeProblem(name, DATABASE, MAX_DATABASE_NAME)
        .or(() -> name.equalsIgnoreCase("information_schema")
            ? Optional.of("is StarRocks' own information_schema") : Optional.empty());
  }

  /** Why StarRocks would not take this table name, if it would not. */
  public static Optional<String> tableProblem(String name) {
    return shapeProblem(name, TABLE_OR_COLUMN, MAX_TABLE_NAME);
  }

  /** Why StarRocks would not take this column name, if it would not. */
  public static Optional<String> columnProblem(String name) {
    Optional<String> shape = shapeProblem(name, TABLE_OR_COLUMN, MAX_COLUMN_NAME);
    if (shape.isPresent()) {
      return shape;
    }
    if (RESERVED_COLUMNS.contains(name)) {
      return Optional.of("is reserved by StarRocks (" + name.toLowerCase(Locale.ROOT)
          + " is a system column of every load)");
    }
    if (name.startsWith(SHADOW_PREFIX) || name.startsWith(GENERATED_PARTITION_PREFIX)) {
      return Optional.of("starts with a prefix StarRocks reserves for its own columns");
    }
    return Optional.empty();
  }

  /**
   * The one way an identifier is written into StarRocks SQL: backquoted, a backquote doubled. Names
   * reaching here have passed the checks above; quoting still keeps reserved words ({@code order},
   * {@code group}, {@code key}) and anything else from being read as SQL.
   */
  public static String quote(String identifier) {
    return "`" + identifier.replace("`", "``") + "`";
  }

  /**
   * A name StarRocks would take, offered in messages as the fix (never applied silently): characters
   * outside the set become '_', lower case, a leading digit gets a '_' before it.
   */
  public static String suggestion(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints().forEach(cp -> {
      String c = new String(Character.toChars(cp));
      out.append(ALLOWED_CHAR.matcher(c).matches() ? c.toLowerCase(Locale.ROOT) : "_");
    });
    String s = out.toString().replaceAll("_+", "_");
    if (s.isEmpty() || s.equals("_")) {
      s = "t";
    }
    if (Character.isDigit(s.charAt(0))) {
      s = "_" + s;
    }
    return s.length() > MAX_TABLE_NAME ? s.substring(0, MAX_TABLE_NAME) : s;
  }

  private static Optional<String> shapeProblem(String name, Pattern shape, int max) {
    if (name == null || name.isEmpty()) {
      return Optional.of("is empty");
    }
    int length = name.codePointCount(0, name.length());
    if (length > max) {
      return Optional.of("is " + length + " characters long; StarRocks allows at most " + max);
    }
    if (shape.matcher(name).matches()) {
      return Optional.empty();
    }
    String bad = name.codePoints().mapToObj(cp -> new String(Character.toChars(cp)))
        .filter(c -> !ALLOWED_CHAR.matcher(c).matches()).distinct().map(StarRocksNames::describe)
        .reduce((a, b) -> a + ", " + b).orElse("");
    if (!bad.isEmpty()) {
      return Optional.of("contains " + bad + " (" + RULE + ")");
    }
    return Optional.of("starts with '" + name.charAt(0) + "' (" + RULE
        + (shape == DATABASE ? "; a database name starting with '_' continues with a letter or digit" : "") + ")");
  }

  private static String describe(String c) {
    return switch (c) {
      case " " -> "a space";
      case "\"" -> "a double quote";
      case "`" -> "a backquote";
      case "\t" -> "a tab";
      case "\n" -> "a line break";
      case "\0" -> "a NUL";
      default -> "'" + c + "'";
    };
  }
}
