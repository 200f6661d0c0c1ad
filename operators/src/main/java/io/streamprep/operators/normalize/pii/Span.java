package io.streamprep.operators.normalize.pii;

/** A half-open range {@code [start, end)} of a text that a detector wants replaced. */
record Span(int start, int end) {}
