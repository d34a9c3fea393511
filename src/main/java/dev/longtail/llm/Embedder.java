package dev.longtail.llm;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into vectors with a LangChain4j {@link EmbeddingModel}: by default the quantised
 * all-MiniLM-L6-v2 model that runs in process, or any OpenAI-compatible embedding endpoint.
 * Every vector belongs to this embedder's {@link #space()}, named after the model and the
 * dimension, so that vectors of two models are never compared.
 */
public final class Embedder {

    /** The embedding space of the in-process default model. */
    public static final String DEFAULT_SPACE = "all-minilm-l6-v2-q/384";

    private final EmbeddingModel model;
    private final String space;
    private final int dimension;

    Embedder(EmbeddingModel model, String modelName, int dimension) {
        this.model = model;
        this.dimension = dimension;
        this.space = modelName.toLowerCase(Locale.ROOT) + "/" + dimension;
    }

    /** The in-process default; loading the model takes about a second. */
    public static Embedder inProcess() {
        return new Embedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "all-minilm-l6-v2-q", 384);
    }

    /**
     * An OpenAI-compatible endpoint.
     *
     * @param baseUrl   for example {@code https://api.example.com/v1}
     * @param modelName the model to ask for
     * @param apiKey    sent as a bearer token; never logged
     * @param dimension the dimension the model returns; answers of another length are rejected
     */
    public static Embedder hosted(String baseUrl, String modelName, String apiKey, int dimension,
            Duration timeout) {
        if (dimension < 1) {
            throw new IllegalArgumentException("embedding dimension must be at least 1, was " + dimension);
        }
        EmbeddingModel model = OpenAiEmbeddingModel.builder().baseUrl(baseUrl).apiKey(apiKey)
                .modelName(modelName).timeout(timeout).maxRetries(2).build();
        return new Embedder(model, modelName, dimension);
    }

    public String space() {
        return space;
    }

    public int dimension() {
        return dimension;
    }

    /**
     * Embeds the texts in one call.
     *
     * @return one vector per text, in order
     * @throws EmbeddingException when the model fails or answers with the wrong shape
     */
    public List<float[]> embedAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<Embedding> embeddings;
        try {
            embeddings = model.embedAll(segments).content();
        } catch (RuntimeException e) {
            throw new EmbeddingException("the embedding model " + space + " failed: " + e.getMessage(), e);
        }
        if (embeddings == null || embeddings.size() != texts.size()) {
            throw new EmbeddingException("the embedding model " + space + " returned "
                    + (embeddings == null ? 0 : embeddings.size()) + " vectors for " + texts.size() + " texts", null);
        }
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            float[] vector = embedding.vector();
            if (vector.length != dimension) {
                throw new EmbeddingException("the embedding model " + space + " returned a vector of "
                        + vector.length + " dimensions", null);
            }
            vectors.add(vector);
        }
        return vectors;
    }
}
