package dev.pipelines.cdc.emulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shaded jar runs on its own: starts MariaDB (or keeps rows in memory), serves loads and queries, stops on SIGTERM. */
class StandaloneJarIT {

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "memory"})
    void runsAsAStandaloneProcess(String store) throws Exception {
        Path jar = standaloneJar();
        int fe = freePort();
        int be = freePort();
        int mysql = freePort();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--http-port", String.valueOf(fe), "--be-http-port", String.valueOf(be),
                "--mysql-port", String.valueOf(mysql), "--password", "pw", "--store", store)
                .redirectErrorStream(true).start();
        try {
            assertThat(awaitLine(process, "is up")).contains("store:              " + store);
            try (Connection c = Jdbc.connect("127.0.0.1", mysql, Jdbc.CONNECTOR_J, null, "root", "pw");
                 Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE demo");
                s.execute("CREATE TABLE demo.t (id INT NOT NULL, v STRING) PRIMARY KEY(id) DISTRIBUTED BY HASH(id)");
            }
            Http.Reply reply = new Http("root", "pw").send("PUT",
                    "http://127.0.0.1:" + fe + "/api/demo/t/_stream_load", Map.of("format", "json"),
                    "{\"id\":1,\"v\":\"standalone\"}");
            assertThat(reply.field("Status")).isEqualTo("Success");
            try (Connection c = Jdbc.connect("127.0.0.1", mysql, Jdbc.CONNECTOR_J, "demo", "root", "pw");
                 ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("standalone");
            }
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }

    private static Path standaloneJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith("-standalone.jar")).toList();
            assertThat(jars).as("the shaded jar is built in the package phase").hasSize(1);
            return jars.get(0);
        }
    }

    /** Waits for the marker line and returns what the process printed with it (the next lines too, if quick). */
    private static String awaitLine(Process process, String marker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            if (line.contains(marker)) {
                for (int i = 0; i < 5; i++) {
                    seen.append(out.readLine()).append('\n');
                }
                // Keep draining so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return seen.toString();
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        throw new AssertionError("standalone emulator did not come up:\n" + seen);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
