package io.streamprep.operators.io.file;

import io.streamprep.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;

/** Writes each record as one line of compact, deterministic JSON. */
public final class JsonLineEncoder<T> implements Encoder<T> {

    private static final long serialVersionUID = 1L;

    @Override
    public void encode(T element, OutputStream stream) throws IOException {
        stream.write(Json.toBytes(element));
        stream.write('\n');
    }
}
