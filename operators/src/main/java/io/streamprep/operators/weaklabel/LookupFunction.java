package io.streamprep.operators.weaklabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Distant supervision: a dictionary of terms (one or more words) to labels. The function finds
 * every dictionary term in the text (whole words, case-insensitive) and votes the label most of the
 * found terms map to; it abstains when nothing is found or the top labels tie.
 */
public final class LookupFunction implements LabelingFunction {

    private static final long serialVersionUID = 1L;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final String name;
    private final TreeMap<String, String> labelByTerm;
    private final int maxWords;

    /**
     * @param labelByTerm term (words separated by single spaces) to label
     */
    public LookupFunction(String name, Map<String, String> labelByTerm) {
        this.name = Objects.requireNonNull(name, "name");
        this.labelByTerm = new TreeMap<>();
        int longest = 1;
        for (Map.Entry<String, String> e : labelByTerm.entrySet()) {
            List<String> words = words(e.getKey());
            if (!words.isEmpty()) {
                this.labelByTerm.put(String.join(" ", words), e.getValue());
                longest = Math.max(longest, words.size());
            }
        }
        this.maxWords = longest;
    }

    /**
     * Parses a dictionary: one {@code <term><TAB><label>} per line; blank lines and lines starting
     * with {@code #} are skipped.
     *
     * @throws IllegalArgumentException naming the line if a line has no tab
     */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> terms = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab <= 0 || tab == line.length() - 1) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + ": expected '<term><TAB><label>'");
            }
            terms.put(line.substring(0, tab).strip(), line.substring(tab + 1).strip());
        }
        return terms;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String vote(String text) {
        List<String> words = words(text);
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int start = 0; start < words.size(); start++) {
            StringBuilder term = new StringBuilder();
            for (int n = 0; n < maxWords && start + n < words.size(); n++) {
                if (n > 0) {
                    term.append(' ');
                }
                term.append(words.get(start + n));
                String label = labelByTerm.get(term.toString());
                if (label != null) {
                    counts.merge(label, 1, Integer::sum);
                }
            }
        }
        String best = null;
        int bestCount = 0;
        boolean tie = false;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
                tie = false;
            } else if (e.getValue() == bestCount) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }
}
