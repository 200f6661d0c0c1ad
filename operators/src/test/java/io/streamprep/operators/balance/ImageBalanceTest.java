package io.streamprep.operators.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamprep.operators.common.OutputTags;
import io.streamprep.schemas.records.ImageEvent;
import io.streamprep.schemas.records.SampledOutRecord;
import io.streamprep.schemas.records.TextEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedTwoInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.InstantiationUtil;
import org.junit.jupiter.api.Test;

/** The balancing operators, generic over the record type, on {@link ImageEvent}s. */
class ImageBalanceTest {

    private static final long PANE = 1_000;
    private static final BalanceSettings SETTINGS =
            new BalanceSettings(
                    PANE, PANE, new TreeMap<>(), 4.0, false, 0.0, 42, Duration.ofDays(7));
    private static final ImageBalanceAccess IMAGES = ImageBalanceAccess.INSTANCE;

    @Test
    void routerPassesUnlabelledImagesOnItsPassOutput() throws Exception {
        BalanceRouter<ImageEvent> router = new BalanceRouter<>(SETTINGS, IMAGES);
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(router))) {
            harness.open();
            harness.processElement(image("a", "apps", 10), 10);
            harness.processElement(image("u", null, 20), 20);

            assertThat(harness.extractOutputValues())
                    .extracting(ImageEvent::id)
                    .containsExactly("a");
            assertThat(harness.getSideOutput(router.pass()))
                    .extracting(r -> r.getValue().id())
                    .containsExactly("u");
        }
    }

    @Test
    void countsImagesPerPaneAndCleansUp() throws Exception {
        try (var counter =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ClassCountFunction<>(SETTINGS, IMAGES)),
                        PaneKeys.labels(IMAGES),
                        Types.STRING)) {
            counter.open();
            for (int i = 0; i < 3; i++) {
                counter.processElement(image("a" + i, "apps", 10 + i), 10 + i);
            }
            counter.processElement(image("e", "emblems", PANE + 5), PANE + 5);
            assertThat(counter.numKeyedStateEntries()).isPositive();
            counter.processWatermark(10 * PANE);

            assertThat(counter.extractOutputValues())
                    .containsExactlyInAnyOrder(
                            new ClassCount(PANE, "apps", 3, true),
                            new ClassCount(2 * PANE, "emblems", 1, true));
            assertThat(counter.numKeyedStateEntries()).isZero();
            assertThat(counter.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void underSamplesTheBigClassAndAsksExtraVariantsOfTheSmallOne() throws Exception {
        var harness = balance();
        harness.open();
        for (int i = 0; i < 8; i++) {
            harness.processElement1(image("a" + i, "apps", 100 + i), 100 + i);
        }
        harness.processElement1(image("e0", "emblems", 200), 200);
        harness.processElement2(new ClassRate(PANE, "apps", 0.25), PANE - 1);
        harness.processElement2(new ClassRate(PANE, "emblems", 3.0), PANE - 1);
        OperatorSubtaskState snapshot = harness.snapshot(1L, 1L);
        harness.close();

        harness = balance();
        harness.setup();
        harness.initializeState(snapshot);
        harness.open();
        harness.processBothWatermarks(new Watermark(PANE - 1));

        List<ImageEvent> out = harness.extractOutputValues();
        assertThat(out).filteredOn(e -> e.label().equals("apps")).hasSize(2);
        assertThat(out)
                .filteredOn(e -> e.label().equals("emblems"))
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.extraVariants()).isEqualTo(2);
                            assertThat(e.pixels()).isEqualTo(pixels("e0"));
                        });
        List<SampledOutRecord> sampledOut = new ArrayList<>();
        harness.getSideOutput(OutputTags.SAMPLED_OUT).forEach(r -> sampledOut.add(r.getValue()));
        assertThat(sampledOut)
                .hasSize(6)
                .allSatisfy(
                        r -> {
                            assertThat(r.label()).isEqualTo("apps");
                            assertThat(r.kept()).isEqualTo(2);
                            assertThat(r.of()).isEqualTo(8);
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
        harness.close();
    }

    @Test
    void theImageRankingDependsOnThePaneContentOnly() {
        List<ImageEvent> images = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            images.add(image("i" + i, "apps", 100 + i));
        }
        List<ImageEvent> shuffled = new ArrayList<>(images);
        Collections.shuffle(shuffled, new Random(3));

        assertThat(PaneSampler.decide(shuffled, IMAGES, 0.4, 4.0, 42))
                .isEqualTo(PaneSampler.decide(images, IMAGES, 0.4, 4.0, 42));
        assertThat(PaneSampler.decide(images, IMAGES, 0.4, 4.0, 42).kept()).hasSize(20);
    }

    @Test
    void theFunctionsSerializeWithTheirAccess() throws Exception {
        BalanceFunction<ImageEvent> function = new BalanceFunction<>(SETTINGS, IMAGES);
        BalanceFunction<ImageEvent> copy =
                InstantiationUtil.clone(function, getClass().getClassLoader());

        assertThat(copy.getProducedType()).isEqualTo(function.getProducedType());
        assertThat(copy.getProducedType().getTypeClass()).isEqualTo(ImageEvent.class);
        assertThat(new BalanceFunction<>(SETTINGS, TextBalanceAccess.INSTANCE).getProducedType())
                .isEqualTo(TypeInformation.of(TextEvent.class));
    }

    private static KeyedTwoInputStreamOperatorTestHarness<String, ImageEvent, ClassRate, ImageEvent>
            balance() throws Exception {
        return new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new BalanceFunction<>(SETTINGS, IMAGES)),
                PaneKeys.records(SETTINGS, IMAGES),
                PaneKeys.rates(),
                Types.STRING);
    }

    static ImageEvent image(String id, String label, long ts) {
        return new ImageEvent(
                id,
                ts,
                "test:" + id,
                id.getBytes(StandardCharsets.UTF_8),
                label,
                null,
                "png",
                null,
                2,
                2,
                pixels(id),
                "fp-" + id,
                null,
                0,
                null);
    }

    private static byte[] pixels(String id) {
        byte[] rgb = new byte[12];
        byte[] name = id.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(name, 0, rgb, 0, Math.min(name.length, rgb.length));
        return rgb;
    }
}
