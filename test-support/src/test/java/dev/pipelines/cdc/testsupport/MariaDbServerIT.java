package dev.pipelines.cdc.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MariaDbExtension.class)
class MariaDbServerIT {

    @Test
    void runsARealMariaDb114(MariaDbServer db) {
        assertThat(db.sql().scalar("SELECT VERSION()").toString()).startsWith("11.4");
        db.sql().execute("CREATE DATABASE IF NOT EXISTS ts", "CREATE TABLE ts.t(id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO ts.t VALUES (1, 'x')");
        assertThat(db.sql().scalar("SELECT v FROM ts.t WHERE id = 1")).isEqualTo("x");
    }

    @Test
    void isSharedWithinTheJvm(MariaDbServer first, MariaDbServer second) {
        assertThat(first).isSameAs(second);
    }
}
