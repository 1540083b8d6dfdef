package dev.pipelines.cdc.emulator.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A journal of the row changes the store made visible, for tests that must prove a change was loaded
 * once and only once (exactly-once). Off until {@link #start()}: a benchmark loading millions of rows
 * should not keep them all on the heap.
 *
 * <p>A change is identified by its table, operation, the columns it sets and their values. Two visible
 * changes with the same identity are a duplicate load, provided the test makes every change unique
 * (an update that writes a value no other change writes).
 */
public final class AppliedChanges implements VisibleChangesListener {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private volatile boolean recording;

    /** Forgets what was recorded and records every change made visible from now on. */
    public void start() {
        counts.clear();
        recording = true;
    }

    public void stop() {
        recording = false;
    }

    /** Changes made visible since {@link #start()}. */
    public long total() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Each change made visible more than once since {@link #start()}, with how often. */
    public Map<String, Long> duplicates() {
        return counts.entrySet().stream().filter(e -> e.getValue().get() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(), (a, b) -> a, TreeMap::new));
    }

    @Override
    public void visible(String qualifiedTable, List<RowChange> changes) {
        if (!recording) {
            return;
        }
        for (RowChange change : changes) {
            counts.computeIfAbsent(identity(qualifiedTable, change), k -> new AtomicLong()).incrementAndGet();
        }
    }

    private static String identity(String qualifiedTable, RowChange change) {
        return qualifiedTable + " " + change.op() + " " + new TreeMap<>(change.values())
                + (change.updated().size() < change.values().size() ? " partial" + change.updated() : "");
    }
}
