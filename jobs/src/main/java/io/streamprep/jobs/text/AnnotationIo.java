package io.streamprep.jobs.text;

import io.streamprep.schemas.records.AnnotationRequest;
import io.streamprep.schemas.records.ExpiredAnnotation;
import io.streamprep.schemas.records.RawRecord;
import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;

/**
 * The extra inputs and outputs of the annotation loop.
 *
 * @param labels human labels {@code {id, label, annotator, ts}}, or {@code null} for none
 * @param feedback model feedback {@code {id, probabilities, ts}}, or {@code null} for none
 * @param requests where annotation requests go
 * @param expired where expired records and orphan labels go
 */
public record AnnotationIo(
        Source<RawRecord, ?, ?> labels,
        Source<RawRecord, ?, ?> feedback,
        Sink<AnnotationRequest> requests,
        Sink<ExpiredAnnotation> expired) {

    public AnnotationIo {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(expired, "expired");
    }
}
