package io.streamprep.operators.normalize.pii;

import java.util.List;

/**
 * Finds one kind of personal data in a text. Implementations are stateless and thread-safe, and run
 * in time linear in the text length (no regular-expression backtracking that grows with it).
 */
interface PiiDetector {

    PiiType type();

    /** The spans to replace, in ascending order and not overlapping; empty if there are none. */
    List<Span> find(String text);
}
