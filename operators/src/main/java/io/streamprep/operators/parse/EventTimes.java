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
 * only raw bytes, and by the parser, so the two always agree on every record the parser accepts.
 */
public final class EventTimes {

    /** Largest accepted {@code ts} (exclusive): about year 33658, far beyond real data. */
    static final long MAX_TS = 1_000_000_000_000_000L;

    /**
     * What {@link #of} returns for a record that cannot be valid: no event time, so it never moves
     * the watermark.
     */
    public static final long NONE = Long.MIN_VALUE;

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
     * The event time of a raw record as the sources' watermark assigner sees it, reading only the
     * top-level {@code ts} field with a streaming parser:
     *
     * <ul>
     *   <li>a valid {@code ts}: that;
     *   <li>a JSON object without {@code ts} (or with {@code "ts": null}): the source's timestamp,
     *       else 0, as the parser gives it;
     *   <li>a record that cannot be valid (cut by the source, not a JSON object, or with an invalid
     *       {@code ts}): {@link #NONE}. The parser rejects it, and a fallback time taken from
     *       another clock (a Kafka record time far ahead of the {@code ts} values) would move the
     *       watermark past every other record, turning them all late and their dedup decisions
     *       dependent on arrival order.
     * </ul>
     */
    public static long of(RawRecord raw) {
        if (raw.truncated()) {
            return NONE;
        }
        try (JsonParser p = FACTORY.createParser(raw.value())) {
            return topLevelEventTime(p, raw.sourceTimestamp());
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    private static long topLevelEventTime(JsonParser p, long sourceTimestamp) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return NONE;
        }
        Long ts = null;
        boolean invalid = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if ("ts".equals(name)) {
                // The last "ts" wins and null means absent, as for the tree parser.
                boolean valid =
                        value == JsonToken.VALUE_NUMBER_INT
                                && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                && p.getLongValue() >= 0
                                && p.getLongValue() < MAX_TS;
                ts = valid ? p.getLongValue() : null;
                invalid = !valid && value != JsonToken.VALUE_NULL;
            } else {
                p.skipChildren();
            }
        }
        return invalid ? NONE : eventTime(ts, sourceTimestamp);
    }
}
