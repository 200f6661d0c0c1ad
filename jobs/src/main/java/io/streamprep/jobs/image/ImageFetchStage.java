package io.streamprep.jobs.image;

import io.streamprep.jobs.text.Uids;
import io.streamprep.operators.image.FetchedImage;
import io.streamprep.operators.image.ImageFetchFunction;
import io.streamprep.operators.image.ImageFetchedParseFunction;
import io.streamprep.operators.image.ImageHttpSettings;
import io.streamprep.operators.image.RemoteImage;
import io.streamprep.schemas.records.ImageEvent;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires HTTP image fetching: Flink Async I/O ({@code image-fetch}, unordered: downstream dedup
 * orders by event time, so arrival order does not matter) with {@code image.http.capacity} fetches
 * in flight per task, then parsing of the fetched bytes ({@code image-parse-fetched}).
 */
final class ImageFetchStage {

    private ImageFetchStage() {}

    /** The parsed fetched images; failures are on the result's dead-letter side output. */
    static SingleOutputStreamOperator<ImageEvent> apply(
            DataStream<RemoteImage> remote,
            ImageHttpSettings http,
            ImageFetchedParseFunction parse,
            Uids uids) {
        SingleOutputStreamOperator<FetchedImage> fetched =
                AsyncDataStream.unorderedWait(
                                remote,
                                new ImageFetchFunction(http),
                                http.totalTimeout().toMillis(),
                                TimeUnit.MILLISECONDS,
                                http.capacity())
                        .uid(uids.of("fetch"))
                        .name("image fetch (http)");
        return fetched.process(parse).uid(uids.of("parse-fetched")).name("image parse fetched");
    }
}
