package io.streamprep.operators.parse;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamprep.schemas.records.RawRecord;
import io.streamprep.schemas.serde.Json;
import java.io.IOException;

/**
 * The one definition of a record's event time: its {@code ts} field when valid, else the source's
 * timestamp (Kafka record time), else 0. Used both by the sources' watermark assigner, which sees
 * only raw bytes, and by the parser, so the two always agree.
 */
public final class EventTimes {

    /** Largest accepted {@code ts} (exclusive): about year 33658, far beyond real data. */
    static final long MAX_TS = 1_000_000_000_000_000L;

    private static final JsonFactory FACTORY = Json.MAPPER.getFactory();

    private EventTimes() {}

    static boolean isValidTs(JsonNode node) {
        return node.isIntegralNumber()
                && node.canConvertToLong()
                && node.longValue() >= 0
                && node.longValue() < MAX_TS;
    }

    static long eventTime(Long ts, long sourceTimestamp) {
        if (ts != null) {
            return ts;
        }
        return sourceTimestamp == RawRecord.NO_TIMESTAMP ? 0L : sourceTimestamp;
    }

    /**
     * The event time of a raw record, reading only the top-level {@code ts} field with a streaming
     * parser. Records that are not valid JSON objects get the fallback time; the parser rejects
     * them anyway, so their time only matters for watermarks.
     */
    public static long of(RawRecord raw) {
        Long ts = null;
        if (!raw.truncated()) {
            try (JsonParser p = FACTORY.createParser(raw.value())) {
                ts = topLevelTs(p);
            } catch (IOException | RuntimeException e) {
                ts = null;
            }
        }
        return eventTime(ts, raw.sourceTimestamp());
    }

    private static Long topLevelTs(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Long ts = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("ts".equals(name)) {
                // The last "ts" wins, as it does for the tree parser.
                ts =
                        value == JsonToken.VALUE_NUMBER_INT
                                        && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                        && p.getLongValue() >= 0
                                        && p.getLongValue() < MAX_TS
                                ? p.getLongValue()
                                : null;
            } else {
                p.skipChildren();
            }
        }
        return ts;
    }
}
