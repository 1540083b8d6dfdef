package dev.pipelines.cdc.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Random;

/**
 * Seeded JSON Stream Load bodies for a table of every StarRocks type: values at their type's edges and
 * just past them (unqualified, so NULL in non-strict mode), too-long strings (filtered rows), deletes and
 * repeated keys (upserts of the same key within and across loads).
 */
final class EdgeBatches {

    static final String DDL = "CREATE TABLE %s (id BIGINT NOT NULL, k2 VARCHAR(20) NOT NULL, c_bool BOOLEAN,"
            + " c_tiny TINYINT, c_small SMALLINT, c_int INT, c_big BIGINT, c_large LARGEINT, c_float FLOAT,"
            + " c_double DOUBLE, c_dec DECIMAL(18,6), c_dec38 DECIMAL(38,10), c_date DATE, c_dt DATETIME,"
            + " c_char CHAR(4), c_varchar VARCHAR(100), c_string STRING, c_json JSON, c_bin VARBINARY(8),"
            + " c_arr ARRAY<INT>, c_def INT DEFAULT \"7\") PRIMARY KEY(id, k2) DISTRIBUTED BY HASH(id)";

    static final List<String> VALUE_COLUMNS = List.of("c_bool", "c_tiny", "c_small", "c_int", "c_big", "c_large",
            "c_float", "c_double", "c_dec", "c_dec38", "c_date", "c_dt", "c_char", "c_varchar", "c_string", "c_json",
            "c_bin", "c_arr", "c_def");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final String[][] EDGES = {
            {"true", "false", "1", "0", "yes", null},
            {"-128", "127", "128", "-129", "0", "1.5", null},
            {"-32768", "32767", "32768", "-32769", null},
            {"-2147483648", "2147483647", "2147483648", "-0", "007", null},
            {"-9223372036854775808", "9223372036854775807", "9223372036854775808", null},
            {"-170141183460469231731687303715884105728", "170141183460469231731687303715884105727",
                    "170141183460469231731687303715884105728", "0", null},
            {"NaN", "Infinity", "-Infinity", "3.4028235E38", "3.5E38", "1.4E-45", "-0.0", "1e10", "0x10", null},
            {"1.7976931348623157E308", "4.9E-324", "-1.5", "1e309", "inf", "nan", "2.5e-3", null},
            {"999999999999.999999", "-999999999999.999999", "1000000000000", "1.0000005", "-0.0000005", "12", null},
            {"9999999999999999999999999999.9999999999", "0.00000000005", "-1", null},
            {"0000-01-01", "9999-12-31", "2024-02-29", "2023-02-29", "2024-13-01", "2024-05-06 07:08:09", null},
            {"0000-01-01 00:00:00", "9999-12-31 23:59:59.999999", "2024-05-06T07:08:09.5", "2024-05-06 07:08",
                    "2024-05-06 07:08:09.000000", "2024-05-06 07:08:09Z", "2024-05-06 24:00:00", null},
            {"abcd", "", "ab", "é", "abcde", null},
            {"plain", "", "日本語テキスト", "emoji 😀 mix", "x".repeat(100), "tab\there", "quote ' \" \\", null},
            {"long ".repeat(100), "", "😀😀", null},
            {"{\"k\":[1,2,{\"n\":null}]}", "[]", "\"text\"", "123", "{bad", null},
            {"01234567", "", "abcdefghi", null},
            {"[1,2,3]", "[]", "[null,1]", "[\"x\",2]", "[2147483648]", "not an array", null},
            {"1", null, "-5"},
    };

    private final Random random;

    EdgeBatches(long seed) {
        this.random = new Random(seed);
    }

    /** {@code rows} changes on keys 1..keys, a tenth of them deletes. */
    String fullRows(int rows, int keys) throws Exception {
        ArrayNode body = NODES.arrayNode();
        for (int i = 0; i < rows; i++) {
            ObjectNode row = key(keys);
            if (random.nextInt(10) == 0) {
                row.put("__op", 1);
            } else {
                for (int c = 0; c < VALUE_COLUMNS.size(); c++) {
                    if (VALUE_COLUMNS.get(c).equals("c_def") && random.nextBoolean()) {
                        continue; // absent: the column's DEFAULT
                    }
                    put(row, VALUE_COLUMNS.get(c), pick(EDGES[c]));
                }
                row.put("__op", 0);
            }
            body.add(row);
        }
        return JSON.writeValueAsString(body);
    }

    /** Partial updates of {@code columns} (the keys plus these) on keys 1..keys; some keys are new. */
    String partialRows(int rows, int keys, List<String> columns) throws Exception {
        ArrayNode body = NODES.arrayNode();
        for (int i = 0; i < rows; i++) {
            ObjectNode row = key(keys);
            for (String column : columns) {
                put(row, column, pick(EDGES[VALUE_COLUMNS.indexOf(column)]));
            }
            body.add(row);
        }
        return JSON.writeValueAsString(body);
    }

    private ObjectNode key(int keys) {
        ObjectNode row = NODES.objectNode();
        int id = 1 + random.nextInt(keys);
        row.put("id", id);
        // Two string keys per id, one with non-ASCII text (no trailing spaces: MariaDB's utf8mb4_bin pads them).
        row.put("k2", id % 3 == 0 ? "ключ-" + (id % 2) : "k" + (id % 2));
        return row;
    }

    private void put(ObjectNode row, String column, String value) {
        if (value == null) {
            row.putNull(column);
            return;
        }
        boolean jsonValue = column.equals("c_json") || column.equals("c_arr");
        if (jsonValue) {
            try {
                row.set(column, JSON.readTree(value));
                return;
            } catch (Exception e) {
                // Not JSON: sent as a string, which is how a bad value arrives.
            }
        }
        if (random.nextBoolean() && value.matches("-?\\d+(\\.\\d+)?")) {
            row.set(column, NODES.numberNode(new java.math.BigDecimal(value)));
        } else {
            row.put(column, value);
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
