package dev.longtail.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short content digests used as ids and change markers (SHA-256, cut to a few bytes). */
public final class Digests {

    private Digests() {
    }

    /**
     * @param bytes how many leading bytes of the SHA-256 digest to keep, 1 to 32
     * @param parts the texts digested, in order, with a zero byte between consecutive ones
     * @return the kept bytes as lower-case hex, twice {@code bytes} characters long
     */
    public static String of(int bytes, Iterable<String> parts) {
        if (bytes < 1 || bytes > 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 1 to 32 bytes, not " + bytes);
        }
        MessageDigest sha = sha256();
        boolean first = true;
        for (String part : parts) {
            if (!first) {
                sha.update((byte) 0);
            }
            sha.update(part.getBytes(StandardCharsets.UTF_8));
            first = false;
        }
        return HexFormat.of().formatHex(sha.digest(), 0, bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
