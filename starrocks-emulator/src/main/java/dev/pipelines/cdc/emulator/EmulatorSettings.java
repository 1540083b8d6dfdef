package dev.pipelines.cdc.emulator;

/**
 * Ports and credentials of an emulator. Port 0 picks a free port.
 *
 * @param feHttpPort the FE HTTP port (StarRocks default 8030): the connector's {@code load-url}
 * @param beHttpPort the BE HTTP port (StarRocks default 8040): where the FE redirects loads
 * @param mysqlPort  the FE MySQL-protocol port (StarRocks default 9030): the connector's {@code jdbc-url}
 */
public record EmulatorSettings(int feHttpPort, int beHttpPort, int mysqlPort, String user, String password) {

    public static final String DEFAULT_USER = "root";
    public static final String DEFAULT_PASSWORD = "starrocks";

    /** Free ports, user {@code root}, password {@code starrocks}. */
    public static EmulatorSettings defaults() {
        return new EmulatorSettings(0, 0, 0, DEFAULT_USER, DEFAULT_PASSWORD);
    }

    /** Fixed ports, e.g. StarRocks' defaults 8030 / 8040 / 9030 for a demo. */
    public EmulatorSettings withPorts(int fe, int be, int mysql) {
        return new EmulatorSettings(fe, be, mysql, user, password);
    }

    public EmulatorSettings withCredentials(String newUser, String newPassword) {
        return new EmulatorSettings(feHttpPort, beHttpPort, mysqlPort, newUser, newPassword);
    }
}
