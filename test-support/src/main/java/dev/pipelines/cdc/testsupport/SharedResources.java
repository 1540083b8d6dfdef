package dev.pipelines.cdc.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * Keeps one instance of an expensive server per test JVM: it lives in JUnit's root store, which
 * JUnit closes (AutoCloseable) when the whole run ends, whether tests passed or failed.
 */
final class SharedResources {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedResources.class);

    private SharedResources() {
    }

    static <T extends AutoCloseable> T getOrStart(ExtensionContext context, Class<T> type, Supplier<T> starter) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(type, key -> starter.get(), type);
    }
}
