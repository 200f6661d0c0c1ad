package io.streamprep.operators.normalize;

import io.streamprep.operators.normalize.pii.PiiType;
import io.streamprep.schemas.config.NormalizeOptions;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import org.apache.flink.configuration.ReadableConfig;

/**
 * Every knob of the normalization stage ({@link NormalizeOptions}), read once into an immutable,
 * serializable value that travels with the Flink function.
 *
 * @param html turn HTML into its visible text ({@code normalize.html})
 * @param nfkc apply Unicode NFKC ({@code normalize.nfkc})
 * @param stripControl remove control and format characters ({@code normalize.strip-control})
 * @param collapseWhitespace collapse whitespace runs to one space and trim ({@code
 *     normalize.collapse-whitespace})
 * @param lowercase lower-case the text, placeholders excepted ({@code normalize.lowercase})
 * @param piiEmail redact e-mail addresses ({@code normalize.pii.email})
 * @param piiPhone redact phone numbers ({@code normalize.pii.phone})
 * @param piiIp redact IPv4 and IPv6 addresses ({@code normalize.pii.ip})
 * @param piiCreditCard redact Luhn-valid card numbers ({@code normalize.pii.credit-card})
 * @param minChars reject normalized texts with fewer code points ({@code filter.min-chars})
 * @param maxChars reject normalized texts with more code points, 0 for no limit ({@code
 *     filter.max-chars})
 * @throws IllegalArgumentException if a limit is negative or {@code maxChars} is non-zero and below
 *     {@code minChars}; the message names the option key
 */
public record NormalizerSettings(
        boolean html,
        boolean nfkc,
        boolean stripControl,
        boolean collapseWhitespace,
        boolean lowercase,
        boolean piiEmail,
        boolean piiPhone,
        boolean piiIp,
        boolean piiCreditCard,
        int minChars,
        int maxChars)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public NormalizerSettings {
        String min = NormalizeOptions.MIN_CHARS.key();
        String max = NormalizeOptions.MAX_CHARS.key();
        if (minChars < 0) {
            throw new IllegalArgumentException(min + " must be >= 0, but is " + minChars);
        }
        if (maxChars < 0) {
            throw new IllegalArgumentException(
                    max + " must be >= 0 (0 for no limit), but is " + maxChars);
        }
        if (maxChars != 0 && maxChars < minChars) {
            throw new IllegalArgumentException(
                    String.format(
                            "%s must be 0 (no limit) or >= %s (%d), but is %d",
                            max, min, minChars, maxChars));
        }
    }

    /** The documented defaults of every option. */
    public static NormalizerSettings defaults() {
        return builder().build();
    }

    /** Reads every option of {@link NormalizeOptions}, falling back to its default. */
    public static NormalizerSettings fromConfig(ReadableConfig config) {
        return builder()
                .html(config.get(NormalizeOptions.HTML))
                .nfkc(config.get(NormalizeOptions.NFKC))
                .stripControl(config.get(NormalizeOptions.STRIP_CONTROL))
                .collapseWhitespace(config.get(NormalizeOptions.COLLAPSE_WHITESPACE))
                .lowercase(config.get(NormalizeOptions.LOWERCASE))
                .piiEmail(config.get(NormalizeOptions.PII_EMAIL))
                .piiPhone(config.get(NormalizeOptions.PII_PHONE))
                .piiIp(config.get(NormalizeOptions.PII_IP))
                .piiCreditCard(config.get(NormalizeOptions.PII_CREDIT_CARD))
                .minChars(config.get(NormalizeOptions.MIN_CHARS))
                .maxChars(config.get(NormalizeOptions.MAX_CHARS))
                .build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** The PII types to redact. */
    public Set<PiiType> piiTypes() {
        Set<PiiType> types = EnumSet.noneOf(PiiType.class);
        if (piiEmail) {
            types.add(PiiType.EMAIL);
        }
        if (piiPhone) {
            types.add(PiiType.PHONE);
        }
        if (piiIp) {
            types.add(PiiType.IP);
        }
        if (piiCreditCard) {
            types.add(PiiType.CREDIT_CARD);
        }
        return types;
    }

    /** Builds {@link NormalizerSettings}; validation happens in {@link #build()}. */
    public static final class Builder {
        private boolean html = NormalizeOptions.HTML.defaultValue();
        private boolean nfkc = NormalizeOptions.NFKC.defaultValue();
        private boolean stripControl = NormalizeOptions.STRIP_CONTROL.defaultValue();
        private boolean collapseWhitespace = NormalizeOptions.COLLAPSE_WHITESPACE.defaultValue();
        private boolean lowercase = NormalizeOptions.LOWERCASE.defaultValue();
        private boolean piiEmail = NormalizeOptions.PII_EMAIL.defaultValue();
        private boolean piiPhone = NormalizeOptions.PII_PHONE.defaultValue();
        private boolean piiIp = NormalizeOptions.PII_IP.defaultValue();
        private boolean piiCreditCard = NormalizeOptions.PII_CREDIT_CARD.defaultValue();
        private int minChars = NormalizeOptions.MIN_CHARS.defaultValue();
        private int maxChars = NormalizeOptions.MAX_CHARS.defaultValue();

        private Builder() {}

        public Builder html(boolean value) {
            this.html = value;
            return this;
        }

        public Builder nfkc(boolean value) {
            this.nfkc = value;
            return this;
        }

        public Builder stripControl(boolean value) {
            this.stripControl = value;
            return this;
        }

        public Builder collapseWhitespace(boolean value) {
            this.collapseWhitespace = value;
            return this;
        }

        public Builder lowercase(boolean value) {
            this.lowercase = value;
            return this;
        }

        public Builder piiEmail(boolean value) {
            this.piiEmail = value;
            return this;
        }

        public Builder piiPhone(boolean value) {
            this.piiPhone = value;
            return this;
        }

        public Builder piiIp(boolean value) {
            this.piiIp = value;
            return this;
        }

        public Builder piiCreditCard(boolean value) {
            this.piiCreditCard = value;
            return this;
        }

        /** Switches every PII type on or off at once. */
        public Builder pii(boolean value) {
            return piiEmail(value).piiPhone(value).piiIp(value).piiCreditCard(value);
        }

        public Builder minChars(int value) {
            this.minChars = value;
            return this;
        }

        public Builder maxChars(int value) {
            this.maxChars = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the limits are invalid (see {@link
         *     NormalizerSettings})
         */
        public NormalizerSettings build() {
            return new NormalizerSettings(
                    html,
                    nfkc,
                    stripControl,
                    collapseWhitespace,
                    lowercase,
                    piiEmail,
                    piiPhone,
                    piiIp,
                    piiCreditCard,
                    minChars,
                    maxChars);
        }
    }
}
