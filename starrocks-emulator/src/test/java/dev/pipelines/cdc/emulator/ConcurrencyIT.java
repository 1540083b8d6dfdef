package dev.pipelines.cdc.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Parallel writers, as a sink with several subtasks produces them. */
@ExtendWith(StarRocksEmulatorExtension.class)
class ConcurrencyIT {

    private static final String DB = "concurrent_db";

    @Test
    void parallelCreateIfNotExistsAndOverlappingLoadsAllSucceed(StarRocksEmulator sr) throws Exception {
        Jdbc.sql(sr).execute("CREATE DATABASE IF NOT EXISTS " + DB);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> ddl = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ddl.add(() -> {
                    Jdbc.sql(sr).execute("CREATE TABLE IF NOT EXISTS " + DB + ".t (id INT NOT NULL, v INT)"
                            + " PRIMARY KEY(id) DISTRIBUTED BY HASH(id)");
                    return "ok";
                });
            }
            for (Future<String> f : pool.invokeAll(ddl)) {
                assertThat(f.get()).isEqualTo("ok");
            }

            List<Callable<String>> loads = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                int w = writer;
                loads.add(() -> {
                    StringBuilder rows = new StringBuilder("[");
                    // Every writer touches the same keys in a different order: a deadlock magnet for naive stores.
                    for (int i = 0; i < 200; i++) {
                        int id = w % 2 == 0 ? i : 199 - i;
                        rows.append(i == 0 ? "" : ",").append("{\"id\":").append(id).append(",\"v\":").append(w).append('}');
                    }
                    return Http.of(sr).streamLoad(sr, DB, "t", Map.of("format", "json", "strip_outer_array", "true"),
                            rows.append(']').toString()).field("Status");
                });
            }
            for (Future<String> f : pool.invokeAll(loads)) {
                assertThat(f.get()).isEqualTo("Success");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Jdbc.sql(sr).scalar("SELECT COUNT(*) FROM " + DB + ".t").toString()).isEqualTo("200");
        assertThat(Jdbc.sql(sr).scalar("SELECT COUNT(DISTINCT v) FROM " + DB + ".t").toString())
                .as("each load applied whole: all rows carry the last writer's value").isEqualTo("1");
    }
}
