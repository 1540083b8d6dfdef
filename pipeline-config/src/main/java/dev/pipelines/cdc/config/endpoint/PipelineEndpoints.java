package dev.pipelines.cdc.config.endpoint;

import dev.pipelines.cdc.config.InvalidPipelineConfigException;
import dev.pipelines.cdc.config.PipelineConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Every address in a {@link PipelineConfig}, parsed by {@link Endpoints}. The job builds all its
 * connections from this, so a config file that did not come through the operator's validator (or
 * was edited after) is refused at start instead of reaching a driver: defence in depth.
 *
 * @param postgres the source server
 * @param postgresDatabase the source database
 * @param starRocksFrontend the FE's MySQL port
 * @param starRocksLoadAddresses the FE HTTP addresses for Stream Load
 */
public record PipelineEndpoints(
    HostPort postgres, String postgresDatabase, HostPort starRocksFrontend, List<HostPort> starRocksLoadAddresses) {

  public PipelineEndpoints {
    starRocksLoadAddresses = List.copyOf(starRocksLoadAddresses);
  }

  /** All of them, or one exception naming every bad field of the config file. */
  public static PipelineEndpoints of(PipelineConfig config) {
    List<String> problems = new ArrayList<>();
    HostPort postgres = parse(problems, "source.host", () -> Endpoints.postgresServer(config.source().host(),
        config.source().port()));
    String database = parse(problems, "source.database", () -> Endpoints.postgresDatabase(config.source().database()));
    HostPort frontend = parse(problems, "sink.jdbcUrl", () -> Endpoints.starRocksFrontend(config.sink().jdbcUrl()));
    List<HostPort> load = new ArrayList<>();
    List<String> urls = config.sink().loadUrls();
    if (urls.isEmpty()) {
      problems.add("sink.loadUrls: is empty: list at least one FE HTTP address, e.g. starrocks-fe:8030");
    }
    for (int i = 0; i < urls.size(); i++) {
      String url = urls.get(i);
      load.add(parse(problems, "sink.loadUrls[" + i + "]", () -> Endpoints.starRocksLoadAddress(url)));
    }
    if (!problems.isEmpty()) {
      throw new InvalidPipelineConfigException("the pipeline config names addresses the pipeline will not connect to: "
          + String.join("; ", problems));
    }
    return new PipelineEndpoints(postgres, database, frontend, load);
  }

  private static <T> T parse(List<String> problems, String field, java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (InvalidEndpointException e) {
      problems.add(field + ": " + e.getMessage());
      return null;
    }
  }
}
