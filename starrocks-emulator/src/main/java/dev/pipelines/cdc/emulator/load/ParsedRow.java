package dev.pipelines.cdc.emulator.load;

import java.util.Map;

/**
 * One source row before type conversion.
 *
 * @param values field name to text value (null = SQL NULL); only fields present in the source
 * @param origin the row as it appeared in the body (a CSV line, a JSON node), printed only for the error log:
 *               printing every JSON row again cost ~10 % of the load path's CPU
 * @param error  why the row cannot be read at all (e.g. wrong field count), else null
 */
public record ParsedRow(Map<String, String> values, Object origin, String error) {

    /** The row as text, for the error log. */
    public String source() {
        return String.valueOf(origin);
    }
}
