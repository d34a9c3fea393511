package dev.longtail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestsTest {

    @Test
    void keepsTheLeadingBytesOfSha256() {
        // SHA-256("abc") = ba7816bf 8f01cfea ...
        assertEquals("ba7816bf", Digests.of(4, List.of("abc")));
    }

    @Test
    void partsAreSeparatedSoThatShiftingTextBetweenThemChangesTheDigest() {
        assertNotEquals(Digests.of(16, List.of("a", "bc")), Digests.of(16, List.of("ab", "c")));
    }

    @Test
    void rejectsALengthOutsideTheDigest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Digests.of(33, List.of("x")));
        assertEquals("a SHA-256 digest has 1 to 32 bytes, not 33", e.getMessage());
    }
}
