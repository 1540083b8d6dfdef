package dev.pipelines.cdc.operator.reconciler;

import dev.pipelines.cdc.config.TableRoute;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.PostgresSource;
import dev.pipelines.cdc.operator.api.v1alpha1.SecretCredentials;
import dev.pipelines.cdc.operator.api.v1alpha1.StarRocksSink;
import dev.pipelines.cdc.operator.database.PostgresTarget;
import dev.pipelines.cdc.operator.database.SourceSelection;
import dev.pipelines.cdc.operator.database.StarRocksTarget;
import dev.pipelines.cdc.operator.naming.Names;
import dev.pipelines.cdc.operator.spec.Transforms;
import dev.pipelines.cdc.operator.secret.SecretKeys;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A pipeline's databases, with the credentials from its Secrets. The values are read here and
 * go only into JDBC connection properties: never into logs, status or events.
 */
final class Targets {
  private Targets() {}

  /** Empty when the Secret or one of its keys is missing. */
  static Optional<PostgresTarget> source(CdcPipeline pipeline, Function<String, Optional<Secret>> secrets) {
    PostgresSource pg = pipeline.getSpec().source().postgres();
    return credentials(pg.credentialsSecret(), secrets)
        .map(login -> new PostgresTarget(pg.host(), pg.port(), pg.database(), login.user(), login.password()));
  }

  static Optional<StarRocksTarget> sink(CdcPipeline pipeline, Function<String, Optional<Secret>> secrets) {
    StarRocksSink sr = pipeline.getSpec().sink().starrocks();
    return credentials(sr.credentialsSecret(), secrets)
        .map(login -> new StarRocksTarget(sr.jdbcUrl(), sr.database(), sr.createTables(), login.user(), login.password()));
  }

  static SourceSelection selection(CdcPipeline pipeline) {
    PostgresSource pg = pipeline.getSpec().source().postgres();
    List<TableRoute> routes = pipeline.getSpec().sink().starrocks().routes().stream()
        .map(r -> new TableRoute(r.sourceTable(), r.targetTable())).toList();
    return new SourceSelection(pg.tables(), pg.excludeTables(), Names.slot(pipeline), Names.publication(pipeline),
        routes, Transforms.of(pipeline.getSpec().transforms()));
  }

  private record Login(String user, String password) {
    @Override
    public String toString() {
      return "Login[" + user + "]";
    }
  }

  private static Optional<Login> credentials(SecretCredentials ref, Function<String, Optional<Secret>> secrets) {
    return secrets.apply(ref.name()).flatMap(secret ->
        SecretKeys.value(secret, ref.usernameKey()).flatMap(user ->
            SecretKeys.value(secret, ref.passwordKey()).map(password -> new Login(user, password))));
  }
}
