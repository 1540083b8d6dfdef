package dev.pipelines.cdc.job.snapshot.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.job.types.RejectedValue;
import dev.pipelines.cdc.job.types.ValueLimit;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Postgres array text ({@code array_out}) → JSON arrays of the element type's values. */
class PgArrayTextTest {
  private static String json(PgTextType element, String pgText, ValueLimit elementLimit) {
    byte[] bytes = pgText.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder();
    new PgArrayText().append(out, element, bytes, 0, bytes.length, elementLimit);
    return out.toString();
  }

  @Test
  void emptyNullAndNumbers() {
    assertThat(json(PgTextType.INTEGER, "{}", ValueLimit.NONE)).isEqualTo("[]");
    assertThat(json(PgTextType.INTEGER, "{NULL}", ValueLimit.NONE)).isEqualTo("[null]");
    assertThat(json(PgTextType.INTEGER, "{1,NULL,-2147483648}", ValueLimit.NONE)).isEqualTo("[1,null,-2147483648]");
    assertThat(json(PgTextType.DOUBLE, "{NaN,Infinity,1.5}", ValueLimit.NONE)).isEqualTo("[\"NaN\",\"Infinity\",1.5]");
    assertThat(json(PgTextType.BOOLEAN, "{t,f}", ValueLimit.NONE)).isEqualTo("[true,false]");
    assertThat(json(PgTextType.NUMERIC, "{1.50,NaN}", ValueLimit.NONE)).isEqualTo("[\"1.50\",\"NAN\"]");
  }

  @Test
  void quotedElementsWithEscapesAndTheWordNull() {
    // array_out quotes empty strings, NULL spelled as text, and anything with , { } " \ or blanks
    assertThat(json(PgTextType.TEXT, "{\"a,b\",\"c\\\"d\",\"e\\\\f\",\"\",\" \",\"NULL\",null,\"{x}\",ä😀}",
        ValueLimit.NONE)).isEqualTo("[\"a,b\",\"c\\\"d\",\"e\\\\f\",\"\",\" \",\"NULL\",\"null\",\"{x}\",\"ä😀\"]");
    assertThat(json(PgTextType.DATE, "{2024-01-01,NULL,\"0001-01-01 BC\"}", ValueLimit.of("DATE")))
        .isEqualTo("[\"2024-01-01\",null,\"0000-01-01\"]");
  }

  @Test
  void elementsAreCheckedAgainstTheElementLimitAndNotStripped() {
    assertThat(json(PgTextType.TEXT, "{\"a  \",abc}", ValueLimit.of("VARCHAR(3)"))).isEqualTo("[\"a  \",\"abc\"]");
    assertThatThrownBy(() -> json(PgTextType.TEXT, "{abcd}", ValueLimit.of("VARCHAR(3)")))
        .isInstanceOf(RejectedValue.class).hasMessageStartingWith("the value is 4 bytes");
  }

  @Test
  void multiDimensionalArraysAndOtherLowerBoundsAreRefused() {
    assertThatThrownBy(() -> json(PgTextType.INTEGER, "{{1,2},{3,4}}", ValueLimit.NONE))
        .isInstanceOf(RejectedValue.class).hasMessageContaining("multi-dimensional");
    assertThatThrownBy(() -> json(PgTextType.INTEGER, "[0:1]={1,2}", ValueLimit.NONE))
        .isInstanceOf(RejectedValue.class).hasMessageContaining("lower bounds");
  }
}
