package dev.pipelines.cdc.operator.http;

import static java.util.Objects.requireNonNull;

/** A whole HTTP response: status, content type and a text body. */
public record PlainResponse(int status, String contentType, String body) {
  public static final String TEXT = "text/plain; charset=utf-8";

  public PlainResponse {
    requireNonNull(contentType, "contentType");
    requireNonNull(body, "body");
  }

  public static PlainResponse text(int status, String body) {
    return new PlainResponse(status, TEXT, body);
  }
}
