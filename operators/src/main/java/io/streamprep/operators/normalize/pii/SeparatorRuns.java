package io.streamprep.operators.normalize.pii;

/**
 * Visits each maximal run of run characters that contains a separator ('.' for IPv4, ':' for IPv6),
 * once: the scan resumes after each run, so it is linear in the text length.
 */
final class SeparatorRuns {

    /** Receives one run as [start, end). */
    interface RunConsumer {
        void accept(int start, int end);
    }

    private SeparatorRuns() {}

    /** {@code separator} must itself be a run character. */
    static void forEach(
            String text, char separator, CandidateScanner.Trigger runChar, RunConsumer onRun) {
        int from = 0;
        int at;
        while ((at = text.indexOf(separator, from)) >= 0) {
            int start = at;
            while (start > 0 && runChar.test(text.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < text.length() && runChar.test(text.charAt(end))) {
                end++;
            }
            from = end;
            onRun.accept(start, end);
        }
    }
}
