package dev.pipelines.cdc.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.pipelines.cdc.config.transform.TableTransform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads and writes {@link PipelineConfig} as JSON. Output is deterministic for equal configs. */
public final class PipelineConfigCodec {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          // A newer operator may add optional fields; an older job must still start.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private PipelineConfigCodec() {}

  public static String write(PipelineConfig config) {
    try {
      return MAPPER.writeValueAsString(config) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize pipeline config", e);
    }
  }

  public static PipelineConfig read(String json) {
    try {
      JsonNode tree = MAPPER.readTree(json);
      int version = tree.path("configVersion").asInt(-1);
      if (version < PipelineConfig.OLDEST_READ_VERSION || version > PipelineConfig.CURRENT_VERSION) {
        throw new InvalidPipelineConfigException(
            "pipeline config version "
                + (version < 0 ? "is missing" : version + " is not supported")
                + "; this job reads versions "
                + PipelineConfig.OLDEST_READ_VERSION + " to " + PipelineConfig.CURRENT_VERSION
                + " (operator and job image are out of step)");
      }
      return MAPPER.treeToValue(tree, PipelineConfig.class);
    } catch (JsonProcessingException e) {
      throw new InvalidPipelineConfigException(
          "pipeline config is not valid: " + e.getOriginalMessage(), e);
    }
  }

  /** Transforms as one line of JSON, deterministic for equal lists (the operator keeps it beside the config). */
  public static String writeTransforms(List<TableTransform> transforms) {
    try {
      return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(transforms);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize transforms", e);
    }
  }

  /** The transforms {@link #writeTransforms} wrote. */
  public static List<TableTransform> readTransforms(String json) {
    try {
      return List.of(MAPPER.readValue(json, TableTransform[].class));
    } catch (JsonProcessingException e) {
      throw new InvalidPipelineConfigException("transforms are not valid: " + e.getOriginalMessage(), e);
    }
  }

  public static PipelineConfig read(Path file) {
    try {
      return read(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pipeline config " + file, e);
    }
  }
}
