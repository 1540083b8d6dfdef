package dev.pipelines.cdc.emulator;

import java.time.Duration;

/**
 * One injected failure.
 *
 * @param httpStatus for {@link Kind#HTTP_ERROR}
 * @param hang       for {@link Kind#TIMEOUT}: how long the server stays silent before closing the connection
 */
public record Fault(Kind kind, int httpStatus, Duration hang) {

    public enum Kind {
        /** Answer with an HTTP error status (e.g. 500, 503) without touching data. */
        HTTP_ERROR,
        /** Read the body, then say nothing until the client times out. */
        TIMEOUT,
        /** Read part of the body, then close the connection. */
        DROP_CONNECTION,
        /** Apply the data but answer "Publish Timeout" (loads and commits only). */
        PUBLISH_TIMEOUT
    }
}
