package io.streamprep.operators.fields;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamprep.schemas.records.RejectReason;
import io.streamprep.schemas.serde.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldProcessorTest {

    private static FieldProcessor online(int minCount, String... declarations) {
        List<FieldSpec> specs = FieldSpecs.parse(List.of(declarations));
        FieldStatistics stats = new FieldStatistics(specs);
        return new FieldProcessor(specs, stats, stats, minCount);
    }

    private static FieldProcessor frozen(String statsJson, String... declarations)
            throws Exception {
        List<FieldSpec> specs = FieldSpecs.parse(List.of(declarations));
        FrozenStats frozen = FrozenStats.fromJson(Json.MAPPER.readTree(statsJson), specs, "test");
        return new FieldProcessor(specs, frozen, new FieldStatistics(specs), 1);
    }

    private static JsonNode field(FieldOutcome outcome, String name) throws Exception {
        assertThat(outcome.isAccepted()).as("%s", outcome).isTrue();
        return Json.MAPPER.readTree(outcome.features()).get(name);
    }

    private static final String PRICE_STATS =
            "{\"version\":1,\"fields\":{\"price\":{\"type\":\"numeric\",\"count\":4,"
                    + "\"mean\":10,\"std\":2,\"min\":4,\"max\":20,\"q1\":8,\"median\":9,\"q3\":12}}}";

    @Test
    void missingDropDeadLettersWithMissingField() {
        FieldOutcome out = online(1, "price: numeric, required").process("{\"x\":1}", null);
        assertThat(out.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(out.message()).isEqualTo("meta.price is missing");
        assertThat(online(1, "price: numeric, missing=drop").process(null, null).reason())
                .isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(online(1, "price: numeric, required").process("{\"price\":null}", null).reason())
                .isEqualTo(RejectReason.MISSING_FIELD);
    }

    @Test
    void missingKeepIsNullAndFlagged() throws Exception {
        JsonNode price = field(online(1, "price: numeric").process("{}", null), "price");
        assertThat(price.get("value").isNull()).isTrue();
        assertThat(price.get("missing").asBoolean()).isTrue();
        assertThat(price.get("imputed").asBoolean()).isFalse();
    }

    @Test
    void missingConstantImputesTheTypedConstant() throws Exception {
        FieldProcessor p =
                online(
                        1,
                        "price: numeric, missing=constant:2.5",
                        "when: timestamp, missing=constant:1970-01-01T00:00:01Z",
                        "ok: boolean, missing=constant:true",
                        "src: categorical, vocab=web|book, missing=constant:book");
        FieldOutcome out = p.process("{}", null);
        assertThat(field(out, "price").get("value").asDouble()).isEqualTo(2.5);
        assertThat(field(out, "price").get("imputed").asBoolean()).isTrue();
        assertThat(field(out, "when").get("value").asLong()).isEqualTo(1000);
        assertThat(field(out, "ok").get("id").asInt()).isEqualTo(1);
        assertThat(field(out, "src").get("id").asInt()).isEqualTo(2);
        assertThat(out.imputed()).isEqualTo(4);
    }

    @Test
    void missingMeanAndMedianUseTheRunningStatistics() throws Exception {
        FieldProcessor mean = online(1, "v: numeric, missing=mean");
        FieldProcessor median = online(1, "v: numeric, missing=median");
        // Before any value there is nothing to impute from: the value stays missing.
        assertThat(field(mean.process("{}", null), "v").get("imputed").asBoolean()).isFalse();
        for (double v : new double[] {1, 2, 3, 10}) {
            mean.process("{\"v\":" + v + "}", null);
            median.process("{\"v\":" + v + "}", null);
        }
        assertThat(field(mean.process("{}", null), "v").get("value").asDouble()).isEqualTo(4.0);
        // KLL is exact below k values; the lower median of 1,2,3,10 is 2.
        assertThat(field(median.process("{}", null), "v").get("value").asDouble()).isEqualTo(2.0);
        // Imputed values do not feed the statistics.
        assertThat(field(mean.process("{}", null), "v").get("value").asDouble()).isEqualTo(4.0);
    }

    @Test
    void missingModeUsesTheMostFrequentKnownCategoryTiesByVocabularyOrder() throws Exception {
        FieldProcessor p = online(1, "src: categorical, vocab=web|book|news, missing=mode");
        p.process("{\"src\":\"news\"}", null);
        p.process("{\"src\":\"book\"}", null);
        p.process("{\"src\":\"other\"}", null);
        p.process("{\"src\":\"other\"}", null);
        assertThat(field(p.process("{}", null), "src").get("value").asText()).isEqualTo("book");
        p.process("{\"src\":\"news\"}", null);
        assertThat(field(p.process("{}", null), "src").get("value").asText()).isEqualTo("news");

        FieldProcessor b = online(1, "ok: boolean, missing=mode");
        b.process("{\"ok\":true}", null);
        assertThat(field(b.process("{}", null), "ok").get("value").asBoolean()).isTrue();
    }

    @Test
    void zscoreOutliersAreFlaggedOrDroppedAgainstFrozenStatistics() throws Exception {
        FieldProcessor flag = frozen(PRICE_STATS, "price: numeric, outliers=zscore:3");
        assertThat(field(flag.process("{\"price\":16}", null), "price").get("outlier").asBoolean())
                .isFalse();
        FieldOutcome flagged = flag.process("{\"price\":16.5}", null);
        assertThat(field(flagged, "price").get("outlier").asBoolean()).isTrue();
        assertThat(flagged.outliers()).isEqualTo(1);

        FieldProcessor drop = frozen(PRICE_STATS, "price: numeric, outliers=zscore:3:drop");
        FieldOutcome dropped = drop.process("{\"price\":3.9}", null);
        assertThat(dropped.reason()).isEqualTo(RejectReason.OUTLIER);
        assertThat(dropped.message()).startsWith("meta.price=3.9 is an outlier: |z| = 3.05");
    }

    @Test
    void iqrOutliersUseTheQuartileFences() throws Exception {
        // q1 8, q3 12: fences at 8 - 1.5*4 = 2 and 12 + 1.5*4 = 18.
        FieldProcessor p = frozen(PRICE_STATS, "price: numeric, outliers=iqr:1.5:drop");
        assertThat(p.process("{\"price\":2}", null).isAccepted()).isTrue();
        assertThat(p.process("{\"price\":18}", null).isAccepted()).isTrue();
        assertThat(p.process("{\"price\":18.01}", null).reason()).isEqualTo(RejectReason.OUTLIER);
        assertThat(p.process("{\"price\":1.99}", null).message()).contains("[2.0, 18.0]");
    }

    @Test
    void onlineOutliersWaitForTheMinimumCount() throws Exception {
        FieldProcessor p = online(5, "v: numeric, outliers=zscore:2:drop");
        assertThat(p.process("{\"v\":1000}", null).isAccepted()).isTrue();
        for (int i = 0; i < 4; i++) {
            assertThat(p.process("{\"v\":" + (i % 2) + "}", null).isAccepted()).isTrue();
        }
        // five values now: mean 200.4, std ~399.8; 5000 is 12 std away.
        assertThat(p.process("{\"v\":5000}", null).reason()).isEqualTo(RejectReason.OUTLIER);
    }

    @Test
    void minMaxAndZscoreScalingRecordTheStatisticsUsed() throws Exception {
        FieldOutcome out =
                frozen(
                                PRICE_STATS.replace("\"price\"", "\"a\"").replace("}}}", "},")
                                        + "\"b\":{\"type\":\"numeric\",\"count\":4,\"mean\":10,"
                                        + "\"std\":2,\"min\":4,\"max\":20}}}",
                                "a: numeric, scale=minmax",
                                "b: numeric, scale=zscore")
                        .process("{\"a\":8,\"b\":13}", null);
        JsonNode a = field(out, "a");
        assertThat(a.get("scaled").asDouble()).isEqualTo(0.25);
        assertThat(a.get("scaler").toString())
                .isEqualTo("{\"method\":\"minmax\",\"min\":4.0,\"max\":20.0}");
        JsonNode b = field(out, "b");
        assertThat(b.get("scaled").asDouble()).isEqualTo(1.5);
        assertThat(b.get("scaler").toString())
                .isEqualTo("{\"method\":\"zscore\",\"mean\":10.0,\"std\":2.0}");
        assertThat(Json.MAPPER.readTree(out.features()).get("_stats").toString())
                .isEqualTo("{\"mode\":\"frozen\",\"file\":\"test\"}");
    }

    @Test
    void onlineScalingUsesTheStatisticsBeforeTheRecord() throws Exception {
        FieldProcessor p = online(1, "v: numeric, scale=zscore");
        assertThat(field(p.process("{\"v\":1}", null), "v").get("scaled").isNull()).isTrue();
        p.process("{\"v\":3}", null);
        // statistics of {1, 3}: mean 2, population std 1.
        assertThat(field(p.process("{\"v\":4}", null), "v").get("scaled").asDouble())
                .isEqualTo(2.0);
    }

    @Test
    void categoriesEncodeAsOrdinalAndOneHotWithAnUnknownBucket() throws Exception {
        FieldProcessor p =
                online(
                        1,
                        "src: categorical, vocab=web|book|news, encode=onehot",
                        "kind: categorical, vocab=a|b");
        FieldOutcome known = p.process("{\"src\":\"book\",\"kind\":\"b\"}", null);
        assertThat(field(known, "src").get("id").asInt()).isEqualTo(2);
        assertThat(field(known, "src").get("onehot").toString()).isEqualTo("[0,0,1,0]");
        assertThat(field(known, "kind").get("id").asInt()).isEqualTo(2);
        assertThat(field(known, "kind").has("onehot")).isFalse();
        FieldOutcome unknown = p.process("{\"src\":\"blog\",\"kind\":7}", null);
        assertThat(field(unknown, "src").get("id").asInt()).isZero();
        assertThat(field(unknown, "src").get("onehot").toString()).isEqualTo("[1,0,0,0]");
        assertThat(field(unknown, "kind").get("value").asText()).isEqualTo("7");
    }

    @Test
    void wronglyTypedValuesAreDeadLetteredNamingTheField() {
        FieldProcessor p =
                online(1, "n: numeric", "t: timestamp", "ok: boolean", "c: categorical, vocab=x");
        assertThat(p.process("{\"n\":\"12\"}", null).message())
                .isEqualTo("meta.n is not a valid number: \"12\"");
        assertThat(p.process("{\"t\":\"yesterday\"}", null).reason())
                .isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(p.process("{\"ok\":\"yes\"}", null).message()).contains("meta.ok");
        assertThat(p.process("{\"c\":[1]}", null).message()).contains("meta.c");
    }

    @Test
    void timestampsAcceptEpochMillisAndIso8601() throws Exception {
        FieldProcessor p = online(1, "t: timestamp");
        assertThat(field(p.process("{\"t\":1700000000000}", null), "t").get("value").asLong())
                .isEqualTo(1_700_000_000_000L);
        assertThat(
                        field(p.process("{\"t\":\"2023-11-14T22:13:20Z\"}", null), "t")
                                .get("value")
                                .asLong())
                .isEqualTo(1_700_000_000_000L);
    }

    @Test
    void existingFeaturesAreKeptAndFieldsFollowDeclarationOrder() throws Exception {
        FieldOutcome out =
                online(1, "b: numeric", "a: boolean")
                        .process("{\"a\":false,\"b\":2}", "{\"other\":1}");
        ObjectNode features = (ObjectNode) Json.MAPPER.readTree(out.features());
        assertThat(features.fieldNames()).toIterable().containsExactly("other", "b", "a", "_stats");
        assertThat(features.get("a").get("id").asInt()).isZero();
    }
}
