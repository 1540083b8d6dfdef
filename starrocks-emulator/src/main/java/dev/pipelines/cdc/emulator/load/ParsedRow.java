package dev.pipelines.cdc.emulator.load;

import java.util.Map;

/**
 * One source row before type conversion.
 *
 * @param values field name to text value (null = SQL NULL); only fields present in the source
 * @param source the row as it appeared in the body, for the error log
 * @param error  why the row cannot be read at all (e.g. wrong field count), else null
 */
public record ParsedRow(Map<String, String> values, String source, String error) {
}
