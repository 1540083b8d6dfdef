package dev.pipelines.cdc.emulator;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests served per endpoint (a 307 redirect is not counted; the request it leads to is). */
final class RequestCounter {

    private final Map<Endpoint, AtomicLong> counts = new EnumMap<>(Endpoint.class);
    private final AtomicLong redirects = new AtomicLong();

    RequestCounter() {
        for (Endpoint e : Endpoint.values()) {
            counts.put(e, new AtomicLong());
        }
    }

    void count(Endpoint endpoint) {
        counts.get(endpoint).incrementAndGet();
    }

    void countRedirect() {
        redirects.incrementAndGet();
    }

    long get(Endpoint endpoint) {
        return counts.get(endpoint).get();
    }

    long redirects() {
        return redirects.get();
    }

    void reset() {
        counts.values().forEach(c -> c.set(0));
        redirects.set(0);
    }
}
