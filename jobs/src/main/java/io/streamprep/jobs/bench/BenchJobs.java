package io.streamprep.jobs.bench;

import io.streamprep.jobs.config.KafkaClientProperties;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.io.PipelineIo;
import io.streamprep.jobs.runtime.Environments;
import io.streamprep.jobs.runtime.JobRunner;
import io.streamprep.jobs.stats.RunStats;
import io.streamprep.jobs.text.TextPipelineJob;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import java.io.PrintStream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The Flink jobs the benchmark runs: the text pipeline as configured, and a passthrough copy. */
final class BenchJobs {

    private BenchJobs() {}

    /** Runs the text pipeline (bounded source) to the end and returns its figures. */
    static RunStats runPipeline(PipelineConfig config, PrintStream progress) throws Exception {
        StreamExecutionEnvironment env = pipelineEnvironment(config);
        long start = System.nanoTime();
        JobExecutionResult result =
                new JobRunner(progress).run(env, config.options().get(PipelineOptions.NAME));
        return RunStats.fromAccumulators(
                result.getAllAccumulatorResults(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Starts the text pipeline (unbounded source) and returns at once. */
    static JobClient startPipeline(PipelineConfig config) throws Exception {
        return pipelineEnvironment(config).executeAsync(config.options().get(PipelineOptions.NAME));
    }

    /**
     * Copies the source topic to {@code outputTopic} byte for byte with the pipeline's Flink
     * settings, Kafka settings and delivery guarantee: the framework's own cost.
     *
     * @return the job's wall time in ms
     */
    static long runPassthrough(PipelineConfig config, String outputTopic, PrintStream progress)
            throws Exception {
        StreamExecutionEnvironment env = Environments.create(config);
        var options = config.options();
        KafkaSource<byte[]> source =
                KafkaSource.<byte[]>builder()
                        .setBootstrapServers(options.get(SourceOptions.KAFKA_BOOTSTRAP_SERVERS))
                        .setTopics(options.get(SourceOptions.KAFKA_TOPIC))
                        .setGroupId(options.get(SourceOptions.KAFKA_GROUP_ID) + "-passthrough")
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(
                                KafkaRecordDeserializationSchema.valueOnly(
                                        ByteArrayDeserializer.class))
                        .setProperties(KafkaClientProperties.source(options))
                        .setProperty("isolation.level", "read_committed")
                        .build();
        DeliveryGuarantee guarantee =
                switch (options.get(SinkOptions.KAFKA_DELIVERY_GUARANTEE)) {
                    case EXACTLY_ONCE -> DeliveryGuarantee.EXACTLY_ONCE;
                    case AT_LEAST_ONCE -> DeliveryGuarantee.AT_LEAST_ONCE;
                };
        KafkaSink<byte[]> sink =
                KafkaSink.<byte[]>builder()
                        .setKafkaProducerConfig(KafkaClientProperties.sink(options))
                        .setBootstrapServers(options.get(SinkOptions.KAFKA_BOOTSTRAP_SERVERS))
                        .setRecordSerializer(new Copy(outputTopic))
                        .setDeliveryGuarantee(guarantee)
                        .setTransactionalIdPrefix(
                                options.get(SinkOptions.KAFKA_TRANSACTIONAL_ID_PREFIX)
                                        + "-passthrough")
                        .setProperty(
                                "transaction.timeout.ms",
                                Long.toString(
                                        options.get(SinkOptions.KAFKA_TRANSACTION_TIMEOUT)
                                                .toMillis()))
                        .build();
        env.fromSource(source, WatermarkStrategy.noWatermarks(), "source")
                .uid("bench-passthrough-source")
                .name("source")
                .sinkTo(sink)
                .uid("bench-passthrough-sink")
                .name("sink: copy");
        long start = System.nanoTime();
        new JobRunner(progress).run(env, "streamprep-bench-passthrough");
        return (System.nanoTime() - start) / 1_000_000;
    }

    /**
     * Writes the value unchanged and, like the pipeline's serializer, without a timestamp: the
     * producer stamps the write time, which the benchmark's throughput window is measured from.
     */
    private static final class Copy implements KafkaRecordSerializationSchema<byte[]> {
        private static final long serialVersionUID = 1L;
        private final String topic;

        Copy(String topic) {
            this.topic = topic;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(
                byte[] element, KafkaSinkContext context, Long timestamp) {
            return new ProducerRecord<>(topic, element);
        }
    }

    private static StreamExecutionEnvironment pipelineEnvironment(PipelineConfig config) {
        PipelineIo io = PipelineIo.fromConfig(config.options());
        StreamExecutionEnvironment env = Environments.create(config);
        new TextPipelineJob(config.options(), io.source(), io.sinks()).build(env);
        return env;
    }
}
