package dev.pipelines.cdc.emulator;

import java.util.Optional;
import java.util.regex.Pattern;

/** The HTTP endpoints the emulator serves, named by their StarRocks path templates. */
public enum Endpoint {
    STREAM_LOAD("/api/{db}/{table}/_stream_load", "/api/[^/]+/[^/]+/_stream_load"),
    TXN_BEGIN("/api/transaction/begin", "/api/transaction/begin"),
    TXN_LOAD("/api/transaction/load", "/api/transaction/load"),
    TXN_PREPARE("/api/transaction/prepare", "/api/transaction/prepare"),
    TXN_COMMIT("/api/transaction/commit", "/api/transaction/commit"),
    TXN_ROLLBACK("/api/transaction/rollback", "/api/transaction/rollback"),
    LOAD_STATE("/api/{db}/get_load_state", "/api/[^/]+/get_load_state"),
    ERROR_LOG("/api/_load_error_log", "/api/_load_error_log");

    private final String template;
    private final Pattern pattern;

    Endpoint(String template, String regex) {
        this.template = template;
        this.pattern = Pattern.compile(regex);
    }

    public String template() {
        return template;
    }

    /** Which endpoint a request path (or a template such as {@code /api/{db}/{table}/_stream_load}) names. */
    public static Optional<Endpoint> of(String path) {
        for (Endpoint e : values()) {
            if (e.template.equals(path)) {
                return Optional.of(e);
            }
        }
        for (Endpoint e : values()) {
            if (e.pattern.matcher(path).matches()) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
