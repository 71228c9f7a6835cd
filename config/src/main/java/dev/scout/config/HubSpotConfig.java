package dev.scout.config;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The HubSpot CRM export.
 *
 * @param token          private-app access token; present whenever {@code hubspot} is an output format; masked
 * @param baseUrl        the API base URL without a trailing slash
 * @param objectType     the CRM object type upserted into ({@code contacts})
 * @param idProperty     the unique property that carries Scout's stable profile id ({@code scout_id})
 * @param requestsPer10s the request budget per 10-second window, 1..250 (HubSpot's burst limit is 100–250)
 */
public record HubSpotConfig(Optional<Secret> token, URI baseUrl, String objectType, String idProperty,
                            int requestsPer10s) {
    public HubSpotConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(objectType, "objectType");
        Objects.requireNonNull(idProperty, "idProperty");
    }
}
