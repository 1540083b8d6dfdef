package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.catalog.Store;
import dev.pipelines.cdc.testsupport.MariaDbExtension;
import dev.pipelines.cdc.testsupport.MariaDbServer;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link StarRocksEmulator} parameter: one emulator per test JVM, storing rows in the
 * JVM-wide MariaDB of {@link MariaDbExtension}; both stop when the test run ends. Tests share it, so
 * each should use its own database (and call {@link StarRocksEmulator#reset()} if it counts requests).
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

    public static StarRocksEmulator shared(ExtensionContext context) {
        MariaDbServer mariaDb = MariaDbExtension.shared(context);
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(StarRocksEmulator.class,
                key -> StarRocksEmulator.start(EmulatorSettings.defaults(),
                        new Store(mariaDb.jdbcUrl(), MariaDbServer.USER, MariaDbServer.PASSWORD)),
                StarRocksEmulator.class);
    }
}
