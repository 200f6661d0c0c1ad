package io.streamprep.operators.augment.text.mt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code /translate} call to an Apertium APy server, asynchronous.
 *
 * <p>The text is sent as one request (POST, form-encoded, {@code markUnknown=no} so that unknown
 * words come back without APy's {@code *} marks). APy keeps line breaks, so the lines of a text are
 * translated together in one request. The future fails with {@link MtException} on a timeout, a
 * connection error, a non-200 answer or an APy error; it never blocks the caller.
 */
public final class ApertiumClient {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient http;
    private final URI translate;
    private final Duration timeout;

    public ApertiumClient(HttpClient http, String baseUrl, Duration timeout) {
        this.http = http;
        this.translate = URI.create(baseUrl.replaceAll("/+$", "") + "/translate");
        this.timeout = timeout;
    }

    /**
     * Translates {@code text} with the APy language pair {@code langpair} (e.g. {@code eng|spa}).
     */
    public CompletableFuture<String> translate(String text, String langpair) {
        String form =
                "langpair="
                        + URLEncoder.encode(langpair, StandardCharsets.UTF_8)
                        + "&markUnknown=no&q="
                        + URLEncoder.encode(text, StandardCharsets.UTF_8);
        HttpRequest request =
                HttpRequest.newBuilder(translate)
                        .timeout(timeout)
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
                        .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle(
                        (response, error) -> {
                            if (error != null) {
                                throw new MtException(
                                        "io", "APy request failed: " + error.getMessage(), error);
                            }
                            return parse(response);
                        });
    }

    private static String parse(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new MtException(
                    "http_" + response.statusCode(), "APy answered HTTP " + response.statusCode());
        }
        try {
            JsonNode body = MAPPER.readTree(response.body());
            JsonNode text = body.path("responseData").path("translatedText");
            if (body.path("responseStatus").asInt() != 200 || !text.isTextual()) {
                throw new MtException(
                        "error", "APy error: " + body.path("responseDetails").asText("?"));
            }
            return text.asText();
        } catch (IOException e) {
            throw new MtException("error", "APy answer is not JSON", e);
        }
    }
}
