package dev.pipelines.cdc.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.emulator.mysql.LocalInfileTrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The emulator's front armed as a hostile server: both MySQL drivers hand over a file when they
 * allow LOCAL INFILE (so the pipeline's tests against it can fail) and nothing when they do not;
 * disarmed, it is the emulator again.
 */
@ExtendWith(StarRocksEmulatorExtension.class)
class LocalInfileTrapIT {
    @TempDir
    Path dir;

    @AfterEach
    void disarm(StarRocksEmulator sr) {
        sr.reset();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Jdbc.LEGACY_5_1, Jdbc.CONNECTOR_J})
    void aDriverThatAllowsLocalInfileSendsTheFile(String driver, StarRocksEmulator sr) throws Exception {
        String secret = "token-" + UUID.randomUUID();
        LocalInfileTrap trap = sr.trapLocalInfile(Files.writeString(dir.resolve("token"), secret).toString());

        query(sr, driver, "allowLoadLocalInfile=true");

        assertThat(trap.queriesAnswered()).containsExactly("SELECT current_version()");
        assertThat(new String(trap.received(), StandardCharsets.UTF_8)).isEqualTo(secret);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Jdbc.LEGACY_5_1, Jdbc.CONNECTOR_J})
    void aDriverThatRefusesSendsNothing(String driver, StarRocksEmulator sr) throws Exception {
        LocalInfileTrap trap = sr.trapLocalInfile(Files.writeString(dir.resolve("token"), "secret").toString());

        query(sr, driver, "allowLoadLocalInfile=false");

        assertThat(trap.queriesAnswered()).containsExactly("SELECT current_version()");
        assertThat(trap.received()).isEmpty();
    }

    @Test
    void disarmedItAnswersAsTheEmulator(StarRocksEmulator sr) throws Exception {
        sr.trapLocalInfile("/etc/hostname");
        sr.reset();

        try (Connection c = Jdbc.connect(sr, Jdbc.LEGACY_5_1, null, sr.password());
                Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_version()")) {
            assertThat(rs.next()).isTrue();
        }
    }

    private static void query(StarRocksEmulator sr, String driverClass, String options) throws Exception {
        Driver driver = (Driver) Class.forName(driverClass).getDeclaredConstructor().newInstance();
        Properties props = new Properties();
        props.setProperty("user", sr.user());
        props.setProperty("password", sr.password());
        String url = "jdbc:mysql://" + sr.host() + ":" + sr.mysqlPort() + "/?useSSL=false&socketTimeout=15000&" + options;
        try (Connection c = driver.connect(url, props); Statement st = c.createStatement()) {
            st.execute("SELECT current_version()");
        } catch (SQLException expected) {
            // The trap answers with a file request, then OK: not the result set the query expects.
        }
    }
}
