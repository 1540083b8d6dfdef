package dev.pipelines.cdc.operator.prerequisite;

import static java.util.Objects.requireNonNull;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A resource type the operator watches, which the API server must serve before the operator can start: without
 * it, the informer's first list fails with "Not Found" and java-operator-sdk's start throws.
 *
 * @param crd the CustomResourceDefinition's name, e.g. {@code flinkdeployments.flink.apache.org}
 * @param groupVersion the served version the operator uses, e.g. {@code flink.apache.org/v1beta1}
 * @param plural the resource's name in the API discovery document
 * @param install how a person installs it, one sentence
 */
public record RequiredApi(String crd, String groupVersion, String plural, String install) {
  public RequiredApi {
    requireNonNull(crd, "crd");
    requireNonNull(groupVersion, "groupVersion");
    requireNonNull(plural, "plural");
    requireNonNull(install, "install");
  }

  /** The API of {@code type} as its model class declares it (group, version, plural): one source of truth. */
  public static RequiredApi of(Class<? extends HasMetadata> type, String install) {
    return new RequiredApi(HasMetadata.getFullResourceName(type), HasMetadata.getApiVersion(type),
        HasMetadata.getPlural(type), install);
  }

  /** The one line a person reads in the log and in {@code /readyz}. */
  public String missingLine() {
    return "missing prerequisite: the API server does not serve " + groupVersion + " " + plural + " (CRD " + crd
        + "); " + install;
  }
}
