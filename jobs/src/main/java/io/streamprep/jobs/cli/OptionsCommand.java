package io.streamprep.jobs.cli;

import io.streamprep.schemas.config.AllOptions;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.ConfigOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists every configuration key with its default and description. */
@Command(
        name = "options",
        mixinStandardHelpOptions = true,
        description = "List every configuration key, its type, default and what it does.")
final class OptionsCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "Print a Markdown table (as in the README).")
    boolean markdown;

    @Override
    public Integer call() {
        if (markdown) {
            System.out.println("| key | type | default | description |");
            System.out.println("| --- | --- | --- | --- |");
        }
        for (ConfigOption<?> option : AllOptions.byKey().values()) {
            String def =
                    option.hasDefaultValue() ? OptionDocs.format(option.defaultValue()) : "(none)";
            String type = OptionDocs.type(option);
            String description = OptionDocs.description(option);
            if (markdown) {
                System.out.printf(
                        "| `%s` | %s | `%s` | %s |%n",
                        option.key(),
                        type,
                        def.replace("|", "\\|"),
                        description.replace("|", "\\|"));
            } else {
                System.out.println(option.key() + " (" + type + ") = " + def);
                System.out.println("    " + description);
            }
        }
        if (markdown) {
            System.out.println(
                    "| `flink.<key>` | any | | Any Flink option, passed to Flink unchanged (e.g."
                            + " `flink.execution.checkpointing.interval: 30 s`). |");
            System.out.println(
                    "| `source.kafka.properties.<key>` | any | `fetch.min.bytes: 65536`,"
                            + " `fetch.max.wait.ms: 20` | A Kafka consumer property for"
                            + " every Kafka source, checked against the Kafka client's own"
                            + " definitions (e.g. `security.protocol`, `sasl.mechanism`,"
                            + " `fetch.min.bytes`). Servers, group id, deserializers and"
                            + " `isolation.level` (always `read_committed`) are set by"
                            + " streamprep. The two defaults let a steady stream be fetched in"
                            + " fewer, fuller requests, for at most 20 ms of latency. |");
            System.out.println(
                    "| `sink.kafka.properties.<key>` | any | `compression.type: lz4`,"
                            + " `batch.size: 262144`, `linger.ms: 20` | A Kafka producer property"
                            + " for every Kafka sink (e.g. `security.protocol`, `linger.ms`,"
                            + " `compression.type`). Servers, transactional id, transaction"
                            + " timeout and serializers are set by streamprep. The defaults"
                            + " shrink the JSON records several times and cut requests per record"
                            + " (1.3 CPU s less for broker and producers in the 50 MB benchmark);"
                            + " the linger adds at most 20 ms of latency at moderate rates;"
                            + " a consumer without lz4 support needs `compression.type: none`. |");
        } else {
            System.out.println("flink.<key> = ...");
            System.out.println(
                    "    Any Flink option, passed through unchanged (e.g."
                            + " flink.execution.checkpointing.interval).");
            System.out.println("source.kafka.properties.<key> = ...");
            System.out.println(
                    "    A Kafka consumer property for every Kafka source (e.g."
                            + " security.protocol, fetch.min.bytes). Defaults:"
                            + " fetch.min.bytes=65536, fetch.max.wait.ms=20.");
            System.out.println("sink.kafka.properties.<key> = ...");
            System.out.println(
                    "    A Kafka producer property for every Kafka sink (e.g. security.protocol,"
                            + " linger.ms, compression.type). Defaults: compression.type=lz4,"
                            + " batch.size=262144, linger.ms=20.");
        }
        return 0;
    }
}
