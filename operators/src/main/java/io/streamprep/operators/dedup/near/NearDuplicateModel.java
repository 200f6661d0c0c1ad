package io.streamprep.operators.dedup.near;

import java.io.Serializable;

/**
 * How near-duplicate candidates are found and confirmed for one kind of signature (MinHash for
 * text, a 64-bit perceptual hash for images). The windowed near-dedup operator is generic over this
 * model, so text and images share one deterministic, state-bounded implementation.
 *
 * <p>Implementations must be pure and deterministic: the same signatures always give the same band
 * keys and similarity, on every JVM.
 */
public interface NearDuplicateModel extends Serializable {

    /**
     * The band keys of a signature (LSH bands, or multi-index chunks). Two records are candidates
     * when they share at least one key; a key must also encode its band index.
     */
    long[] bandKeys(byte[] signature);

    /** Similarity of two signatures in [0, 1] (estimated Jaccard, or 1 - Hamming / bits). */
    double similarity(byte[] a, byte[] b);

    /** Whether a candidate pair with this similarity is a near duplicate. */
    boolean isDuplicate(double similarity);

    /**
     * Whether a candidate pair is a near duplicate, given its {@link #similarity}. A model whose
     * signatures carry more than the similarity reads (such as a small descriptor for a second
     * check) confirms the pair here; by default the similarity alone decides.
     */
    default boolean isDuplicate(byte[] a, byte[] b, double similarity) {
        return isDuplicate(similarity);
    }
}
