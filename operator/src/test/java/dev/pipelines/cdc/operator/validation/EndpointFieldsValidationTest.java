package dev.pipelines.cdc.operator.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.TestOperatorSettings;
import dev.pipelines.cdc.config.names.StarRocksNames;
import dev.pipelines.cdc.operator.testkit.TestPipelines;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field that reaches a connection, with what a user could append to smuggle driver options,
 * credentials, paths or a second host in: refused by the validator, on that field, with a message
 * that says what is accepted; and refused by the CRD pattern generated from the same constant.
 */
class EndpointFieldsValidationTest {
  private final CdcPipelineValidator validator = new CdcPipelineValidator(TestOperatorSettings.settings());

  static final List<String> SUFFIXES = List.of("?allowLoadLocalInfile=true", "/?autoDeserialize=true", "/shop",
      "#x", "@evil", ";a=b", "&allowUrlInLocalInfile=true", " ", " x", "\n", "\nallowLoadLocalInfile=true", "\t");

  record Field(String path, String reported, String valid, String pattern, String gist) {}

  static final List<Field> FIELDS = List.of(
      new Field("spec.sink.starrocks.jdbcUrl", "spec.sink.starrocks.jdbcUrl", "jdbc:mysql://starrocks-fe:9030",
          Patterns.STARROCKS_JDBC_URL, "jdbc:mysql://<host>[:<port>]"),
      new Field("spec.sink.starrocks.loadUrls", "spec.sink.starrocks.loadUrls[0]", "starrocks-fe:8030",
          Patterns.STARROCKS_LOAD_ADDRESS, "must be host:port"),
      new Field("spec.source.postgres.host", "spec.source.postgres.host", "postgres.data.svc",
          Patterns.POSTGRES_HOST, "must be a DNS name (RFC 1123"),
      new Field("spec.source.postgres.database", "spec.source.postgres.database", "shop",
          Patterns.POSTGRES_DATABASE, "ASCII letters, digits, '_' or '-'"),
      // In the Stream Load URL path (/api/{db}/{table}/_stream_load): the StarRocks name rule keeps it inert.
      new Field("spec.sink.starrocks.database", "spec.sink.starrocks.database", "analytics",
          StarRocksNames.DATABASE_NAME_PATTERN, StarRocksNames.RULE));

  static Stream<Arguments> hostileValues() {
    return FIELDS.stream().flatMap(f -> Stream.concat(SUFFIXES.stream().map(s -> f.valid() + s),
        Stream.of("x@" + f.valid(), "a b", "http://" + f.valid())).map(v -> Arguments.of(f, v)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("hostileValues")
  void refusedOnItsFieldWithWhatIsAccepted(Field field, String value) {
    Object set = field.path().endsWith("loadUrls") ? List.of(value) : value;
    CdcPipeline pipeline = TestPipelines.with(TestPipelines.minimal(), field.path(), set);

    List<Violation> violations = validator.validate(pipeline);

    assertThat(violations).singleElement().satisfies(v -> {
      assertThat(v.field()).isEqualTo(field.reported());
      assertThat(v.message()).contains(field.gist());
    });
    assertThat(Pattern.matches(field.pattern(), value)).as("CRD pattern of " + field.path()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fields")
  void theValidValueIsAccepted(Field field) {
    Object set = field.path().endsWith("loadUrls") ? List.of(field.valid()) : field.valid();

    assertThat(validator.validate(TestPipelines.with(TestPipelines.minimal(), field.path(), set))).isEmpty();
    assertThat(Pattern.matches(field.pattern(), field.valid())).isTrue();
  }

  static Stream<Field> fields() {
    return FIELDS.stream();
  }
}
