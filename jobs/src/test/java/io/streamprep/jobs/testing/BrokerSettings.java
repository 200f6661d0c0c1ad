package io.streamprep.jobs.testing;

import java.time.Duration;
import java.util.Map;

/**
 * The broker settings every test cluster runs with, whatever runs it: a single node must hold the
 * internal topics itself, and tests must not wait for rebalance delays.
 */
final class BrokerSettings {

    /** The broker's cap on {@code transaction.timeout.ms}; Kafka's own default (15 min). */
    static final Duration TRANSACTION_MAX_TIMEOUT = Duration.ofMinutes(15);

    static final Map<String, String> SETTINGS =
            Map.ofEntries(
                    Map.entry("offsets.topic.replication.factor", "1"),
                    Map.entry("offsets.topic.num.partitions", "1"),
                    Map.entry("transaction.state.log.replication.factor", "1"),
                    Map.entry("transaction.state.log.min.isr", "1"),
                    Map.entry("transaction.state.log.num.partitions", "1"),
                    Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                    Map.entry("share.coordinator.state.topic.min.isr", "1"),
                    Map.entry("default.replication.factor", "1"),
                    Map.entry("min.insync.replicas", "1"),
                    Map.entry("group.initial.rebalance.delay.ms", "0"),
                    Map.entry(
                            "transaction.max.timeout.ms",
                            Long.toString(TRANSACTION_MAX_TIMEOUT.toMillis())),
                    Map.entry("auto.create.topics.enable", "false"));

    private BrokerSettings() {}
}
