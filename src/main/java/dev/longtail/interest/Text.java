package dev.longtail.interest;

/** Checks shared by the summary records on the free text they carry. */
final class Text {

    private Text() {
    }

    /**
     * Verifies that {@code value} is 1 to {@code maxLength} code points long, not blank and
     * made of printable characters only.
     *
     * @throws InvalidSummaryException naming {@code field} when it is not
     */
    static void requirePrintable(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidSummaryException(field + " is missing");
        }
        int length = value.codePointCount(0, value.length());
        if (length < 1 || length > maxLength || value.isBlank()) {
            throw new InvalidSummaryException(field + " must be 1.." + maxLength
                    + " non-blank characters, was " + length + " characters");
        }
        value.codePoints().filter(Text::isUnprintable).findFirst().ifPresent(c -> {
            throw new InvalidSummaryException(field + " contains unprintable character U+"
                    + String.format("%04X", c));
        });
    }

    /**
     * Control characters break logs and storage; format characters (zero-width, bidi
     * overrides) can hide text from a human reviewer.
     */
    static boolean isUnprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint)
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
