package io.streamprep.operators.augment.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The English stop words (the list used by the EDA paper) that synonym replacement and insertion
 * never touch. Read once from {@code streamprep/augment/stopwords-en.txt} on the classpath.
 */
public final class StopWords {

    private static final String RESOURCE = "/streamprep/augment/stopwords-en.txt";
    private static final Set<String> WORDS = load();

    private StopWords() {}

    /** Whether the word, compared in lower case, is a stop word. */
    public static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** All stop words, lower case. */
    public static Set<String> all() {
        return WORDS;
    }

    private static Set<String> load() {
        try (InputStream in = StopWords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
