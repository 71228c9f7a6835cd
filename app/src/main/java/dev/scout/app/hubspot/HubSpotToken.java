package dev.scout.app.hubspot;

import java.util.Map;
import java.util.Objects;

/**
 * A HubSpot private-app access token. Its {@link #toString()} is redacted so the secret cannot reach a log line or
 * an exception message by accident; only {@link HubSpotHttp} reads {@link #reveal()} to build the header.
 */
public final class HubSpotToken {

    /** The environment variable Scout reads the token from. */
    public static final String ENV = "HUBSPOT_TOKEN";

    private final String secret;

    private HubSpotToken(String secret) {
        this.secret = secret;
    }

    /** Wraps a token; throws {@link IllegalArgumentException} (without echoing it) when blank or multi-line. */
    public static HubSpotToken of(String secret) {
        Objects.requireNonNull(secret, "secret");
        String trimmed = secret.strip();
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> c < 0x21 || c > 0x7E)) {
            throw new IllegalArgumentException("the HubSpot token is empty or contains spaces or control characters; "
                    + "copy the private app access token again into " + ENV);
        }
        return new HubSpotToken(trimmed);
    }

    /** Reads {@value #ENV}; throws {@link HubSpotException} of kind CONFIGURATION when it is unset. */
    public static HubSpotToken fromEnvironment(Map<String, String> environment) {
        String value = environment.get(ENV);
        if (value == null || value.isBlank()) {
            throw new HubSpotException(HubSpotException.Kind.CONFIGURATION, -1, null,
                    ENV + " is not set: create a HubSpot private app with the scopes crm.objects.contacts.write and "
                            + "crm.schemas.contacts.write, and export its access token as " + ENV);
        }
        try {
            return of(value);
        } catch (IllegalArgumentException e) {
            throw new HubSpotException(HubSpotException.Kind.CONFIGURATION, -1, null, e.getMessage());
        }
    }

    String reveal() {
        return secret;
    }

    @Override
    public String toString() {
        return "HubSpotToken[redacted]";
    }
}
