package io.streamprep.operators.annotation;

import io.streamprep.operators.common.PipelineCounters;
import io.streamprep.operators.common.SafetyNetTtl;
import io.streamprep.schemas.records.AnnotationRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The request queue, keyed by window start: buffers a window's requests until the watermark passes
 * the window's end, then emits the top-k by uncertainty ({@link RequestRanking}); the others are
 * counted as {@code annotation.requests_deferred} and their records stay held (labels for them are
 * still joined; without labels they expire). A timer clears each window; TTL is the safety net.
 */
public class RequestRankingFunction
        extends KeyedProcessFunction<Long, AnnotationRequest, AnnotationRequest> {

    private static final long serialVersionUID = 1L;

    private final RequestRanking ranking;
    private final long windowMillis;
    private final Duration stateTtl;

    private transient ListState<AnnotationRequest> queue;
    private transient PipelineCounters counters;

    public RequestRankingFunction(RequestRanking ranking, Duration window, Duration stateTtl) {
        this.ranking = ranking;
        this.windowMillis = window.toMillis();
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ListStateDescriptor<AnnotationRequest> descriptor =
                new ListStateDescriptor<>("queue", TypeInformation.of(AnnotationRequest.class));
        if (stateTtl != null) {
            descriptor.enableTimeToLive(SafetyNetTtl.of(stateTtl));
        }
        queue = getRuntimeContext().getListState(descriptor);
        counters = new PipelineCounters(getRuntimeContext(), "annotation");
    }

    @Override
    public void processElement(
            AnnotationRequest request, Context ctx, Collector<AnnotationRequest> out)
            throws Exception {
        queue.add(request);
        ctx.timerService().registerEventTimeTimer(request.window() + windowMillis - 1);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<AnnotationRequest> out)
            throws Exception {
        List<AnnotationRequest> all = new ArrayList<>();
        for (AnnotationRequest r : queue.get()) {
            all.add(r);
        }
        queue.clear();
        List<AnnotationRequest> ranked = ranking.rank(all);
        counters.add("requests", ranked.size());
        counters.add("requests_deferred", all.size() - ranked.size());
        ranked.forEach(out::collect);
    }
}
