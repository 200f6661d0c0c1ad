package io.streamprep.schemas.config;

import static org.apache.flink.configuration.ConfigOptions.key;

import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;

/** Duplicate removal. */
public final class DedupOptions {

    public static final ConfigOption<Boolean> EXACT_ENABLED =
            key("dedup.exact.enabled")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription("Drop records whose normalized text was already kept.");

    public static final ConfigOption<Duration> EXACT_WINDOW =
            key("dedup.exact.window")
                    .durationType()
                    .defaultValue(Duration.ofHours(24))
                    .withDescription(
                            "A record is an exact duplicate when a kept record with the same "
                                    + "normalized text has an event time at most this much earlier "
                                    + "(ties broken by id). State per text lives this long in event "
                                    + "time.");

    public static final ConfigOption<Duration> STATE_TTL =
            key("dedup.state-ttl")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "Safety-net time-to-live (processing time) of all dedup state. Timers "
                                    + "clear state one window after the last kept record; the TTL only "
                                    + "matters if event time stops advancing. Must exceed "
                                    + "dedup.exact.window plus the longest expected stall.");

    private DedupOptions() {}
}
