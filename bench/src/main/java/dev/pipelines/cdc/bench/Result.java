package dev.pipelines.cdc.bench;

/**
 * One line of the results: our figure, and where there is one, the limit it is measured against in
 * the same run (what bounds it physically) and the ratio between the two.
 *
 * @param section snapshot, streaming, freshness, operator, memory
 * @param measure what was measured, e.g. "job snapshot, parallelism 1"
 * @param value our figure
 * @param unit rows/s, changes/s, ms, s, MB, ...
 * @param limitName what the limit is, e.g. "COPY TO /dev/null"; null when there is none
 * @param limit the limit in the same unit; null when there is none
 * @param target what it should reach; null when it is context only
 * @param note anything a reader needs to read the number right
 */
public record Result(String section, String measure, double value, String unit, String limitName, Double limit,
    Target target, String note) {

  public static Result of(String section, String measure, double value, String unit) {
    return new Result(section, measure, value, unit, null, null, null, null);
  }

  public Result against(String name, double limitValue) {
    return new Result(section, measure, value, unit, name, limitValue, target, note);
  }

  public Result target(Target t) {
    return new Result(section, measure, value, unit, limitName, limit, t, note);
  }

  public Result note(String text) {
    return new Result(section, measure, value, unit, limitName, limit, target, text);
  }

  /** value / limit, or null without a limit. */
  public Double ratio() {
    return limit == null || limit == 0 ? null : value / limit;
  }

  /** Whether the target is met; null when there is no target. */
  public Boolean met() {
    return target == null ? null : target.met(this);
  }
}
