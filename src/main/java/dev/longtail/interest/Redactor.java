package dev.longtail.interest;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data and secrets from text before it leaves the process, replacing each
 * finding with a bracketed placeholder: {@code [credentials]} (user info in URLs),
 * {@code [secret]} (API-key, bearer and JWT-like tokens), {@code [email]}, {@code [iban]},
 * {@code [card]} (13 to 19 digits, separators allowed) and {@code [phone]} (7 to 15 digits,
 * optionally with {@code +}, brackets, spaces, dots or dashes, but not dates or year ranges).
 *
 * <p>These are pattern heuristics: they err towards removing number-heavy text (an ISBN-13
 * becomes {@code [card]}) and will miss data written out in words ("john at example dot
 * com"), names and street addresses, for which no dependable pattern exists.
 */
public final class Redactor {

    private static final Pattern NOT_PHONE = Pattern.compile(
            "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}"
                    + "|\\d{4}\\s*-\\s*\\d{4}");

    private static final List<Rule> RULES = List.of(
            new Rule("(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/?#@]+@", "$1[credentials]@", m -> true),
            new Rule("\\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}|\\bAKIA[0-9A-Z]{16}\\b"
                    + "|(?i)\\bbearer\\s+[A-Za-z0-9._~+/=-]{16,}"
                    + "|\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+",
                    "[secret]", m -> true),
            new Rule("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
                    "[email]", m -> true),
            new Rule("\\b[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b", "[iban]",
                    m -> true),
            new Rule("(?<![\\w+])\\d(?:[ -]?\\d){12,18}(?!\\w)", "[card]", m -> true),
            new Rule("(?<![\\w+])(?:\\+|\\(\\+?)?\\d[\\d ().-]{5,}\\d(?!\\w)", "[phone]",
                    Redactor::looksLikePhone));

    /**
     * Text with its findings replaced.
     *
     * @param text         the redacted text
     * @param replacements how many findings were replaced
     */
    public record Redacted(String text, int replacements) {
    }

    /**
     * @param text any text; {@code null} is returned as an empty text
     * @return the text with every finding replaced, and how many there were
     */
    public Redacted redact(String text) {
        if (text == null) {
            return new Redacted("", 0);
        }
        String current = text;
        int replacements = 0;
        for (Rule rule : RULES) {
            StringBuilder out = new StringBuilder(current.length());
            Matcher matcher = rule.pattern.matcher(current);
            while (matcher.find()) {
                if (rule.accept.test(matcher.group())) {
                    matcher.appendReplacement(out, rule.replacement);
                    replacements++;
                }
            }
            matcher.appendTail(out);
            current = out.toString();
        }
        return new Redacted(current, replacements);
    }

    private static boolean looksLikePhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        return digits >= 7 && digits <= 15 && !NOT_PHONE.matcher(candidate.strip()).matches();
    }

    private record Rule(Pattern pattern, String replacement, Predicate<String> accept) {
        Rule(String regex, String replacement, Predicate<String> accept) {
            this(Pattern.compile(regex), replacement, accept);
        }
    }
}
