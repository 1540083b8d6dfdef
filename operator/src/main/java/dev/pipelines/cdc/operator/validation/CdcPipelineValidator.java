package dev.pipelines.cdc.operator.validation;

import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.FlushPolicy;
import dev.pipelines.cdc.config.endpoint.Endpoints;
import dev.pipelines.cdc.config.endpoint.InvalidEndpointException;
import dev.pipelines.cdc.config.names.StarRocksNames;
import dev.pipelines.cdc.config.names.TargetNames;
import dev.pipelines.cdc.config.plan.RowFilters;
import dev.pipelines.cdc.config.plan.StreamLoadHeaders;
import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.ColumnRename;
import dev.pipelines.cdc.operator.api.v1alpha1.ColumnsTransform;
import dev.pipelines.cdc.operator.api.v1alpha1.JobSpec;
import dev.pipelines.cdc.operator.api.v1alpha1.Patterns;
import dev.pipelines.cdc.operator.api.v1alpha1.PostgresSource;
import dev.pipelines.cdc.operator.api.v1alpha1.SecretCredentials;
import dev.pipelines.cdc.operator.api.v1alpha1.StarRocksSink;
import dev.pipelines.cdc.operator.api.v1alpha1.TableRoute;
import dev.pipelines.cdc.operator.api.v1alpha1.Transform;
import dev.pipelines.cdc.operator.api.v1alpha1.UpgradeMode;
import dev.pipelines.cdc.operator.config.OperatorSettings;
import dev.pipelines.cdc.operator.spec.ByteSizes;
import dev.pipelines.cdc.operator.spec.Durations;
import dev.pipelines.cdc.operator.spec.FlinkMemory;
import dev.pipelines.cdc.operator.desired.FlinkDeploymentFactory;
import dev.pipelines.cdc.operator.flink.FlinkOptions;
import dev.pipelines.cdc.operator.flink.ReservedFlinkKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every rule a CdcPipeline must satisfy, in one place. The CRD schema repeats those it can
 * express, but the operator cannot rely on it: a schema may be older than the operator, and the
 * rules here also cover what a schema cannot say (regexes that compile, reserved Flink keys).
 */
public final class CdcPipelineValidator {
  /** The Flink operator derives service names from the deployment name and caps it at 45. */
  static final int MAX_NAME_LENGTH = 45;

  private static final Pattern DNS_1035_LABEL = Pattern.compile("^[a-z]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern PG_IDENTIFIER = Pattern.compile(Patterns.PG_IDENTIFIER);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(Patterns.DNS_SUBDOMAIN);

  private static final String MAX_PARALLELISM_KEY = FlinkOptions.MAX_PARALLELISM.key();

  private static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
  /** Below this, a checkpoint per flush would cost more than the loads it triggers (see FlushPolicy). */
  private static final Duration MIN_FLUSH_INTERVAL = Duration.ofMillis(FlushPolicy.MIN_FLUSH_MILLIS);

  private final OperatorSettings settings;

  public CdcPipelineValidator(OperatorSettings settings) {
    this.settings = settings;
  }

  /** All violations, in spec order; empty when the pipeline is valid. */
  public List<Violation> validate(CdcPipeline pipeline) {
    List<Violation> out = new ArrayList<>();
    String name = pipeline.getMetadata().getName();
    if (name.length() > MAX_NAME_LENGTH || !DNS_1035_LABEL.matcher(name).matches()) {
      out.add(new Violation("metadata.name",
          "'" + name + "' must be a DNS-1035 label of at most " + MAX_NAME_LENGTH
              + " characters (lower-case letters, digits and '-', starting with a letter): it names the FlinkDeployment"));
    }
    if (pipeline.getSpec() == null) {
      out.add(new Violation("spec", "is required"));
      return out;
    }
    if (pipeline.getSpec().source() == null || pipeline.getSpec().source().postgres() == null) {
      out.add(new Violation("spec.source.postgres", "is required"));
    } else {
      validateSource(pipeline.getSpec().source().postgres(), out);
    }
    if (pipeline.getSpec().sink() == null || pipeline.getSpec().sink().starrocks() == null) {
      out.add(new Violation("spec.sink.starrocks", "is required"));
    } else {
      validateSink(pipeline.getSpec().sink().starrocks(), out);
    }
    validateJob(pipeline.getSpec().job(), out);
    validateTransforms(pipeline.getSpec().transforms(), out);
    return List.copyOf(out);
  }

  /**
   * What the spec alone decides about transforms; which tables and columns they name needs the catalog,
   * which preflight reads ({@link dev.pipelines.cdc.config.plan.TableTransforms}).
   */
  private static void validateTransforms(List<Transform> transforms, List<Violation> out) {
    for (int i = 0; i < transforms.size(); i++) {
      Transform t = transforms.get(i);
      String at = "spec.transforms[" + i + "]";
      if (t.tables().isEmpty()) {
        out.add(new Violation(at + ".tables", "list at least one table, e.g. public.orders or public\\.orders_.*"));
      }
      validateTablePatterns(t.tables(), at + ".tables", out);
      if (t.filter() != null) {
        // The filter's text, by the rule the job applies before it builds any statement with it.
        RowFilters.problem(t.filter()).ifPresent(p -> out.add(new Violation(at + ".filter", p)));
      }
      if (t.route() != null) {
        if (t.route().targetTable() == null) {
          out.add(new Violation(at + ".route.targetTable", "is required: the StarRocks table to write"));
        } else {
          StarRocksNames.tableProblem(t.route().targetTable()).ifPresent(reason -> out.add(new Violation(
              at + ".route.targetTable", "'" + t.route().targetTable() + "' " + reason)));
        }
        if (t.route().sourceTableColumn() != null) {
          StarRocksNames.columnProblem(t.route().sourceTableColumn()).ifPresent(reason -> out.add(new Violation(
              at + ".route.sourceTableColumn", "'" + t.route().sourceTableColumn() + "' " + reason)));
        }
      }
      ColumnsTransform columns = t.columns();
      if (columns == null) {
        continue;
      }
      if (!columns.include().isEmpty() && !columns.exclude().isEmpty()) {
        out.add(new Violation(at + ".columns", "set include or exclude, not both"));
      }
      validateColumnNames(columns.include(), at + ".columns.include", out);
      validateColumnNames(columns.exclude(), at + ".columns.exclude", out);
      Set<String> from = new HashSet<>();
      Map<String, String> to = new HashMap<>();
      for (int r = 0; r < columns.rename().size(); r++) {
        ColumnRename rename = columns.rename().get(r);
        String field = at + ".columns.rename[" + r + "]";
        if (rename.from() == null || rename.from().isEmpty()) {
          out.add(new Violation(field + ".from", "is required: the PostgreSQL column to rename"));
        } else if (!from.add(rename.from())) {
          out.add(new Violation(field + ".from", "'" + rename.from() + "' is renamed more than once"));
        }
        if (rename.to() == null) {
          out.add(new Violation(field + ".to", "is required: the StarRocks column name"));
          continue;
        }
        StarRocksNames.columnProblem(rename.to()).ifPresent(reason -> out.add(new Violation(field + ".to",
            "'" + rename.to() + "' " + reason + ": choose a name StarRocks takes")));
        String earlier = to.putIfAbsent(rename.to().toLowerCase(java.util.Locale.ROOT), rename.from());
        if (earlier != null) {
          out.add(new Violation(field + ".to", "'" + rename.from() + "' and '" + earlier + "' are both renamed to '"
              + rename.to() + "' (StarRocks column names ignore case)"));
        }
      }
    }
  }

  private static void validateColumnNames(List<String> names, String at, List<Violation> out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      if (n == null || n.isEmpty()) {
        out.add(new Violation(at + "[" + i + "]", "is empty"));
      } else if (!seen.add(n)) {
        out.add(new Violation(at + "[" + i + "]", "'" + n + "' is listed twice"));
      }
    }
  }

  private void validateSource(PostgresSource pg, List<Violation> out) {
    String at = "spec.source.postgres";
    // Host and database are checked by the rule the connections use (Endpoints); the port alone here.
    endpoint(at + ".host", () -> Endpoints.postgresServer(pg.host(), PostgresSource.DEFAULT_PORT), out);
    endpoint(at + ".database", () -> Endpoints.postgresDatabase(pg.database()), out);
    if (pg.port() < 1 || pg.port() > 65535) {
      out.add(new Violation(at + ".port", pg.port() + " is not a TCP port (1-65535)"));
    }
    validateSecret(pg.credentialsSecret(), at + ".credentialsSecret", out);
    if (pg.tables().isEmpty()) {
      out.add(new Violation(at + ".tables",
          "list at least one table to capture, e.g. public.orders or public\\.orders_.*"));
    }
    validateTablePatterns(pg.tables(), at + ".tables", out);
    validateTablePatterns(pg.excludeTables(), at + ".excludeTables", out);
    validatePgIdentifier(pg.slotName(), at + ".slotName", out);
    validatePgIdentifier(pg.publicationName(), at + ".publicationName", out);
    if (ByteSizes.parse(pg.maxLag()).isEmpty()) {
      out.add(new Violation(at + ".maxLag", "'" + pg.maxLag() + "' must be a byte count or a quantity such as 512Mi or 1Gi"));
    }
    if (pg.snapshotChunkSize() < 1 || pg.snapshotChunkSize() > 1_000_000) {
      out.add(new Violation(at + ".snapshotChunkSize",
          pg.snapshotChunkSize() + " is outside 1-1000000"));
    }
  }

  private static void validateTablePatterns(List<String> patterns, String at, List<Violation> out) {
    for (int i = 0; i < patterns.size(); i++) {
      String p = patterns.get(i);
      String field = at + "[" + i + "]";
      if (p == null || p.isBlank()) {
        out.add(new Violation(field, "is empty"));
        continue;
      }
      if (!p.contains(".")) {
        out.add(new Violation(field, "'" + p + "' must be schema-qualified, e.g. public." + p));
        continue;
      }
      try {
        Pattern.compile(p);
      } catch (PatternSyntaxException e) {
        out.add(new Violation(field, "'" + p + "' is not a valid regular expression: " + e.getDescription()));
      }
    }
  }

  private static void validatePgIdentifier(String value, String at, List<Violation> out) {
    if (value != null && !PG_IDENTIFIER.matcher(value).matches()) {
      out.add(new Violation(at, "'" + value + "' must be 1-63 lower-case letters, digits or '_', not starting with a digit"));
    }
  }

  private static void validateSecret(SecretCredentials secret, String at, List<Violation> out) {
    if (secret == null || secret.name() == null || secret.name().isBlank()) {
      out.add(new Violation(at + ".name", "name the Secret that holds the credentials"));
    } else if (!DNS_SUBDOMAIN.matcher(secret.name()).matches()) {
      out.add(new Violation(at + ".name", "'" + secret.name() + "' is not a valid Secret name"));
    }
  }

  private static void validateSink(StarRocksSink sr, List<Violation> out) {
    String at = "spec.sink.starrocks";
    endpoint(at + ".jdbcUrl", () -> Endpoints.starRocksFrontend(sr.jdbcUrl()), out);
    if (sr.loadUrls().isEmpty()) {
      out.add(new Violation(at + ".loadUrls", "list at least one FE HTTP address, e.g. starrocks-fe:8030"));
    }
    for (int i = 0; i < sr.loadUrls().size(); i++) {
      String url = sr.loadUrls().get(i);
      endpoint(at + ".loadUrls[" + i + "]", () -> Endpoints.starRocksLoadAddress(url), out);
    }
    TargetNames.databaseProblem(sr.database()).ifPresent(problem -> out.add(new Violation(at + ".database", problem)));
    validateSecret(sr.credentialsSecret(), at + ".credentialsSecret", out);
    validateRoutes(sr.routes(), at + ".routes", out);
    Durations.parse(sr.flushInterval())
        .filter(d -> d.compareTo(MIN_FLUSH_INTERVAL) >= 0)
        .ifPresentOrElse(d -> {
          if (sr.semantic() == DeliverySemantic.EXACTLY_ONCE && d.toMillis() < FlushPolicy.CONNECTOR_MIN_FLUSH_MILLIS) {
            out.add(new Violation(at + ".flushInterval", "'" + sr.flushInterval() + "' is below 1s, which only"
                + " at-least-once supports; exactly-once rows become visible at each checkpoint, so lower"
                + " spec.job.checkpointInterval instead"));
          }
        }, () -> out.add(new Violation(at + ".flushInterval",
            "'" + sr.flushInterval() + "' must be a duration of at least 100ms, e.g. 200ms, 5s or 1m")));
    sr.properties().keySet().stream().sorted().filter(StreamLoadHeaders.RESERVED::contains).forEach(key ->
        out.add(new Violation(at + ".properties." + key,
            "is set by the pipeline itself (it decides how changes are encoded and labelled); remove it")));
  }

  /**
   * What the spec alone decides about target tables, by the rule the job applies at start
   * ({@link TargetNames}): each targetTable a name StarRocks takes, and no two routes meeting in one
   * table. Tables meeting by default (a.orders and b.orders) need the catalog: preflight finds those.
   */
  private static void validateRoutes(List<TableRoute> routes, String at, List<Violation> out) {
    Set<String> seen = new HashSet<>();
    Map<String, String> targets = new LinkedHashMap<>();
    Map<String, Integer> indexBySource = new HashMap<>();
    for (int i = 0; i < routes.size(); i++) {
      TableRoute r = routes.get(i);
      String field = at + "[" + i + "]";
      boolean sourceValid = r.sourceTable() != null && r.sourceTable().matches("^[^.\\s]+\\.[^.\\s]+$");
      if (!sourceValid) {
        out.add(new Violation(field + ".sourceTable", "'" + r.sourceTable() + "' must be a schema-qualified table, e.g. public.orders"));
      } else if (!seen.add(r.sourceTable())) {
        out.add(new Violation(field + ".sourceTable", "'" + r.sourceTable() + "' is routed more than once"));
      }
      if (r.targetTable() == null) {
        out.add(new Violation(field + ".targetTable", "is required: the StarRocks table to write"));
        continue;
      }
      String source = r.sourceTable() == null ? "" : r.sourceTable();
      StarRocksNames.tableProblem(r.targetTable()).ifPresent(reason -> out.add(new Violation(field + ".targetTable",
          TargetNames.routedTargetProblem(source, r.targetTable(), reason))));
      if (sourceValid && !targets.containsKey(r.sourceTable())) {
        targets.put(r.sourceTable(), r.targetTable());
        indexBySource.put(r.sourceTable(), i);
      }
    }
    for (TargetNames.Collision c : TargetNames.collisions(targets)) {
      int last = indexBySource.get(c.sources().get(c.sources().size() - 1));
      out.add(new Violation(at + "[" + last + "].targetTable", c.message()));
    }
  }

  private void validateJob(JobSpec job, List<Violation> out) {
    String at = "spec.job";
    if (job.parallelism() < 1) {
      out.add(new Violation(at + ".parallelism", "must be at least 1"));
    } else if (job.parallelism() > settings.maxParallelism()) {
      out.add(new Violation(at + ".parallelism", job.parallelism() + " is above this operator's limit of "
          + settings.maxParallelism() + " (operator setting maxParallelism: Helm value maxParallelism, env "
          + OperatorSettings.ENV_MAX_PARALLELISM + "; at most " + JobSpec.FLINK_MAX_PARALLELISM
          + ", Flink's bound); each unit is a TaskManager slot"));
    }
    validateMaxParallelism(job, at, out);
    Durations.parse(job.checkpointInterval())
        .filter(d -> d.compareTo(MIN_CHECKPOINT_INTERVAL) >= 0)
        .ifPresentOrElse(d -> {}, () -> out.add(new Violation(at + ".checkpointInterval",
            "'" + job.checkpointInterval() + "' must be a duration of at least 1s, e.g. 30s or 2m")));
    if (job.upgradeMode() != UpgradeMode.STATELESS && FlinkDeploymentFactory.stateDir(job, settings).isEmpty()) {
      out.add(new Violation(at + ".stateDir",
          "is required with upgradeMode " + (job.upgradeMode() == UpgradeMode.SAVEPOINT ? "savepoint" : "last-state")
              + ": set a durable directory (e.g. s3://bucket/cdc) or use upgradeMode stateless"));
    }
    validateMemory(job.jobManager().memory(), at + ".jobManager.memory", out);
    validateMemory(job.taskManager().memory(), at + ".taskManager.memory", out);
    if (job.jobManager().cpu() <= 0 || job.taskManager().cpu() <= 0) {
      out.add(new Violation(at, "cpu must be positive"));
    }
    if (job.taskManager().taskSlots() < 1) {
      out.add(new Violation(at + ".taskManager.taskSlots", "must be at least 1"));
    }
    job.flinkConfiguration().keySet().stream().sorted().forEach(key ->
        ReservedFlinkKeys.owningField(key).ifPresent(field ->
            out.add(new Violation(at + ".flinkConfiguration." + key, "is set from " + field + "; use that field instead"))));
  }

  /**
   * Flink refuses to start a job whose parallelism exceeds {@code pipeline.max-parallelism}, and a
   * max parallelism outside 1-32768 (its key groups), restarting forever: the spec decides both.
   */
  private static void validateMaxParallelism(JobSpec job, String at, List<Violation> out) {
    String raw = job.flinkConfiguration().get(MAX_PARALLELISM_KEY);
    if (raw == null) {
      return;
    }
    String field = at + ".flinkConfiguration." + MAX_PARALLELISM_KEY;
    int max;
    try {
      max = Integer.parseInt(raw.trim());
    } catch (NumberFormatException e) {
      out.add(new Violation(field, "'" + raw + "' is not a whole number"));
      return;
    }
    if (max == -1) {
      return; // Flink's own default: derived from the parallelism
    }
    if (max < 1 || max > JobSpec.FLINK_MAX_PARALLELISM) {
      out.add(new Violation(field, max + " is outside 1-" + JobSpec.FLINK_MAX_PARALLELISM
          + ", Flink's bound (or -1, Flink's default, derived from the parallelism)"));
    } else if (job.parallelism() > max) {
      out.add(new Violation(field, max + " is below spec.job.parallelism " + job.parallelism()
          + ": Flink refuses a parallelism above the max parallelism"));
    }
  }

  private static void validateMemory(String memory, String at, List<Violation> out) {
    if (FlinkMemory.parse(memory).isEmpty()) {
      out.add(new Violation(at, "'" + memory + "' is not a memory size, e.g. 1024m, 2g or 2Gi (whole amounts)"));
    }
  }

  /** An address field, by the rule the operator's and the job's connections parse it with. */
  private static void endpoint(String at, Runnable parse, List<Violation> out) {
    try {
      parse.run();
    } catch (InvalidEndpointException e) {
      out.add(new Violation(at, e.getMessage()));
    }
  }
}
