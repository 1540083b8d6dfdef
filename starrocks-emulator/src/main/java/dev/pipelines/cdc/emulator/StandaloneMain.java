package dev.pipelines.cdc.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar starrocks-emulator-<v>-standalone.jar [--http-port 8030] [--be-http-port 8040]
 * [--mysql-port 9030] [--user root] [--password starrocks]}: starts its own MariaDB and the emulator,
 * and runs until killed (the MariaDB files are deleted on exit).
 */
public final class StandaloneMain {

    private StandaloneMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorSettings settings = parse(args);
        StarRocksEmulator emulator = StarRocksEmulator.startWithOwnMariaDb(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("StarRocks emulator (not StarRocks) is up:");
        System.out.println("  load-url (FE HTTP): " + emulator.loadUrl());
        System.out.println("  BE HTTP:            " + emulator.beHttpUrl());
        System.out.println("  jdbc-url:           " + emulator.jdbcUrl());
        System.out.println("  user / password:    " + emulator.user() + " / " + emulator.password());
        stopped.await();
    }

    static EmulatorSettings parse(String[] args) {
        int fe = 8030;
        int be = 8040;
        int mysql = 9030;
        String user = EmulatorSettings.DEFAULT_USER;
        String password = EmulatorSettings.DEFAULT_PASSWORD;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--http-port" -> fe = Integer.parseInt(require(args[i], value));
                case "--be-http-port" -> be = Integer.parseInt(require(args[i], value));
                case "--mysql-port" -> mysql = Integer.parseInt(require(args[i], value));
                case "--user" -> user = require(args[i], value);
                case "--password" -> password = require(args[i], value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --http-port, --be-http-port, --mysql-port, --user, --password)");
            }
            i++;
        }
        return new EmulatorSettings(fe, be, mysql, user, password);
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
