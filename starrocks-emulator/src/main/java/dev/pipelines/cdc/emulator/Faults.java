package dev.pipelines.cdc.emulator;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection: the next N matching requests fail in a chosen way, then the emulator behaves again.
 *
 * <pre>{@code
 * emulator.faults().failNextLoads(2, 503);
 * emulator.faults().failNext(Endpoint.TXN_COMMIT, 1, 500);
 * }</pre>
 */
public final class Faults {

    private static final Set<Endpoint> LOADS = EnumSet.of(Endpoint.STREAM_LOAD, Endpoint.TXN_LOAD);

    private record Rule(Set<Endpoint> endpoints, Fault fault, AtomicInteger remaining) {
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** The next {@code n} loads (plain or transactional) answer {@code httpStatus}. */
    public Faults failNextLoads(int n, int httpStatus) {
        return add(LOADS, new Fault(Fault.Kind.HTTP_ERROR, httpStatus, null), n);
    }

    public Faults failNext(Endpoint endpoint, int n, int httpStatus) {
        return add(EnumSet.of(endpoint), new Fault(Fault.Kind.HTTP_ERROR, httpStatus, null), n);
    }

    /** The next {@code n} loads get no answer for {@code hang}, then the connection closes. */
    public Faults timeOutNextLoads(int n, Duration hang) {
        return add(LOADS, new Fault(Fault.Kind.TIMEOUT, 0, hang), n);
    }

    /** The next {@code n} loads lose their connection while the body is being sent. */
    public Faults dropConnectionOnNextLoads(int n) {
        return add(LOADS, new Fault(Fault.Kind.DROP_CONNECTION, 0, null), n);
    }

    /** The next {@code n} plain loads or commits apply their rows but answer "Publish Timeout". */
    public Faults publishTimeoutOnNext(int n) {
        return add(EnumSet.of(Endpoint.STREAM_LOAD, Endpoint.TXN_COMMIT),
                new Fault(Fault.Kind.PUBLISH_TIMEOUT, 0, null), n);
    }

    public Faults add(Set<Endpoint> endpoints, Fault fault, int n) {
        rules.add(new Rule(EnumSet.copyOf(endpoints), fault, new AtomicInteger(n)));
        return this;
    }

    public void clear() {
        rules.clear();
    }

    /** Consumes and returns the fault the next request to this endpoint suffers, if any. */
    Optional<Fault> take(Endpoint endpoint) {
        for (Rule rule : rules) {
            if (rule.endpoints().contains(endpoint) && rule.remaining().getAndUpdate(r -> Math.max(0, r - 1)) > 0) {
                return Optional.of(rule.fault());
            }
        }
        return Optional.empty();
    }
}
