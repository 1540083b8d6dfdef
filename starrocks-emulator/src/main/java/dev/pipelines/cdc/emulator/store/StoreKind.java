package dev.pipelines.cdc.emulator.store;

import java.util.Locale;

/**
 * Where an emulator keeps its rows. MARIADB is the default for tests: a real database under the
 * emulator. MEMORY keeps rows on the JVM heap with the same load semantics and queries, so a benchmark
 * is not bound by the store (~65k narrow rows/s into MariaDB).
 */
public enum StoreKind {
    MARIADB, MEMORY;

    /** The system property that picks the store of the test extension and of programs: mariadb or memory. */
    public static final String PROPERTY = "starrocks.emulator.store";

    /** {@code -Dstarrocks.emulator.store=memory|mariadb}, MARIADB when unset. */
    public static StoreKind fromSystemProperty() {
        return parse(System.getProperty(PROPERTY, "mariadb"), "-D" + PROPERTY);
    }

    /** Parses {@code mariadb} or {@code memory} (any case); {@code source} names where the text came from. */
    public static StoreKind parse(String text, String source) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " must be mariadb or memory, not '" + text + "'");
        }
    }
}
