package dev.longtail.eval;

import dev.longtail.llm.Embedder;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Item vectors from the product's own in-process {@link Embedder} (quantised all-MiniLM-L6-v2,
 * 384 dimensions), kept in a file keyed by a hash of each text so that a re-run embeds only
 * texts it has not seen.
 */
final class EmbeddingCache {

    static final int DIMENSION = 384;
    private static final String FILE = "all-minilm-l6-v2-q.vectors";
    private static final int BATCH = 256;

    private final Path file;

    EmbeddingCache(Path folder) {
        this.file = folder.resolve(FILE);
    }

    /** Vectors for all texts packed row after row; computes and stores the missing ones. */
    float[] vectors(List<String> texts) throws IOException {
        Map<String, float[]> known = load();
        List<String> missing =
                texts.stream().filter(t -> !known.containsKey(key(t))).distinct().toList();
        if (!missing.isEmpty()) {
            System.out.printf("embedding %,d item texts (cached afterwards in %s)%n", missing.size(),
                    file);
            embed(missing, known);
            save(known);
        }
        float[] packed = new float[texts.size() * DIMENSION];
        for (int i = 0; i < texts.size(); i++) {
            System.arraycopy(known.get(key(texts.get(i))), 0, packed, i * DIMENSION, DIMENSION);
        }
        return packed;
    }

    private static void embed(List<String> texts, Map<String, float[]> into) {
        Embedder embedder = Embedder.inProcess();
        if (embedder.dimension() != DIMENSION) {
            throw new IllegalStateException("the in-process embedder has " + embedder.dimension()
                    + " dimensions, the cache expects " + DIMENSION);
        }
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            List<float[]> vectors = embedder.embedAll(batch);
            for (int i = 0; i < batch.size(); i++) {
                into.put(key(batch.get(i)), vectors.get(i));
            }
        }
    }

    private Map<String, float[]> load() throws IOException {
        Map<String, float[]> known = new HashMap<>();
        if (!Files.exists(file)) {
            return known;
        }
        try (DataInputStream in =
                new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            int count = in.readInt();
            int dimension = in.readInt();
            if (dimension != DIMENSION) {
                return known;
            }
            for (int e = 0; e < count; e++) {
                String key = in.readUTF();
                float[] vector = new float[dimension];
                for (int k = 0; k < dimension; k++) {
                    vector[k] = in.readFloat();
                }
                known.put(key, vector);
            }
        }
        return known;
    }

    private void save(Map<String, float[]> known) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(FILE + ".partial");
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeInt(known.size());
            out.writeInt(DIMENSION);
            for (Map.Entry<String, float[]> entry : new ArrayList<>(known.entrySet())) {
                out.writeUTF(entry.getKey());
                for (float value : entry.getValue()) {
                    out.writeFloat(value);
                }
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String key(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
