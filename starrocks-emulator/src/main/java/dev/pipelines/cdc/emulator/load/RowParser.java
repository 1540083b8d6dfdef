package dev.pipelines.cdc.emulator.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pipelines.cdc.emulator.catalog.ColumnDef;
import dev.pipelines.cdc.emulator.catalog.TableDef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Splits a Stream Load body (CSV or JSON) into named source fields. */
public final class RowParser {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);
    private static final String CSV_NULL = "\\N";

    private RowParser() {
    }

    public static List<ParsedRow> parse(LoadRequest request, TableDef table, byte[] body) {
        List<String> fields = request.columns() != null
                ? request.columns() : table.columns().stream().map(ColumnDef::name).toList();
        if (request.format() == LoadRequest.Format.CSV) {
            return csv(request, fields, new String(body, StandardCharsets.UTF_8));
        }
        if (!fields.contains(RowConverter.OP_COLUMN)) {
            // Simplification: a JSON key "__op" is honoured even when the columns header does not name it.
            fields = new ArrayList<>(fields);
            fields.add(RowConverter.OP_COLUMN);
        }
        return json(request, fields, body);
    }

    private static List<ParsedRow> csv(LoadRequest request, List<String> fields, String text) {
        List<ParsedRow> rows = new ArrayList<>();
        for (String line : text.split(Pattern.quote(request.rowDelimiter()), -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(Pattern.quote(request.columnSeparator()), -1);
            if (parts.length != fields.size()) {
                rows.add(new ParsedRow(Map.of(), line, "Value count does not match column count. Expect "
                        + fields.size() + ", but got " + parts.length + "."));
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < parts.length; i++) {
                values.put(fields.get(i), CSV_NULL.equals(parts[i]) ? null : parts[i]);
            }
            rows.add(new ParsedRow(values, line, null));
        }
        return rows;
    }

    private static List<ParsedRow> json(LoadRequest request, List<String> fields, byte[] body) {
        List<ParsedRow> rows = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = JSON.readerFor(JsonNode.class).readValues(body)) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document.isArray()) {
                    if (!request.stripOuterArray()) {
                        throw new LoadException("JSON data is an array, strip_outer_array must be set true");
                    }
                    for (JsonNode element : document) {
                        rows.add(jsonRow(element, fields));
                    }
                } else {
                    rows.add(jsonRow(document, fields));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof LoadException le) {
                throw le;
            }
            throw new LoadException("Failed to parse json data: " + e.getMessage());
        }
        return rows;
    }

    /** Fields are matched by name; JSON keys that name no column are ignored, as StarRocks does. */
    private static ParsedRow jsonRow(JsonNode node, List<String> fields) {
        if (!node.isObject()) {
            return new ParsedRow(Map.of(), node.toString(), "Expected a JSON object, got: " + node.getNodeType());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode value = findIgnoringCase(node, field);
            if (value != null) {
                values.put(field, value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return new ParsedRow(values, node, null);
    }

    private static JsonNode findIgnoringCase(JsonNode node, String field) {
        JsonNode exact = node.get(field);
        if (exact != null) {
            return exact;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(field)) {
                return e.getValue();
            }
        }
        return null;
    }
}
