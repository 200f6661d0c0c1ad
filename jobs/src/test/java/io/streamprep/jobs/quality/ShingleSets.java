package io.streamprep.jobs.quality;

import io.streamprep.operators.dedup.near.Shingler;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact shingle sets for brute-force ground truth: each distinct shingle string gets an int id, and
 * a set is a sorted int array, so the Jaccard similarity is a linear merge. Independent of the
 * hashing that MinHash uses.
 */
final class ShingleSets {

    private final Shingler shingler;
    private final Map<String, Integer> ids = new HashMap<>();

    ShingleSets(int shingleSize) {
        this.shingler = new Shingler(shingleSize);
    }

    int[] of(String text) {
        List<String> shingles = shingler.shingles(text);
        int[] set = new int[shingles.size()];
        for (int i = 0; i < set.length; i++) {
            set[i] = ids.computeIfAbsent(shingles.get(i), s -> ids.size());
        }
        Arrays.sort(set);
        return Arrays.stream(set).distinct().toArray();
    }

    /** Whether the Jaccard similarity can reach {@code threshold}, by set sizes alone. */
    static boolean mayReach(int[] a, int[] b, double threshold) {
        return Math.min(a.length, b.length) >= threshold * Math.max(a.length, b.length);
    }

    static double jaccard(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        int union = a.length + b.length - common;
        return union == 0 ? 1.0 : (double) common / union;
    }
}
