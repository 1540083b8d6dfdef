package dev.pipelines.cdc.emulator.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The trap's own server (no database): it does get a file out of Connector/J 9.5 (the operator's
 * driver) when that allows LOCAL INFILE, so tests that find nothing sent can fail, and nothing when
 * it does not. Connector/J 5.1 is tested against the armed emulator ({@code LocalInfileTrapIT}):
 * it honours the request only after its start-up queries.
 */
class LocalInfileTrapTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"com.mysql.cj.jdbc.Driver"})
    void aClientThatAllowsLocalInfileSendsTheFile(String driverClass) throws Exception {
        String secret = "service-account-token-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("token"), secret);
        try (LocalInfileTrap trap = LocalInfileTrap.start("root", "pw", file.toString())) {
            tryQuery(trap, driverClass, "allowLoadLocalInfile=true");

            assertThat(trap.queriesAnswered()).isNotEmpty();
            assertThat(new String(trap.received(), StandardCharsets.UTF_8)).contains(secret);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"com.mysql.cj.jdbc.Driver"})
    void aClientThatRefusesSendsNothingOfIt(String driverClass) throws Exception {
        String secret = "service-account-token-" + UUID.randomUUID();
        Path file = Files.writeString(dir.resolve("token"), secret);
        try (LocalInfileTrap trap = LocalInfileTrap.start("root", "pw", file.toString())) {
            tryQuery(trap, driverClass, "allowLoadLocalInfile=false");

            assertThat(trap.queriesAnswered()).isNotEmpty();
            assertThat(trap.received()).isEmpty();
        }
    }

    /** Connects and queries; the trap's answers make either fail, which is not what is tested. */
    static void tryQuery(LocalInfileTrap trap, String driverClass, String options) throws Exception {
        Driver driver = (Driver) Class.forName(driverClass).getDeclaredConstructor().newInstance();
        Properties props = new Properties();
        props.setProperty("user", "root");
        props.setProperty("password", "pw");
        String url = "jdbc:mysql://" + trap.host() + ":" + trap.port() + "/?useSSL=false&socketTimeout=3000&" + options;
        try (Connection c = driver.connect(url, props); Statement st = c.createStatement()) {
            st.execute("SELECT 1");
        } catch (SQLException expected) {
            // The trap answers queries with file requests, not result sets.
        }
    }
}
