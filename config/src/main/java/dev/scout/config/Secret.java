package dev.scout.config;

import java.util.Objects;

/**
 * A credential (API key, access token). {@link #toString()} is always masked, so a secret can sit in a record whose
 * {@code toString()} is logged; only {@link #reveal()} hands out the value, at the point where a request is signed.
 */
public final class Secret {
    private static final String MASK = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /** Wraps a non-blank credential. */
    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** The credential itself; call it only where the credential is sent. */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Always {@code ****}. */
    @Override
    public String toString() {
        return MASK;
    }
}
