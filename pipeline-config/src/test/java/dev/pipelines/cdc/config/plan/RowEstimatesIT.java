package dev.pipelines.cdc.config.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.testsupport.PostgresExtension;
import dev.pipelines.cdc.testsupport.PostgresServer;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The row estimate as PostgreSQL 17 keeps it: per table, summed over partitions, unknown before ANALYZE. */
@ExtendWith(PostgresExtension.class)
class RowEstimatesIT {
  @Test
  void estimatesPerTableAndPartitionedParentUnknownUntilAnalyzed(PostgresServer pg) throws Exception {
    pg.superuserSql().execute(
        "CREATE SCHEMA est",
        "CREATE TABLE est.plain (id int PRIMARY KEY)",
        "INSERT INTO est.plain SELECT generate_series(1, 5000)",
        "CREATE TABLE est.parted (id int, day date, PRIMARY KEY (id, day)) PARTITION BY RANGE (day)",
        "CREATE TABLE est.parted_1 PARTITION OF est.parted FOR VALUES FROM ('2026-01-01') TO ('2026-02-01')",
        "CREATE TABLE est.parted_2 PARTITION OF est.parted FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')",
        "INSERT INTO est.parted SELECT g, DATE '2026-01-01' + (g % 50) FROM generate_series(1, 3000) g",
        "CREATE TABLE est.never (id int PRIMARY KEY)");
    try (Connection c = pg.superuserConnection()) {
      assertThat(RowEstimates.read(c).byTable().get("est.plain")).as("never analyzed").isEqualTo(RowEstimates.UNKNOWN);
      pg.superuserSql().execute("ANALYZE est.plain", "ANALYZE est.parted_1", "ANALYZE est.parted_2");
      RowEstimates estimates = RowEstimates.read(c);
      assertThat(estimates.byTable()).containsEntry("est.plain", 5000L).containsEntry("est.parted", 3000L)
          .containsEntry("est.never", RowEstimates.UNKNOWN).doesNotContainKey("est.parted_1");
      assertThat(estimates.total(List.of("est.plain", "est.parted"))).isEqualTo(8000);
      assertThat(estimates.total(List.of("est.plain", "est.never"))).isEqualTo(RowEstimates.UNKNOWN);
    }
  }
}
