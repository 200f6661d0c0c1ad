package io.streamprep.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streamprep.jobs.config.ConfigLoader;
import io.streamprep.jobs.config.PipelineConfig;
import io.streamprep.jobs.testing.SampleData;
import io.streamprep.jobs.text.TextPipelineMain;
import io.streamprep.schemas.config.AllOptions;
import io.streamprep.schemas.config.PipelineOptions;
import io.streamprep.schemas.config.SinkOptions;
import io.streamprep.schemas.config.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.metrics.prometheus.PrometheusReporterFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files (deploy/docker, deploy/compose, deploy/kubernetes) agree with the code and
 * the build: every Flink key is a real Flink option with a value of its type, every streamprep
 * config in them loads, every topic the options name exists as a Strimzi KafkaTopic and in the
 * compose topic list, and the main class, jar, image tags and Flink version are the built ones.
 * Nothing here can be deployed on this machine (no Docker engine, no Kubernetes): this checks what
 * can be checked without them.
 */
class DeployManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = SampleData.repoRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final String JAR_IN_IMAGE = "/opt/flink/usrlib/streamprep-job.jar";

    /**
     * Topic options of stages developed on other branches (class balancing, annotation), with their
     * defaults there, so the deployment files already create their topics. Once AllOptions has a
     * key, its real default is checked instead and the entry here is redundant.
     */
    private static final Map<String, String> PENDING_TOPIC_OPTIONS =
            Map.of(
                    "sink.kafka.topic.sampled-out", "streamprep-sampled-out",
                    "annotation.kafka.topic.labels", "streamprep-labels",
                    "annotation.kafka.topic.feedback", "streamprep-model-feedback",
                    "annotation.kafka.topic.requests", "streamprep-annotation-requests",
                    "annotation.kafka.topic.expired", "streamprep-annotation-expired");

    private static BuildFacts build;
    private static FlinkKeys flinkKeys;

    @TempDir Path dir;

    @BeforeAll
    static void readBuild() throws Exception {
        build = BuildFacts.read(ROOT);
        flinkKeys = new FlinkKeys();
    }

    @Test
    void dockerfileUsesTheBuiltJarAndFlinkVersion() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
        assertThat(dockerfile).contains("FROM flink:" + build.flinkVersion() + "-java17\n");
        assertThat(dockerfile)
                .contains("COPY jobs/target/" + build.jobJar() + " " + JAR_IN_IMAGE + "\n");
        assertThat(dockerfile).contains("ENABLE_BUILT_IN_PLUGINS=" + s3Plugin());
        assertThat(dockerfile)
                .contains("COPY deploy/local/flink/target/docker-lib/ /opt/flink/lib/");
        assertThat(Files.readString(DEPLOY.resolve("compose/apertium/Dockerfile")))
                .contains("FROM debian:12")
                .contains("apertium apertium-eng-spa apertium-apy");
    }

    @Test
    void flinkDeploymentMatchesTheCode() throws Exception {
        List<JsonNode> docs =
                documents(DEPLOY.resolve("kubernetes/streamprep-flinkdeployment.yaml"));
        JsonNode deployment = only(docs, "FlinkDeployment");
        JsonNode spec = deployment.get("spec");
        assertThat(spec.get("image").asText()).isEqualTo("streamprep:" + build.releaseVersion());
        assertThat(spec.get("flinkVersion").asText()).isEqualTo(build.operatorFlinkVersion());
        JsonNode job = spec.get("job");
        assertThat(job.get("entryClass").asText()).isEqualTo(TextPipelineMain.class.getName());
        assertThat(job.get("jarURI").asText()).isEqualTo("local://" + JAR_IN_IMAGE);
        assertThat(job.get("upgradeMode").asText()).isEqualTo("savepoint");

        Map<String, String> flink = strings(spec.get("flinkConfiguration"));
        checkFlinkKeys(flink);
        assertThat(flink.get("high-availability.type")).isEqualTo("kubernetes");
        for (String key :
                List.of(
                        "execution.checkpointing.dir",
                        "execution.checkpointing.savepoint-dir",
                        "high-availability.storageDir")) {
            assertThat(flink.get(key)).as(key).startsWith("s3://");
        }
        checkSharedClusterSettings(flink);
        JsonNode env = spec.at("/podTemplate/spec/containers/0/env");
        assertThat(env.findValuesAsText("value")).contains(s3Plugin());

        // The live config in the ConfigMap loads, and its parallelism is the job's.
        JsonNode configMap = only(docs, "ConfigMap");
        PipelineConfig config = load(configMap.at("/data/streamprep.yaml").asText());
        assertThat(config.options().get(PipelineOptions.PARALLELISM))
                .isEqualTo(job.get("parallelism").asInt());
        String mountPath =
                spec.at("/podTemplate/spec/containers/0/volumeMounts/0/mountPath").asText();
        assertThat(job.get("args").get(1).asText()).isEqualTo(mountPath + "/streamprep.yaml");

        // Its topics are the Strimzi topics, on the Strimzi cluster's bootstrap service.
        List<JsonNode> kafkaTopics =
                documents(DEPLOY.resolve("kubernetes/streamprep-kafkatopics.yaml"));
        Set<String> strimziTopics = new TreeSet<>();
        Set<String> optionsServed = new TreeSet<>();
        for (JsonNode topic : kafkaTopics) {
            assertThat(topic.get("kind").asText()).isEqualTo("KafkaTopic");
            String name = topic.at("/metadata/name").asText();
            String cluster = topic.at("/metadata/labels/strimzi.io~1cluster").asText();
            assertThat(config.options().get(SourceOptions.KAFKA_BOOTSTRAP_SERVERS))
                    .isEqualTo(cluster + "-kafka-bootstrap:9092");
            assertThat(config.options().get(SinkOptions.KAFKA_BOOTSTRAP_SERVERS))
                    .isEqualTo(cluster + "-kafka-bootstrap:9092");
            String key = topic.at("/metadata/labels/streamprep.io~1option").asText();
            assertThat(expectedTopic(key)).as("KafkaTopic for option %s", key).isEqualTo(name);
            strimziTopics.add(name);
            optionsServed.add(key);
        }
        assertThat(optionsServed).containsAll(topicOptions().keySet());
        assertThat(strimziTopics).containsAll(PENDING_TOPIC_OPTIONS.values());
        assertThat(strimziTopics).containsAll(topicDefaults()).containsAll(topics(config));
    }

    @Test
    void composeStackMatchesTheCode() throws Exception {
        JsonNode compose = YAML.readTree(DEPLOY.resolve("compose/compose.yaml").toFile());
        JsonNode services = compose.get("services");
        assertThat(services.at("/kafka/image").asText())
                .isEqualTo("apache/kafka:" + build.kafkaVersion());
        assertThat(services.at("/kafka/environment/KAFKA_PROCESS_ROLES").asText())
                .isEqualTo("broker,controller");
        String image = "streamprep:" + build.releaseVersion();
        for (String service : List.of("jobmanager", "taskmanager", "submit")) {
            assertThat(services.at("/" + service + "/image").asText()).as(service).isEqualTo(image);
        }
        assertThat(services.at("/jobmanager/build/dockerfile").asText())
                .isEqualTo("deploy/docker/Dockerfile");
        assertThat(services.at("/apertium/build").asText()).isEqualTo("./apertium");

        Map<String, String> flink =
                strings(
                        YAML.readTree(
                                services.at("/jobmanager/environment/FLINK_PROPERTIES").asText()));
        assertThat(
                        strings(
                                YAML.readTree(
                                        services.at("/taskmanager/environment/FLINK_PROPERTIES")
                                                .asText())))
                .isEqualTo(flink);
        checkFlinkKeys(flink);
        checkSharedClusterSettings(flink);

        List<String> submit = new ArrayList<>();
        services.at("/submit/command").forEach(n -> submit.add(n.asText()));
        assertThat(submit)
                .containsSubsequence("-c", TextPipelineMain.class.getName(), JAR_IN_IMAGE);
        String configPath = submit.get(submit.indexOf("--config") + 1);
        String mount = services.at("/submit/volumes/0").asText();
        assertThat(mount).isEqualTo("./streamprep.yaml:" + configPath + ":ro");

        PipelineConfig config = loadFile(DEPLOY.resolve("compose/streamprep.yaml"));
        assertThat(config.options().get(SourceOptions.KAFKA_BOOTSTRAP_SERVERS))
                .isEqualTo("kafka:9092");
        assertThat(config.options().get(SinkOptions.KAFKA_BOOTSTRAP_SERVERS))
                .isEqualTo("kafka:9092");
        Matcher m =
                Pattern.compile("^\\s*create (\\S+) (\\d+)$", Pattern.MULTILINE)
                        .matcher(services.at("/kafka-topics/command/0").asText());
        Set<String> created = new TreeSet<>();
        while (m.find()) {
            created.add(m.group(1));
        }
        assertThat(created)
                .containsAll(topicDefaults())
                .containsAll(PENDING_TOPIC_OPTIONS.values())
                .containsAll(topics(config));
    }

    @Test
    void shippedConfigsLoad() {
        for (String file : List.of("config/example.yaml", "config/kafka-example.yaml")) {
            assertThatCode(() -> loadFile(ROOT.resolve(file))).as(file).doesNotThrowAnyException();
        }
    }

    /** Settings every cluster of ours needs, whatever runs it. */
    private static void checkSharedClusterSettings(Map<String, String> flink) {
        assertThat(flink.get("classloader.parent-first-patterns.additional"))
                .contains("ai.djl.")
                .contains("com.sun.jna.");
        assertThat(flink.get("metrics.reporter.prom.factory.class"))
                .isEqualTo(PrometheusReporterFactory.class.getName());
        assertThat(flink.get("metrics.reporter.prom.port")).isEqualTo("9249");
    }

    private static void checkFlinkKeys(Map<String, String> flink) throws Exception {
        assertThat(flink).hasSizeGreaterThan(5);
        for (Map.Entry<String, String> e : flink.entrySet()) {
            String key = e.getKey();
            assertThat(AllOptions.byKey())
                    .as("streamprep key %s in a Flink config", key)
                    .doesNotContainKey(key);
            if (key.startsWith("s3.")) {
                continue; // the S3 file-system plugin's own keys
            }
            if (key.startsWith("metrics.reporter.")) {
                assertThat(key)
                        .matches("metrics\\.reporter\\.[a-z]+\\.(factory\\.class|port|interval)");
                if (key.endsWith(".factory.class")) {
                    assertThat(Class.forName(e.getValue())).isNotNull();
                }
                continue;
            }
            ConfigOption<?> option = flinkKeys.option(key);
            assertThat(option).as("Flink has an option %s", key).isNotNull();
            assertThatCode(() -> FlinkKeys.parse(option, e.getValue()))
                    .as("value of %s", key)
                    .doesNotThrowAnyException();
        }
    }

    private String s3Plugin() {
        return "flink-s3-fs-presto-" + build.flinkVersion() + ".jar";
    }

    /** Every topic option's key and default: the topics a default deployment uses. */
    private static Map<String, String> topicOptions() {
        Map<String, String> topics = new LinkedHashMap<>();
        for (ConfigOption<?> option : AllOptions.byKey().values()) {
            if (option.key().contains(".topic")
                    && option.hasDefaultValue()
                    && option.defaultValue() instanceof String s) {
                topics.put(option.key(), s);
            }
        }
        return topics;
    }

    private static Set<String> topicDefaults() {
        return new TreeSet<>(topicOptions().values());
    }

    /** The default topic of an option, from AllOptions, else from the pending list. */
    private static String expectedTopic(String key) {
        String known = topicOptions().get(key);
        return known != null ? known : PENDING_TOPIC_OPTIONS.get(key);
    }

    /** The topics a loaded config uses. */
    private static Set<String> topics(PipelineConfig config) {
        ReadableConfig options = config.options();
        Set<String> topics = new TreeSet<>();
        for (ConfigOption<?> option : AllOptions.byKey().values()) {
            if (option.key().contains(".topic")) {
                Object value = options.get(option);
                if (value instanceof String s) {
                    topics.add(s);
                }
            }
        }
        return topics;
    }

    private PipelineConfig load(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "streamprep", ".yaml");
        Files.writeString(file, yaml);
        return loadFile(file);
    }

    private static PipelineConfig loadFile(Path file) {
        return new ConfigLoader().file(file).load();
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    private static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> matching =
                docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertThat(matching).as("documents of kind %s", kind).hasSize(1);
        return matching.get(0);
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> m = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return m;
    }
}
