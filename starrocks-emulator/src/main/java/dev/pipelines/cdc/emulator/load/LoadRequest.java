package dev.pipelines.cdc.emulator.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Stream Load parameters the emulator honours, read from request headers as StarRocks reads them.
 *
 * @param columns    the {@code columns} header's column names, or null when absent
 * @param constantOp the operation a {@code columns} expression such as {@code __op='delete'} sets for
 *                   every row, or null
 */
public record LoadRequest(String database, String table, String label, Format format, List<String> columns,
                          String constantOp,
                          boolean partialUpdate, boolean stripOuterArray, String columnSeparator,
                          String rowDelimiter, double maxFilterRatio, boolean strictMode, int timeoutSeconds) {

    public enum Format { CSV, JSON }

    /** The documented way to set one operation for a whole load: {@code columns: __op='delete'}. */
    private static final Pattern CONSTANT_OP = Pattern.compile("(?i)__op\\s*=\\s*'?(upsert|delete|0|1)'?");

    public static LoadRequest fromHeaders(String database, String table, Function<String, String> header) {
        String format = orDefault(header.apply("format"), "csv").toUpperCase(Locale.ROOT);
        Format parsedFormat;
        try {
            parsedFormat = Format.valueOf(format);
        } catch (IllegalArgumentException e) {
            throw new LoadException("Unsupported format: " + format.toLowerCase(Locale.ROOT)
                    + " (the emulator supports csv and json)");
        }
        if (header.apply("jsonpaths") != null) {
            throw new LoadException("jsonpaths is not supported by the emulator");
        }
        String columns = header.apply("columns");
        List<String> entries = columns == null || columns.isBlank() ? List.of() : Arrays.stream(columns.split(","))
                .map(String::trim).map(c -> c.replace("`", "")).toList();
        String constantOp = null;
        List<String> names = new ArrayList<>();
        for (String entry : entries) {
            Matcher op = CONSTANT_OP.matcher(entry);
            if (op.matches()) {
                constantOp = op.group(1);
            } else if (entry.contains("=")) {
                throw new LoadException("Column expression '" + entry + "' is not supported by the emulator"
                        + " (only __op='upsert' / __op='delete')");
            } else {
                names.add(entry);
            }
        }
        return new LoadRequest(database, table, header.apply("label"), parsedFormat,
                names.isEmpty() ? null : List.copyOf(names), constantOp,
                Boolean.parseBoolean(header.apply("partial_update")),
                Boolean.parseBoolean(header.apply("strip_outer_array")),
                unescape(orDefault(header.apply("column_separator"), "\t")),
                unescape(orDefault(header.apply("row_delimiter"), "\n")),
                Double.parseDouble(orDefault(header.apply("max_filter_ratio"), "0")),
                Boolean.parseBoolean(header.apply("strict_mode")),
                Integer.parseInt(orDefault(header.apply("timeout"), "600")));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** StarRocks accepts separators as escapes ("\t", "\n") or hex ("\x01"). */
    private static String unescape(String s) {
        if (s.startsWith("\\x") && s.length() == 4) {
            return String.valueOf((char) Integer.parseInt(s.substring(2), 16));
        }
        return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\r", "\r");
    }
}
