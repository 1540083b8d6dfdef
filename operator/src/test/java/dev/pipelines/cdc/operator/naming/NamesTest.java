package dev.pipelines.cdc.operator.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void shortPlainNamesAreReadable() {
    assertThat(Names.derivedPgIdentifier("data", "orders")).isEqualTo("cdc_data_orders");
  }

  @Test
  void dashesAndDotsBecomeUnderscoresWithAHashSoFoldedNamesCannotCollide() {
    String a = Names.derivedPgIdentifier("team-a", "orders");
    String b = Names.derivedPgIdentifier("team_a", "orders");

    assertThat(a).startsWith("cdc_team_a_orders_").matches(Patterns.PG_IDENTIFIER);
    assertThat(b).isEqualTo("cdc_team_a_orders");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void longNamesAreCutTo63BytesAndStayDistinct() {
    String ns = "n".repeat(63);
    String a = Names.derivedPgIdentifier(ns, "pipeline-one-" + "x".repeat(40));
    String b = Names.derivedPgIdentifier(ns, "pipeline-one-" + "x".repeat(39) + "y");

    assertThat(a).hasSize(63).matches(Patterns.PG_IDENTIFIER);
    assertThat(b).hasSize(63).matches(Patterns.PG_IDENTIFIER);
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void derivationIsStable() {
    // A changed derivation would orphan every existing slot: this value must never change.
    assertThat(Names.derivedPgIdentifier("analytics-prod", "orders-to-starrocks"))
        .isEqualTo("cdc_analytics_prod_orders_to_starrocks_8c42e4c4");
  }

  @Test
  void explicitNamesWinAndPublicationDefaultsToSlot() {
    assertThat(Names.slot(TestPipelines.full())).isEqualTo("orders_slot");
    assertThat(Names.publication(TestPipelines.full())).isEqualTo("orders_pub");
    var onlySlot = TestPipelines.with(TestPipelines.minimal(), "spec.source.postgres.slotName", "my_slot");
    assertThat(Names.publication(onlySlot)).isEqualTo("my_slot");
  }
}
