package dev.pipelines.cdc.bench;

/**
 * What a measurement should reach on the reference machine (issue #8): either a share of the limit
 * measured in the same run ({@code ratio ≥ x}), or an absolute bound ({@code value ≤ x}).
 */
public record Target(Kind kind, double bound) {

  public enum Kind { RATIO_AT_LEAST, AT_MOST }

  public static Target ratioAtLeast(double share) {
    return new Target(Kind.RATIO_AT_LEAST, share);
  }

  public static Target atMost(double bound) {
    return new Target(Kind.AT_MOST, bound);
  }

  boolean met(Result result) {
    return switch (kind) {
      case RATIO_AT_LEAST -> result.ratio() != null && result.ratio() >= bound;
      case AT_MOST -> result.value() <= bound;
    };
  }

  String describe(String unit) {
    return switch (kind) {
      case RATIO_AT_LEAST -> "ratio >= " + Format.number(bound);
      case AT_MOST -> "<= " + Format.number(bound) + " " + unit;
    };
  }
}
