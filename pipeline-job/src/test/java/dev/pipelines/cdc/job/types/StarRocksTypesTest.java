package dev.pipelines.cdc.job.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pipelines.cdc.job.catalog.SourceColumn;
import dev.pipelines.cdc.job.catalog.SourceTable;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The mapping table of docs/pipeline-job.md, row by row. */
class StarRocksTypesTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      smallint                        | SMALLINT
      integer                         | INT
      bigint                          | BIGINT
      boolean                         | BOOLEAN
      real                            | FLOAT
      double precision                | DOUBLE
      numeric(12,4)                   | DECIMAL(12,4)
      numeric(38,0)                   | DECIMAL(38,0)
      numeric(7)                      | DECIMAL(7,0)
      numeric                         | VARCHAR(1048576)
      numeric(50,10)                  | VARCHAR(1048576)
      text                            | VARCHAR(1048576)
      character varying               | VARCHAR(1048576)
      character varying(300000)       | VARCHAR(1048576)
      character varying(32)           | VARCHAR(128)
      character(5)                    | VARCHAR(20)
      date                            | DATE
      time without time zone          | VARCHAR(32)
      time(3) without time zone       | VARCHAR(32)
      timestamp without time zone     | DATETIME
      timestamp(3) without time zone  | DATETIME
      timestamp with time zone        | DATETIME
      interval                        | VARCHAR(64)
      uuid                            | VARCHAR(36)
      inet                            | VARCHAR(64)
      json                            | JSON
      jsonb                           | JSON
      bytea                           | VARCHAR(1048576)
      integer[]                       | ARRAY<INT>
      text[]                          | ARRAY<VARCHAR(1048576)>
      numeric(10,2)[]                 | ARRAY<DECIMAL(10,2)>
      """)
  void mapsValueColumns(String pgType, String starRocksType) {
    SourceTable table = table(new SourceColumn("c", pgType, false, true), List.of("id"));

    assertThat(StarRocksTypes.map(table, table.columns().get(1))).isEqualTo(starRocksType);
  }

  @ParameterizedTest(name = "key {0} → {1}")
  @CsvSource(delimiter = '|', textBlock = """
      bigint                      | BIGINT
      text                        | VARCHAR(255)
      character varying(10)       | VARCHAR(40)
      uuid                        | VARCHAR(36)
      timestamp with time zone    | DATETIME
      date                        | DATE
      """)
  void mapsKeyColumns(String pgType, String starRocksType) {
    SourceTable table = table(new SourceColumn("c", pgType, false, false), List.of("c"));

    assertThat(StarRocksTypes.map(table, table.columns().get(1))).isEqualTo(starRocksType);
  }

  @ParameterizedTest
  @CsvSource({"double precision", "jsonb", "numeric(10,2)", "integer[]"})
  void refusesKeyTypesStarRocksCannotKeyOn(String pgType) {
    SourceTable table = table(new SourceColumn("c", pgType, false, false), List.of("c"));

    assertThatThrownBy(() -> StarRocksTypes.map(table, table.columns().get(1)))
        .hasMessageContaining("table public.t, column c: Postgres type " + pgType + " is not supported in a primary key");
  }

  @ParameterizedTest
  @CsvSource({"point", "tsvector", "int4range", "bit(3)"})
  void refusesUnsupportedTypesNamingTableColumnAndType(String pgType) {
    SourceTable table = table(new SourceColumn("shape", pgType, false, true), List.of("id"));

    assertThatThrownBy(() -> StarRocksTypes.map(table, table.columns().get(1)))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessage("table public.t, column shape: Postgres type " + pgType
            + " is not supported; exclude the table or change the column's type");
  }

  @ParameterizedTest
  @CsvSource({"money", "money[]"})
  void refusesMoneyWithTheReasonAndTheFix(String pgType) {
    SourceTable table = table(new SourceColumn("price", pgType, false, true), List.of("id"));

    assertThatThrownBy(() -> StarRocksTypes.map(table, table.columns().get(1)))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageStartingWith("table public.t, column price: Postgres type money cannot be read exactly")
        .hasMessageContaining("numeric(19,2)");
  }

  @ParameterizedTest
  @CsvSource({"interval[]", "bytea[]", "xml[]"})
  void refusesArraysTheStreamDropsNamingTheFix(String pgType) {
    SourceTable table = table(new SourceColumn("a", pgType, false, true), List.of("id"));

    assertThatThrownBy(() -> StarRocksTypes.map(table, table.columns().get(1)))
        .isInstanceOf(UnsupportedSchemaException.class)
        .hasMessageStartingWith("table public.t, column a: Postgres type " + pgType + " is not supported: the CDC source")
        .hasMessageContaining("drops the column from every streamed row");
  }

  @org.junit.jupiter.api.Test
  void enumsBecomeVarchar() {
    SourceTable table = table(new SourceColumn("mood", "mood", true, true), List.of("id"));

    assertThat(StarRocksTypes.map(table, table.columns().get(1))).isEqualTo("VARCHAR(252)");
  }

  private static SourceTable table(SourceColumn column, List<String> key) {
    return new SourceTable("public", "t", List.of(new SourceColumn("id", "bigint", false, false), column), key, false);
  }
}
