package dev.pipelines.cdc.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link MariaDbServer} parameter. The server starts once per test JVM (~9 s) and is
 * stopped, with its files deleted, when the test run ends.
 */
public final class MariaDbExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MariaDbServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context);
    }

    /** The JVM-wide server, for other extensions (the StarRocks emulator stores its rows in it). */
    public static MariaDbServer shared(ExtensionContext context) {
        return SharedResources.getOrStart(context, MariaDbServer.class, MariaDbServer::start);
    }
}
