package io.streamprep.operators.normalize.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiRedactorTest {

    private static final PiiRedactor ALL = PiiRedactor.all();

    private static String redact(String text) {
        return ALL.redact(text).text();
    }

    @Nested
    class Email {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "mail john@example.com now|mail <EMAIL> now",
                    "john.doe+tag@mail.example.co.uk|<EMAIL>",
                    "Write to <jane_d@example.org>.|Write to <<EMAIL>>.",
                    "end of sentence: a.b@example.com.|end of sentence: <EMAIL>.",
                    "mailto:x@example.io|mailto:<EMAIL>",
                    "josé@exemplo.pt|<EMAIL>",
                    "用户@例子.中国|<EMAIL>",
                    "a@b.co,c@d.de|<EMAIL>,<EMAIL>",
                    "4111111111111111@example.com|<EMAIL>",
                    "support@xn--bcher-kva.xn--tckwe|<EMAIL>",
                })
        void redactsAddresses(String input, String expected) {
            assertThat(redact(input)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "working @home today",
                    "me@home",
                    "follow @streamprep",
                    "install pkg@1.2.3",
                    "npm i @scope/pkg@^2.0.1",
                    "icon@2x.png and icon@3x.png",
                    "a@b",
                    "john@example.c",
                    "john..doe@example.com",
                    "john@-example.com",
                    "@@@",
                    "user@localhost",
                })
        void leavesNonAddresses(String input) {
            assertThat(redact(input)).isEqualTo(input);
        }

        @Test
        void countsEachAddress() {
            Redaction r = ALL.redact("a@example.com b@example.com");
            assertThat(r.count(PiiType.EMAIL)).isEqualTo(2);
            assertThat(r.total()).isEqualTo(2);
        }
    }

    @Nested
    class CreditCard {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "card 4111111111111111 ok|card <CREDIT_CARD> ok",
                    "4111 1111 1111 1111|<CREDIT_CARD>",
                    "4111-1111-1111-1111|<CREDIT_CARD>",
                    "amex 3782 822463 10005.|amex <CREDIT_CARD>.",
                    "diners 3056 930902 5904|diners <CREDIT_CARD>",
                    "mc 5555555555554444, visa 4222222222222|mc <CREDIT_CARD>, visa <CREDIT_CARD>",
                    "discover 6011 1111 1111 1117|discover <CREDIT_CARD>",
                    "jcb 3530111333300000|jcb <CREDIT_CARD>",
                    "mc2 2223 0031 2200 3222|mc2 <CREDIT_CARD>",
                    "19 digits 4111 1111 1111 1111 003|19 digits <CREDIT_CARD>",
                    "item 4 4111 1111 1111 1111|item 4 <CREDIT_CARD>",
                    "two 4111 1111 1111 1111 5555 5555 5555 4444|two <CREDIT_CARD> <CREDIT_CARD>",
                })
        void redactsLuhnValidNumbers(String input, String expected) {
            assertThat(redact(input)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "4111 1111 1111 1112",
                    "4111111111111112",
                    "ISBN 978-3-16-148410-0",
                    "ISBN 9783161484100",
                    "EAN 4006381333931",
                    "number 1234567890123456",
                    "too short 411111111111",
                    "41111 1111 1111 1111",
                    "4111  1111 1111 1111",
                    "4111 1111-1111 1111",
                    "order 4111111111111111abc",
                    "pi 3.4111111111111111",
                    "0000 0000 0000 0000",
                })
        void leavesOtherNumbers(String input) {
            assertThat(ALL.redact(input).count(PiiType.CREDIT_CARD)).isZero();
        }

        @Test
        void luhn() {
            assertThat(CardNumberDetector.luhn("79927398713")).isTrue();
            assertThat(CardNumberDetector.luhn("79927398710")).isFalse();
        }
    }

    @Nested
    class Ip {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "from 192.168.1.1 today|from <IP> today",
                    "host 10.0.0.255:8080|host <IP>:8080",
                    "net 172.16.0.0/12.|net <IP>/12.",
                    "ip=8.8.8.8,1.1.1.1|ip=<IP>,<IP>",
                    "IP:255.255.255.255|IP:<IP>",
                    "v6 2001:0db8:85a3:0000:0000:8a2e:0370:7334|v6 <IP>",
                    "v6 2001:db8::1 short|v6 <IP> short",
                    "loopback ::1.|loopback <IP>.",
                    "link fe80::1%eth0|link <IP>%eth0",
                    "mapped ::ffff:192.0.2.128|mapped <IP>",
                    "nat64 64:ff9b::192.0.2.33|nat64 <IP>",
                    "url http://[2001:db8::7]:443/|url http://[<IP>]:443/",
                    "addr:2001:db8:0:0:1:0:0:1|addr:<IP>",
                    "prefix 2001:db8::|prefix <IP>",
                    "upper 2001:DB8::ABCD:12|upper <IP>",
                    "server 2001:db8::1: down|server <IP>: down",
                })
        void redactsAddresses(String input, String expected) {
            assertThat(redact(input)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "999.1.1.1",
                    "256.1.1.1",
                    "1.2.3",
                    "1.2.3.4.5",
                    "OID 1.3.6.1.4.1",
                    "v1.2.3.4",
                    "release 10.0.19041.1",
                    "01.02.03.04",
                    "1.2.3.4a",
                    "12:30:45",
                    "meet at 10:30",
                    "mac 00:1A:2B:3C:4D:5E",
                    "std::vector and Foo::Bar",
                    "a :: b",
                    "dead::beef",
                    "1:2:3:4:5:6:7:8:9",
                    "2001:db8::1::2",
                    "2001:db8:::1",
                    "12345::1",
                    "::ffff:999.0.0.1",
                    "John 3:16",
                    "ratio 16:9",
                })
        void leavesNonAddresses(String input) {
            assertThat(ALL.redact(input).count(PiiType.IP)).isZero();
        }

        @Test
        void validatesIpv6Grammar() {
            assertThat(IpLiterals.isIpv6("::")).isTrue();
            assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:7:8")).isTrue();
            assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:7::")).isTrue();
            assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:1.2.3.4")).isTrue();
            assertThat(IpLiterals.isIpv6("::1.2.3.4")).isTrue();
            assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:7:1.2.3.4")).isFalse();
            assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:7:8::")).isFalse();
            assertThat(IpLiterals.isIpv6("1:2:3:4:5:6:7")).isFalse();
            assertThat(IpLiterals.isIpv6(":1:2:3:4:5:6:7")).isFalse();
            assertThat(IpLiterals.isIpv6("1::2:3:4:5:6:7:8")).isFalse();
            assertThat(IpLiterals.isIpv6("12345::")).isFalse();
            assertThat(IpLiterals.isIpv6("g::1")).isFalse();
            assertThat(IpLiterals.isIpv6("1.2.3.4::")).isFalse();
            assertThat(IpLiterals.isIpv6("::1.2.3")).isFalse();
        }
    }

    @Nested
    class Phone {

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "call +1 (555) 123-4567 now|call <PHONE> now",
                    "call +1-555-123-4567.|call <PHONE>.",
                    "uk +44 20 7946 0958|uk <PHONE>",
                    "uk +44 (0)20 7946 0958|uk <PHONE>",
                    "de +49 30 1234567|de <PHONE>",
                    "fr +33 1 23 45 67 89|fr <PHONE>",
                    "e164 +15551234567|e164 <PHONE>",
                    "tel:+442079460958|tel:<PHONE>",
                    "intl 0044 20 7946 0958|intl <PHONE>",
                    "us (555) 123-4567|us <PHONE>",
                    "us (555)123-4567|us <PHONE>",
                    "us 555-123-4567|us <PHONE>",
                    "us 555.123.4567|us <PHONE>",
                    "us 555 123 4567|us <PHONE>",
                    "us 1-800-555-0199|us <PHONE>",
                    "us 1 (800) 555-0199|us <PHONE>",
                    "uk 020 7946 0958|uk <PHONE>",
                    "uk 0161-496-0000|uk <PHONE>",
                    "fr 06 12 34 56 78|fr <PHONE>",
                    "fr 06.12.34.56.78|fr <PHONE>",
                    "de 0171 1234567|de <PHONE>",
                    "au (03) 9123 4567|au <PHONE>",
                    "in 2019 555-123-4567 rang|in 2019 <PHONE> rang",
                    "a 555-123-4567, b 555-123-4568|a <PHONE>, b <PHONE>",
                    "unclosed (555 123 4567|unclosed (<PHONE>",
                    "us +1.555.123.4567 and 1.555.123.4567|us <PHONE> and <PHONE>",
                })
        void redactsPhoneNumbers(String input, String expected) {
            assertThat(redact(input)).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "5551234567",
                    "order 123456789012",
                    "555-1234",
                    "ranges 250-1000 and 1990-2000",
                    "date 2023-01-15",
                    "date 15.01.2023 and 05.01.2023 and 05/01/2023",
                    "time 12:30:45",
                    "price $1,299.99 or €1 299,99",
                    "population 1 234 567",
                    "big 10 000 000",
                    "gain +1 000 000",
                    "delta +5",
                    "ssn 123-45-6789",
                    "zip 12345-6789",
                    "ISBN 978-3-16-148410-0 and 0-306-40615-2",
                    "version 1.2.3.4.5",
                    "years 2019 2020 2021",
                    "card-like 4111 1111 1111 1112",
                    "decimal 555-123-4567.89",
                    "id 12-555-123-4567",
                    "code 555-123-4567x",
                    "(2019) 123 pages",
                    "score 3-1",
                })
        void leavesOtherNumbers(String input) {
            assertThat(redact(input)).isEqualTo(input);
        }
    }

    @Test
    void cardIsNotHalfEatenByPhone() {
        Redaction r = ALL.redact("pay with 5555 5555 5555 4444 or call 555 123 4567");
        assertThat(r.text()).isEqualTo("pay with <CREDIT_CARD> or call <PHONE>");
        assertThat(r.count(PiiType.CREDIT_CARD)).isEqualTo(1);
        assertThat(r.count(PiiType.PHONE)).isEqualTo(1);
    }

    @Test
    void emailDigitsAreNotAPhone() {
        assertThat(redact("5551234567@example.com and 555.123.4567@example.com"))
                .isEqualTo("<EMAIL> and <EMAIL>");
    }

    @Test
    void mixedTextCountsEveryType() {
        Redaction r =
                ALL.redact(
                        "Mail a@b.com from 10.1.2.3 or 2001:db8::2, card 4111111111111111,"
                                + " phone +44 20 7946 0958.");
        assertThat(r.text())
                .isEqualTo("Mail <EMAIL> from <IP> or <IP>, card <CREDIT_CARD>, phone <PHONE>.");
        assertThat(r.count(PiiType.EMAIL)).isEqualTo(1);
        assertThat(r.count(PiiType.IP)).isEqualTo(2);
        assertThat(r.count(PiiType.CREDIT_CARD)).isEqualTo(1);
        assertThat(r.count(PiiType.PHONE)).isEqualTo(1);
    }

    @Test
    void typesCanBeSwitchedOff() {
        String text = "a@b.com 10.1.2.3 4111111111111111 +44 20 7946 0958";
        assertThat(new PiiRedactor(EnumSet.of(PiiType.IP)).redact(text).text())
                .isEqualTo("a@b.com <IP> 4111111111111111 +44 20 7946 0958");
        assertThat(new PiiRedactor(EnumSet.of(PiiType.EMAIL, PiiType.PHONE)).redact(text).text())
                .isEqualTo("<EMAIL> 10.1.2.3 4111111111111111 <PHONE>");
        assertThat(new PiiRedactor(EnumSet.of(PiiType.CREDIT_CARD)).redact(text).text())
                .isEqualTo("a@b.com 10.1.2.3 <CREDIT_CARD> +44 20 7946 0958");
        Redaction none = new PiiRedactor(EnumSet.noneOf(PiiType.class)).redact(text);
        assertThat(none.text()).isEqualTo(text);
        assertThat(none.total()).isZero();
    }

    @Test
    void textWithoutPiiIsReturnedUnchanged() {
        String text = "Nothing to see here: 42 apples, version 2.0, 3:1 odds.";
        assertThat(redact(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0123456789",
                "1.",
                "1 ",
                "1-",
                "1:",
                "a@",
                "a.",
                "@1.",
                "1.1.1.",
                "a:1:",
                "(1) ",
                "+1 ",
                "12.34.56@7.8:9:a ",
            })
    void longAdversarialInputsFinish(String unit) {
        String text = unit.repeat(1_000_000 / unit.length());
        Redaction r = ALL.redact(text);
        assertThat(r.text()).isNotNull();
    }
}
