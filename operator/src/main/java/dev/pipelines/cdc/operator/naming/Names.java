package dev.pipelines.cdc.operator.naming;

import dev.pipelines.cdc.operator.api.v1alpha1.CdcPipeline;
import dev.pipelines.cdc.operator.api.v1alpha1.PostgresSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** Names of the objects a pipeline owns, in Kubernetes and in Postgres. */
public final class Names {
  /** Postgres' identifier limit (NAMEDATALEN - 1). */
  static final int PG_MAX_IDENTIFIER_BYTES = 63;

  private static final int HASH_CHARS = 8;

  private Names() {}

  public static String flinkDeployment(CdcPipeline pipeline) {
    return pipeline.getMetadata().getName();
  }

  public static String configMap(CdcPipeline pipeline) {
    return pipeline.getMetadata().getName() + "-pipeline-config";
  }

  public static String slot(CdcPipeline pipeline) {
    PostgresSource source = pipeline.getSpec().source().postgres();
    return source.slotName() != null
        ? source.slotName()
        : derivedPgIdentifier(pipeline.getMetadata().getNamespace(), pipeline.getMetadata().getName());
  }

  public static String publication(CdcPipeline pipeline) {
    PostgresSource source = pipeline.getSpec().source().postgres();
    return source.publicationName() != null ? source.publicationName() : slot(pipeline);
  }

  /**
   * {@code cdc_<namespace>_<name>} made a valid slot name: lower case, anything but letters and
   * digits turned into {@code _}. Two pipelines could collide after that folding, and long names
   * must be cut to 63 bytes, so when either happens a hash of the exact namespace/name is kept at
   * the end. The result depends only on namespace and name: it is stable across restarts and
   * operator versions (changing it would orphan a slot).
   */
  static String derivedPgIdentifier(String namespace, String name) {
    String folded = ("cdc_" + namespace + "_" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    boolean lossless = folded.equals("cdc_" + namespace + "_" + name);
    if (lossless && folded.length() <= PG_MAX_IDENTIFIER_BYTES) {
      return folded;
    }
    String hash = sha256Hex(namespace + "/" + name).substring(0, HASH_CHARS);
    int keep = Math.min(folded.length(), PG_MAX_IDENTIFIER_BYTES - HASH_CHARS - 1);
    return folded.substring(0, keep) + "_" + hash;
  }

  public static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
