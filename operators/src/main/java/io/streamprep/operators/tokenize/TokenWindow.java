package io.streamprep.operators.tokenize;

import java.util.Arrays;
import java.util.Objects;

/**
 * One model input cut from a text: token ids with their attention mask and, if enabled, token type
 * ids, all of the same length. Compared by array contents.
 *
 * @param inputIds token ids, special tokens and padding included
 * @param attentionMask 1 for real tokens (special tokens included), 0 for padding
 * @param typeIds segment ids, or {@code null} when token type ids are disabled
 */
public record TokenWindow(int[] inputIds, int[] attentionMask, int[] typeIds) {

    public TokenWindow {
        Objects.requireNonNull(inputIds, "inputIds");
        Objects.requireNonNull(attentionMask, "attentionMask");
        if (attentionMask.length != inputIds.length
                || (typeIds != null && typeIds.length != inputIds.length)) {
            throw new IllegalArgumentException("ids, mask and type ids differ in length");
        }
    }

    /** Number of real (non-padding) tokens. */
    public int realTokens() {
        int n = 0;
        for (int m : attentionMask) {
            n += m;
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenWindow w
                && Arrays.equals(inputIds, w.inputIds)
                && Arrays.equals(attentionMask, w.attentionMask)
                && Arrays.equals(typeIds, w.typeIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(inputIds),
                Arrays.hashCode(attentionMask),
                Arrays.hashCode(typeIds));
    }

    @Override
    public String toString() {
        return "TokenWindow{inputIds="
                + Arrays.toString(inputIds)
                + ", attentionMask="
                + Arrays.toString(attentionMask)
                + ", typeIds="
                + Arrays.toString(typeIds)
                + "}";
    }
}
