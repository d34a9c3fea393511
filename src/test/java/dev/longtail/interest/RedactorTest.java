package dev.longtail.interest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    private String redact(String text) {
        return redactor.redact(text).text();
    }

    @Test
    void replacesEmailAddresses() {
        assertEquals("mail [email] or [email].",
                redact("mail jane.doe+films@example.co.uk or J_D@mail-host.example.org."));
    }

    @Test
    void replacesPhoneNumbersInCommonNotations() {
        assertEquals("call [phone], [phone] or [phone] today",
                redact("call +44 20 7946 0958, (555) 123-4567 or 555.123.4567 today"));
        assertEquals("ring [phone]", redact("ring +4915112345678"));
    }

    @Test
    void keepsRatingsYearsDatesAndShortNumbers() {
        String text = "Rated 4.5 of 5, seen 2018-09-26 and 26/09/2018, films of 1999-2005, "
                + "top 100, 3 hours, ISBN-free";
        assertEquals(text, redact(text));
    }

    @Test
    void replacesCardLikeNumbers() {
        assertEquals("paid with [card] and [card]",
                redact("paid with 4111 1111 1111 1111 and 5500-0000-0000-0004"));
    }

    @Test
    void replacesCredentialsInUrlsButKeepsTheHost() {
        assertEquals("see https://[credentials]@example.org/files and ftp://[credentials]@host/x",
                redact("see https://bob:hunter2@example.org/files and ftp://token@host/x"));
        assertEquals("plain https://example.org/a?b=c stays",
                redact("plain https://example.org/a?b=c stays"));
    }

    @Test
    void replacesKeyLikeSecrets() {
        assertEquals("[secret] [secret] Authorization: [secret] [secret]",
                redact("sk-abcdefghijklmnop0123 AKIAABCDEFGHIJKLMNOP Authorization: Bearer "
                        + "abcdefghijklmnopqrstu eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"));
    }

    @Test
    void replacesIbans() {
        assertEquals("to [iban] please", redact("to DE89 3704 0044 0532 0130 00 please"));
    }

    @Test
    void countsReplacementsAndTreatsNullAsEmpty() {
        assertEquals(new Redactor.Redacted("[email] [phone]", 2),
                redactor.redact("a@b.io +1 212 555 0100"));
        assertEquals(new Redactor.Redacted("", 0), redactor.redact(null));
        assertEquals(new Redactor.Redacted("nothing here", 0), redactor.redact("nothing here"));
    }
}
