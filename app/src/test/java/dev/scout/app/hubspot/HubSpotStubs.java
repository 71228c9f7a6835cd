package dev.scout.app.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** Saved HubSpot responses (under {@code src/test/resources/hubspot/}) and helpers to stub and inspect WireMock. */
final class HubSpotStubs {

    static final String GROUP = "/crm/v3/properties/contacts/groups/scout";
    static final String GROUPS = "/crm/v3/properties/contacts/groups";
    static final String PROPERTIES = "/crm/v3/properties/contacts";
    static final String UPSERT = "/crm/v3/objects/contacts/batch/upsert";

    private static final ObjectMapper JSON = new ObjectMapper();

    private HubSpotStubs() {
    }

    static String resource(String name) {
        try (InputStream in = HubSpotStubs.class.getResourceAsStream("/hubspot/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource hubspot/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder json(int status, String resource) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(resource(resource));
    }

    /** Group and every Scout property already exist: no creation requests. */
    static void propertiesExist(WireMockExtension wm) {
        wm.stubFor(get(urlEqualTo(GROUP)).willReturn(json(200, "group-scout.json")));
        wm.stubFor(get(urlEqualTo(PROPERTIES)).willReturn(json(200, "properties-all.json")));
    }

    /** The scout ids of each batch upsert request, in the order they were received. */
    static List<List<String>> upsertedIds(WireMockExtension wm) {
        List<List<String>> batches = new ArrayList<>();
        for (JsonNode body : upsertBodies(wm)) {
            List<String> ids = new ArrayList<>();
            body.path("inputs").forEach(input -> ids.add(input.path("id").asText()));
            batches.add(ids);
        }
        return batches;
    }

    static List<JsonNode> upsertBodies(WireMockExtension wm) {
        List<JsonNode> bodies = new ArrayList<>();
        for (LoggedRequest request : wm.findAll(postRequestedFor(urlEqualTo(UPSERT)))) {
            bodies.add(parse(request.getBodyAsString()));
        }
        return bodies;
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
