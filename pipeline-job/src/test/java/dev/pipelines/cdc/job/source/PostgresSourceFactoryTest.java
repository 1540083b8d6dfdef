package dev.pipelines.cdc.job.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.config.PostgresSourceConfig;
import dev.pipelines.cdc.config.StartupMode;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Debezium settings the stream runs with: each one a decision documented in {@link PostgresSourceFactory}. */
class PostgresSourceFactoryTest {
  private static final PostgresSourceConfig SOURCE = new PostgresSourceConfig("db.example.org", 5432, "shop",
      List.of("public\\..*"), List.of(), "shop_slot", "shop_pub", StartupMode.INITIAL, 500);

  @Test
  void theStreamDeliversTruncatesExactValuesAndNoTombstones() {
    Properties p = PostgresSourceFactory.debeziumProperties(SOURCE, PublicationMode.FILTERED);

    assertThat(p).containsEntry("publication.name", "shop_pub")
        .containsEntry("publication.autocreate.mode", "filtered")
        .containsEntry("truncate.handling.mode", "include")
        .containsEntry("skipped.operations", "none")
        .containsEntry("tombstones.on.delete", "false")
        .containsEntry("decimal.handling.mode", "string")
        .containsEntry("interval.handling.mode", "string")
        .containsEntry("binary.handling.mode", "hex");
  }

  @Test
  void aPublicationUsedAsItIsIsNeverAltered() {
    assertThat(PostgresSourceFactory.debeziumProperties(SOURCE, PublicationMode.DISABLED))
        .containsEntry("publication.autocreate.mode", "disabled");
  }
}
