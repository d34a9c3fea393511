package dev.longtail.llm;

/** The embedding model failed or answered with the wrong shape; the work can be retried. */
public final class EmbeddingException extends RuntimeException {

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
