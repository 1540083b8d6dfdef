package dev.pipelines.cdc.emulator.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** The error logs that {@code ErrorURL} points to ({@code GET /api/_load_error_log?file=...}). */
public final class ErrorLogs {

    private final Map<String, String> logs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Supplier<String> baseUrl;

    /** @param baseUrl the BE's HTTP address, e.g. {@code http://127.0.0.1:8040} (known once its port is bound) */
    public ErrorLogs(Supplier<String> baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Stores the lines and returns the URL that serves them. */
    public String store(String label, List<String> lines) {
        String file = "error_log_" + ids.incrementAndGet() + "_" + (label == null ? "" : label.replaceAll("\\W", "_"));
        logs.put(file, String.join("\n", lines) + "\n");
        return baseUrl.get() + "/api/_load_error_log?file=" + file;
    }

    public Optional<String> get(String file) {
        return Optional.ofNullable(logs.get(file));
    }
}
