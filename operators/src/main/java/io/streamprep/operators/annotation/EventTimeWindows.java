package io.streamprep.operators.annotation;

/** Tumbling event-time windows aligned to epoch 0: {@code [start, start + size)}. */
public final class EventTimeWindows {

    private EventTimeWindows() {}

    public static long start(long time, long size) {
        return Math.floorDiv(time, size) * size;
    }

    /** The last millisecond of the window holding {@code time}; timers fire there. */
    public static long lastMillis(long time, long size) {
        return start(time, size) + size - 1;
    }
}
