package io.streamprep.operators.annotation;

import io.streamprep.schemas.config.AnnotationOptions.RankBy;
import io.streamprep.schemas.records.AnnotationRequest;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Orders a window's annotation requests, most uncertain first: by normalized entropy (higher first)
 * or by margin (lower first), ties by id, then round; keeps the first {@code topK} (all when 0) and
 * numbers them 1, 2, ....
 */
public final class RequestRanking implements Serializable {

    private static final long serialVersionUID = 1L;

    private final RankBy rankBy;
    private final int topK;

    public RequestRanking(RankBy rankBy, int topK) {
        if (topK < 0) {
            throw new IllegalArgumentException("annotation.top-k must not be negative");
        }
        this.rankBy = rankBy;
        this.topK = topK;
    }

    /** The requests to emit, ranked; the others are deferred. */
    public List<AnnotationRequest> rank(List<AnnotationRequest> requests) {
        Comparator<AnnotationRequest> byScore =
                rankBy == RankBy.ENTROPY
                        ? Comparator.comparingDouble(AnnotationRequest::entropy).reversed()
                        : Comparator.comparingDouble(AnnotationRequest::margin);
        List<AnnotationRequest> sorted = new ArrayList<>(requests);
        sorted.sort(
                byScore.thenComparing(AnnotationRequest::id)
                        .thenComparingInt(AnnotationRequest::round));
        int keep = topK == 0 ? sorted.size() : Math.min(topK, sorted.size());
        List<AnnotationRequest> out = new ArrayList<>(keep);
        for (int i = 0; i < keep; i++) {
            out.add(sorted.get(i).withRank(i + 1));
        }
        return out;
    }
}
