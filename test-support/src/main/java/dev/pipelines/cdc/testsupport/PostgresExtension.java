package dev.pipelines.cdc.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link PostgresServer} parameter (constructor, lifecycle or test method). The server
 * starts once per test JVM and is stopped, with its data deleted, when the test run ends.
 *
 * <pre>{@code
 * @ExtendWith(PostgresExtension.class)
 * class MyIT {
 *   @Test void reads(PostgresServer pg) { pg.superuserSql().execute("CREATE TABLE t(id int primary key)"); }
 * }
 * }</pre>
 */
public final class PostgresExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PostgresServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SharedResources.getOrStart(context, PostgresServer.class, PostgresServer::start);
    }
}
