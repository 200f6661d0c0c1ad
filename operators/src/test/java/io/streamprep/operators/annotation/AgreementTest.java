package io.streamprep.operators.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgreementTest {

    /**
     * Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories. P-bar =
     * 0.378, P-bar_e = 0.213, kappa = 0.210.
     */
    static final long[][] FLEISS_EXAMPLE = {
        {0, 0, 0, 0, 14},
        {0, 2, 6, 4, 2},
        {0, 0, 3, 5, 6},
        {0, 3, 9, 2, 0},
        {2, 2, 8, 1, 1},
        {7, 7, 0, 0, 0},
        {3, 2, 6, 3, 0},
        {2, 5, 3, 2, 2},
        {6, 5, 2, 1, 0},
        {0, 2, 2, 3, 7}
    };

    @Test
    void fleissKappaOfTheWikipediaExample() {
        assertThat(Agreement.fleissKappa(FLEISS_EXAMPLE)).isCloseTo(0.210, within(0.0005));
    }

    /**
     * Wikipedia, "Cohen's kappa": 50 proposals; both yes 20, A yes B no 5, A no B yes 10, both no
     * 15. p_o = 0.7, p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5, kappa = 0.4.
     */
    @Test
    void cohenKappaOfTheWikipediaExample() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        add(a, b, "yes", "yes", 20);
        add(a, b, "yes", "no", 5);
        add(a, b, "no", "yes", 10);
        add(a, b, "no", "no", 15);
        assertThat(Agreement.cohenKappa(a, b)).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void perfectAndChanceAgreement() {
        assertThat(Agreement.cohenKappa(List.of("x", "y"), List.of("x", "y"))).isEqualTo(1.0);
        // p_o = 0.5, p_e = 0.5: kappa 0
        assertThat(Agreement.cohenKappa(List.of("x", "x", "y", "y"), List.of("x", "y", "x", "y")))
                .isEqualTo(0.0);
        assertThat(Agreement.cohenKappa(List.of("x"), List.of("x"))).isNaN(); // p_e = 1
        assertThat(Agreement.fleissKappa(new long[0][])).isNaN();
    }

    @Test
    void streamedCountsGiveTheSameKappasAsTheTables() {
        AgreementCounts counts = new AgreementCounts();
        String[] raters = new String[14];
        for (int r = 0; r < 14; r++) {
            raters[r] = "r" + (char) ('a' + r);
        }
        for (long[] row : FLEISS_EXAMPLE) {
            List<String> labels = new ArrayList<>();
            for (int j = 0; j < row.length; j++) {
                labels.addAll(Collections.nCopies((int) row[j], "c" + j));
            }
            counts.add(raters, labels.toArray(String[]::new));
        }
        assertThat(counts.fleissKappa(14))
                .isCloseTo(Agreement.fleissKappa(FLEISS_EXAMPLE), within(1e-12));
        assertThat(counts.fleissKappas()).containsOnlyKeys(14);

        AgreementCounts two = new AgreementCounts();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        add(a, b, "yes", "yes", 20);
        add(a, b, "yes", "no", 5);
        add(a, b, "no", "yes", 10);
        add(a, b, "no", "no", 15);
        AgreementCounts merged = new AgreementCounts();
        for (int i = 0; i < a.size(); i++) {
            AgreementCounts one = new AgreementCounts();
            // Annotator order within an item must not matter.
            if (i % 2 == 0) {
                one.add(new String[] {"ann", "bob"}, new String[] {a.get(i), b.get(i)});
            } else {
                one.add(new String[] {"bob", "ann"}, new String[] {b.get(i), a.get(i)});
            }
            two.merge(one);
            merged.merge(one);
        }
        assertThat(two.cohenKappas()).containsOnlyKeys("ann|bob");
        assertThat(two.meanCohenKappa()).isCloseTo(0.4, within(1e-12));
        assertThat(merged).isEqualTo(two);
        assertThat(new AgreementCounts(two.counters())).isEqualTo(two);
    }

    private static void add(List<String> a, List<String> b, String x, String y, int n) {
        for (int i = 0; i < n; i++) {
            a.add(x);
            b.add(y);
        }
    }
}
