package dev.pipelines.cdc.emulator;

import dev.pipelines.cdc.emulator.store.StoreKind;

import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar starrocks-emulator-<v>-standalone.jar [--http-port 8030] [--be-http-port 8040]
 * [--mysql-port 9030] [--user root] [--password starrocks] [--store mariadb|memory]}: starts its own
 * MariaDB (the default store; its files are deleted on exit) or keeps rows in memory, and the emulator,
 * and runs until killed.
 */
public final class StandaloneMain {

    private StandaloneMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorSettings settings = parse(args);
        StarRocksEmulator emulator = StarRocksEmulator.startOwning(settings, store(args));
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
        System.out.println("  store:              " + emulator.storeKind().name().toLowerCase(java.util.Locale.ROOT));
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
                case "--store" -> StoreKind.parse(require(args[i], value), "--store");
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (options: --http-port, --be-http-port, --mysql-port, --user, --password, --store)");
            }
            i++;
        }
        return new EmulatorSettings(fe, be, mysql, user, password);
    }

    /** {@code --store mariadb|memory}, else {@code -Dstarrocks.emulator.store}, else MariaDB. */
    static StoreKind store(String[] args) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--store")) {
                return StoreKind.parse(args[i + 1], "--store");
            }
        }
        return StoreKind.fromSystemProperty();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
