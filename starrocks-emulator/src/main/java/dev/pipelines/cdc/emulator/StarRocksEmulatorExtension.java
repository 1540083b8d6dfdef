package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.emulator.store.StoreKind;
import dev.pipelines.cdc.testsupport.MariaDbExtension;
import dev.pipelines.cdc.testsupport.MariaDbServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives tests a {@link StarRocksEmulator} parameter: one emulator per store kind per test JVM; both stop
 * when the test run ends. The store is the class's {@link EmulatorStore}, else
 * {@code -Dstarrocks.emulator.store=mariadb|memory}, else MariaDB (the JVM-wide one of
 * {@link MariaDbExtension}). Tests share the emulator, so each should use its own database (and call
 * {@link StarRocksEmulator#reset()} if it counts requests).
 */
public final class StarRocksEmulatorExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StarRocksEmulatorExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == StarRocksEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The emulator for the current test class's store kind. */
    public static StarRocksEmulator shared(ExtensionContext context) {
        return shared(context, storeKind(context));
    }

    public static StarRocksEmulator shared(ExtensionContext context, StoreKind kind) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        if (kind == StoreKind.MEMORY) {
            return store.getOrComputeIfAbsent(StoreKind.MEMORY, key -> new Owned(
                    StarRocksEmulator.startOwning(EmulatorSettings.defaults(), StoreKind.MEMORY)), Owned.class).emulator;
        }
        MariaDbServer mariaDb = MariaDbExtension.shared(context);
        return store.getOrComputeIfAbsent(StoreKind.MARIADB, key -> new Owned(StarRocksEmulator.start(
                EmulatorSettings.defaults(), new Store(mariaDb.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD))),
                Owned.class).emulator;
    }

    /** The class's {@link EmulatorStore}, else the system property, else MariaDB. */
    public static StoreKind storeKind(ExtensionContext context) {
        return context.getTestClass()
                .flatMap(c -> AnnotationSupport.findAnnotation(c, EmulatorStore.class))
                .map(EmulatorStore::value)
                .orElseGet(StoreKind::fromSystemProperty);
    }

    /** Closes the emulator when the root context closes (JUnit closes CloseableResource values). */
    private record Owned(StarRocksEmulator emulator) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            emulator.close();
        }
    }
}
