package dev.pipelines.cdc.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.JobSpec;
import dev.pipelines.cdc.operator.api.v1alpha1.PostgresSource;
import dev.pipelines.cdc.operator.api.v1alpha1.SecretCredentials;
import dev.pipelines.cdc.operator.api.v1alpha1.StarRocksSink;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.validation.CdcPipelineValidator;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kind/pipeline.yaml passes the operator's own validator and every address and Secret it names
 * exists in deploy/kind. That the API server accepts it as written (schema, strict field validation) is
 * checked on a real API server: kube-api-tests' CrdValidationIT.everyShippedManifestIsAcceptedAsWritten.
 */
class KindPipelineTest {
  private static final String NAMESPACE = "data";

  private static RepoPaths repo;
  private static KindManifests manifests;
  private static CdcPipeline pipeline;

  @BeforeAll
  static void load() throws IOException {
    repo = RepoPaths.locate();
    manifests = KindManifests.load(repo.kindManifests());
    pipeline = manifests.ofType(CdcPipeline.class).get(0);
  }

  @Test
  void passesTheOperatorsValidation() {
    assertThat(new CdcPipelineValidator(OperatorSettings.fromEnv(Map.of())).validate(pipeline)).isEmpty();
  }

  @Test
  void sourceAndSinkAddressesAreServicesOfTheDemo() {
    PostgresSource pg = pipeline.getSpec().source().postgres();
    assertServicePort(pg.host(), pg.port(), "postgres");
    StarRocksSink sr = pipeline.getSpec().sink().starrocks();
    URI jdbc = URI.create(sr.jdbcUrl().substring("jdbc:".length()));
    assertServicePort(jdbc.getHost(), jdbc.getPort(), "mysql");
    // Stream Load goes through allin1's FE proxy, which follows the FE → BE redirect itself.
    assertThat(sr.loadUrls()).singleElement().satisfies(url -> {
      String[] hostPort = url.split(":");
      assertServicePort(hostPort[0], Integer.parseInt(hostPort[1]), "feproxy");
    });
  }

  @Test
  void credentialsSecretsHoldTheNamedKeys() {
    for (SecretCredentials ref : List.of(
        pipeline.getSpec().source().postgres().credentialsSecret(),
        pipeline.getSpec().sink().starrocks().credentialsSecret())) {
      assertThat(manifests.secretValues(NAMESPACE, ref.name())).as("Secret %s", ref.name())
          .containsKeys(ref.usernameKey(), ref.passwordKey());
    }
  }

  @Test
  void stateDirIsTheMinioBucketKindUpCreates() throws IOException {
    JobSpec job = pipeline.getSpec().job();
    URI stateDir = URI.create(job.stateDir());
    assertThat(stateDir.getScheme()).isEqualTo("s3");
    assertThat(Files.readString(repo.script("kind-up.sh"))).contains("mc mb --ignore-existing local/" + stateDir.getHost());
    URI endpoint = URI.create(job.flinkConfiguration().get("s3.endpoint"));
    assertServicePort(endpoint.getHost(), endpoint.getPort(), "s3");
  }

  @Test
  void flinkPodsGetTheS3CredentialsFromTheSecret() {
    // Flink's kubernetes.env.secretKeyRef: env:NAME,secret:SECRET,key:KEY;...
    String refs = pipeline.getSpec().job().flinkConfiguration().get("kubernetes.env.secretKeyRef");
    List<Map<String, String>> entries = Arrays.stream(refs.split(";"))
        .map(entry -> Arrays.stream(entry.split(",")).map(kv -> kv.split(":", 2))
            .collect(Collectors.toMap(kv -> kv[0], kv -> kv[1])))
        .toList();
    assertThat(entries).extracting(e -> e.get("env")).containsExactlyInAnyOrder("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY");
    assertThat(entries).allSatisfy(e ->
        assertThat(manifests.secretValues(NAMESPACE, e.get("secret"))).containsKey(e.get("key")));
  }

  @Test
  void publicationSqlPublishesExactlyThePipelinesTables() throws IOException {
    PostgresSource pg = pipeline.getSpec().source().postgres();
    String sql = Files.readString(repo.kindManifests().resolve("postgres-publication.sql"));
    Matcher statements = Pattern.compile("(ALTER|CREATE) PUBLICATION (\\w+) (SET TABLE|FOR TABLE) ([^;]+);").matcher(sql);
    int found = 0;
    while (statements.find()) {
      found++;
      assertThat(statements.group(2)).isEqualTo(pg.publicationName());
      assertThat(statements.group(4).split(",\\s*")).containsExactlyInAnyOrderElementsOf(pg.tables());
    }
    assertThat(found).as("CREATE and ALTER statements").isEqualTo(2);
    assertThat(sql).contains("pubname = '" + pg.publicationName() + "'");
  }

  private static void assertServicePort(String host, int port, String portName) {
    // <service>.<namespace>.svc.cluster.local
    String[] parts = host.split("\\.");
    assertThat(host).as("in-cluster DNS name").endsWith(".svc.cluster.local");
    Service service = manifests.get(Service.class, parts[1], parts[0]);
    assertThat(service.getSpec().getPorts()).as("ports of Service %s", parts[0])
        .anySatisfy(p -> {
          assertThat(p.getPort()).isEqualTo(port);
          assertThat(p.getName()).isEqualTo(portName);
        });
  }
}
