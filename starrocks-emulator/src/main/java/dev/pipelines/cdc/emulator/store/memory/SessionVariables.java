package dev.pipelines.cdc.emulator.store.memory;

import dev.pipelines.cdc.emulator.sql.QueryResult;
import dev.pipelines.cdc.emulator.sql.SqlError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server variables drivers read when they connect (Connector/J 5.1 and 9 select about twenty of them;
 * MariaDB Connector/J reads the handshake), with the values the MariaDB store's server reports. SET
 * statements are accepted and change nothing the emulator uses (no driver reads a variable back after
 * setting it).
 */
final class SessionVariables {

    private static final Map<String, Object> VALUES = new TreeMap<>();

    static {
        VALUES.put("auto_increment_increment", 1L);
        VALUES.put("autocommit", 1L);
        VALUES.put("character_set_client", "utf8mb4");
        VALUES.put("character_set_connection", "utf8mb4");
        VALUES.put("character_set_results", "utf8mb4");
        VALUES.put("character_set_server", "utf8mb4");
        VALUES.put("collation_connection", "utf8mb4_general_ci");
        VALUES.put("collation_server", "utf8mb4_general_ci");
        VALUES.put("init_connect", "");
        VALUES.put("interactive_timeout", 28800L);
        VALUES.put("license", "GPL");
        VALUES.put("lower_case_table_names", 0L);
        VALUES.put("max_allowed_packet", 16777216L);
        VALUES.put("net_buffer_length", 16384L);
        VALUES.put("net_write_timeout", 60L);
        VALUES.put("performance_schema", 0L);
        VALUES.put("query_cache_size", 1048576L);
        VALUES.put("query_cache_type", "OFF");
        VALUES.put("sql_mode", "STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION");
        VALUES.put("system_time_zone", "UTC");
        VALUES.put("time_zone", "SYSTEM");
        VALUES.put("transaction_isolation", "REPEATABLE-READ");
        VALUES.put("transaction_read_only", 0L);
        VALUES.put("tx_isolation", "REPEATABLE-READ");
        VALUES.put("tx_read_only", 0L);
        VALUES.put("version", "8.0.33-starrocks-emulator");
        VALUES.put("version_comment", "StarRocks emulator (memory store)");
        VALUES.put("wait_timeout", 28800L);
    }

    private static final Pattern SHOW_VARIABLES = Pattern.compile(
            "(?is)show\\s+(?:session\\s+|global\\s+)?variables(?:\\s+like\\s+'([^']*)')?");
    private static final Pattern SHOW_WARNINGS = Pattern.compile("(?is)show\\s+(warnings|errors)(\\s+limit\\s+\\d+)?");

    private SessionVariables() {
    }

    /** {@code @@name}'s value (Long or String); MariaDB's error 1193 for a variable it does not know. */
    static Object value(String name) {
        Object v = VALUES.get(name.toLowerCase(Locale.ROOT));
        if (v == null && !VALUES.containsKey(name.toLowerCase(Locale.ROOT))) {
            throw new SqlError(1193, "HY000", "Unknown system variable '" + name + "'");
        }
        return v;
    }

    /** SET, SHOW VARIABLES/WARNINGS, BEGIN/COMMIT/ROLLBACK. */
    static QueryResult statement(String sql) {
        String word = sql.trim().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (!word.equals("SHOW")) {
            return new QueryResult.Ok(0); // SET, BEGIN, START TRANSACTION, COMMIT, ROLLBACK: nothing to keep
        }
        Matcher variables = SHOW_VARIABLES.matcher(sql.trim());
        if (variables.matches()) {
            List<List<String>> rows = new ArrayList<>();
            VALUES.forEach((name, value) -> {
                if (variables.group(1) == null || like(name, variables.group(1))) {
                    rows.add(java.util.Arrays.asList(name, value == null ? null : value.toString()));
                }
            });
            return QueryResult.strings(List.of("Variable_name", "Value"), rows);
        }
        if (SHOW_WARNINGS.matcher(sql.trim()).matches()) {
            return QueryResult.strings(List.of("Level", "Code", "Message"), List.of());
        }
        throw SqlError.analysis("The emulator's memory store answers SHOW DATABASES/TABLES/CREATE TABLE/COLUMNS,"
                + " SHOW VARIABLES and SHOW WARNINGS, not: " + sql);
    }

    static boolean like(String value, String pattern) {
        StringBuilder regex = new StringBuilder("(?s)");
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
