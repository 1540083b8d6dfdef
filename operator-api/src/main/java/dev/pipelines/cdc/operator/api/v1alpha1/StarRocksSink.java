package dev.pipelines.cdc.operator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.pipelines.cdc.config.DeliverySemantic;
import dev.pipelines.cdc.config.names.StarRocksNames;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** A StarRocks cluster to write changes into. */
@ValidationRule(
    value = "!has(self.routes) || self.routes.all(r, self.routes.exists_one(o, o.sourceTable == r.sourceTable))",
    message = "each sourceTable may appear in only one route")
public record StarRocksSink(
    @Required
        @Pattern(Patterns.STARROCKS_JDBC_URL)
        @Size(max = Patterns.MAX_JDBC_URL_LENGTH)
        @JsonPropertyDescription(
            "A StarRocks FE's MySQL port as jdbc:mysql://<host>[:<port>], e.g. jdbc:mysql://fe:9030"
                + " (port 3306 if left out). Host: a DNS name or IPv4 address. No parameters, user,"
                + " path or fragment: the pipeline sets the driver's options itself (LOCAL INFILE and"
                + " deserialization off).")
        String jdbcUrl,
    @Required
        @Size(min = 1)
        @JsonPropertyDescription(
            "HTTP addresses (<host>:<port>, no scheme or path) of StarRocks FEs, for Stream Load,"
                + " e.g. starrocks-fe:8030.")
        List<@Pattern(Patterns.STARROCKS_LOAD_ADDRESS) @Size(max = Patterns.MAX_LOAD_ADDRESS_LENGTH) String> loadUrls,
    @Required
        @Pattern(StarRocksNames.DATABASE_NAME_PATTERN)
        @Size(max = StarRocksNames.MAX_DATABASE_NAME)
        @JsonPropertyDescription("Target database. Created if missing when createTables is true.")
        String database,
    @Required
        @JsonPropertyDescription("Secret with a StarRocks user allowed to load (and, with createTables, create) tables.")
        SecretCredentials credentialsSecret,
    @Size(max = 200)
        @JsonPropertyDescription(
            "Explicit target names for some source tables. Tables without a route keep their"
                + " table name (without schema).")
        List<TableRoute> routes,
    @Default(DEFAULT_CREATE_TABLES)
        @JsonPropertyDescription(
            "Create missing target tables as primary-key tables with the source's key. Default: "
                + DEFAULT_CREATE_TABLES + ".")
        Boolean createTables,
    @Default(DEFAULT_SEMANTIC)
        @JsonPropertyDescription(
            "at-least-once: rows are loaded every flushInterval; after a failure some are loaded"
                + " again, which primary-key tables absorb. exactly-once: Stream Load transactions"
                + " committed with each Flink checkpoint, so rows become visible once per"
                + " checkpointInterval. Default: " + DEFAULT_SEMANTIC + ".")
        DeliverySemantic semantic,
    @Default(DEFAULT_FLUSH_INTERVAL)
        @Pattern(Patterns.DURATION)
        @JsonPropertyDescription(
            "Longest time a change waits in the sink's buffer before a Stream Load (at-least-once),"
                + " at least 100ms. Lower is fresher but loads StarRocks more often: one Stream Load"
                + " (one transaction, one new data version) per table and interval. Below 1s (the"
                + " connector's own minimum) the loads are triggered by Flink checkpoints, so the job"
                + " then checkpoints every flushInterval (overriding a longer checkpointInterval);"
                + " only for at-least-once. Default: " + DEFAULT_FLUSH_INTERVAL + ".")
        String flushInterval,
    @JsonPropertyDescription(
            "Extra Stream Load properties sent as headers with every load, e.g. max_filter_ratio,"
                + " timeout. The pipeline sets format, columns and labels itself.")
        Map<String, String> properties) {

  // One String constant per default (see JobSpec): @Default, the description and the constructor.
  public static final String DEFAULT_CREATE_TABLES = "true";
  public static final String DEFAULT_SEMANTIC = "at-least-once";
  public static final String DEFAULT_FLUSH_INTERVAL = "5s";

  public StarRocksSink {
    loadUrls = loadUrls == null ? List.of() : List.copyOf(loadUrls);
    routes = routes == null ? List.of() : List.copyOf(routes);
    createTables = createTables == null ? Boolean.valueOf(DEFAULT_CREATE_TABLES) : createTables;
    semantic = semantic == null ? JsonEnums.of(DeliverySemantic.class, DEFAULT_SEMANTIC) : semantic;
    flushInterval = flushInterval == null ? DEFAULT_FLUSH_INTERVAL : flushInterval;
    properties = properties == null ? Map.of() : Map.copyOf(properties);
  }
}
