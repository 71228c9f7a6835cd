package dev.scout.app.hubspot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scout.app.export.ColumnSpec;
import okhttp3.OkHttpClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HubSpot CRM v3 calls Scout needs: make sure the {@code scout} property group and Scout's properties exist on the
 * target object (with the id property, {@code scout_id} by default, unique-valued), and batch-upsert records keyed by
 * it. The object is {@link HubSpotSettings#target()}: contacts by default. Requests are paced and retried by
 * {@link HubSpotHttp}. Not thread-safe: one client per push.
 */
public final class HubSpotClient {

    private final HubSpotSettings settings;
    private final CrmObject target;
    private final String propertiesPath;
    private final String upsertPath;
    private final ObjectMapper json = new ObjectMapper();
    private final HubSpotHttp http;
    private boolean propertiesReady;

    /**
     * @param client the composition root's OkHttp client (timeouts, interceptors)
     * @param clock  time source for pacing and Retry-After dates
     * @param pause  how to wait; {@link ScheduledPause} in production
     */
    public HubSpotClient(OkHttpClient client, HubSpotSettings settings, Clock clock, Pause pause) {
        this.settings = settings;
        this.target = settings.target();
        this.propertiesPath = target.propertiesPath();
        this.upsertPath = target.upsertPath();
        this.http = new HubSpotHttp(client, settings, clock, pause, json);
    }

    public long requests() {
        return http.requests();
    }

    public long rateLimited() {
        return http.rateLimited();
    }

    /** Creates the property group and any missing Scout property; checks the id property is unique. Once per client. */
    public void ensureProperties() {
        if (propertiesReady) {
            return;
        }
        String group = settings.propertyGroup();
        HubSpotHttp.Reply groupReply = http.send("GET", propertiesPath + "/groups/" + group, Optional.empty());
        if (groupReply.status() == 404) {
            ObjectNode body = json.createObjectNode().put("name", group).put("label", "Scout").put("displayOrder", -1);
            expectCreated(http.send("POST", propertiesPath + "/groups", Optional.of(body)), "property group " + group);
        } else {
            expect(groupReply, 200, "GET " + propertiesPath + "/groups/" + group);
        }
        HubSpotHttp.Reply list = http.send("GET", propertiesPath, Optional.empty());
        expect(list, 200, "GET " + propertiesPath);
        Set<String> existing = new HashSet<>();
        for (JsonNode property : read(list.body(), "GET " + propertiesPath).path("results")) {
            existing.add(property.path("name").asText());
            if (property.path("name").asText().equals(target.idProperty()) && !property.path("hasUniqueValue").asBoolean()) {
                throw new HubSpotException(HubSpotException.Kind.REJECTED, 200, null,
                        "the HubSpot " + target.objectType() + " property " + target.idProperty() + " exists but is not "
                                + "unique-valued, so upserts by it are impossible; delete or rename that property in "
                                + "HubSpot, or set hubspot.idProperty to another name, and run again");
            }
        }
        for (ColumnSpec column : PropertyDefinitions.toCreate(target)) {
            String name = target.property(column);
            if (!existing.contains(name)) {
                ObjectNode body = PropertyDefinitions.body(json, column, target, group);
                expectCreated(http.send("POST", propertiesPath, Optional.of(body)), "property " + name);
            }
        }
        propertiesReady = true;
    }

    /** Upserts up to {@link HubSpotSettings#batchSize()} records keyed by the id property. */
    BatchResult upsert(List<ContactInput> inputs) {
        if (inputs.isEmpty() || inputs.size() > settings.batchSize()) {
            throw new IllegalArgumentException("a batch holds 1–" + settings.batchSize() + " records, got " + inputs.size());
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode array = body.putArray("inputs");
        for (ContactInput input : inputs) {
            ObjectNode item = array.addObject();
            item.put("id", input.scoutId());
            item.put("idProperty", target.idProperty());
            item.put("objectWriteTraceId", input.scoutId());
            ObjectNode properties = item.putObject("properties");
            properties.put(target.idProperty(), input.scoutId());
            input.properties().forEach(properties::put);
        }
        HubSpotHttp.Reply reply = http.send("POST", upsertPath, Optional.of(body));
        return switch (reply.status()) {
            case 200, 201, 207 -> BatchResponses.read(inputs, read(reply.body(), "POST " + upsertPath), target.idProperty());
            case 400, 409 -> rejectedWhole(inputs, reply);
            default -> throw new HubSpotException(HubSpotException.Kind.REJECTED, reply.status(), null,
                    "HubSpot answered " + reply.status() + " to POST " + upsertPath + ": " + http.summary(reply.body()));
        };
    }

    private BatchResult rejectedWhole(List<ContactInput> inputs, HubSpotHttp.Reply reply) {
        JsonNode error = read(reply.body(), "POST " + upsertPath);
        String category = error.path("category").asText("VALIDATION_ERROR");
        Map<String, RecordFailure> failed = new LinkedHashMap<>();
        for (ContactInput input : inputs) {
            failed.put(input.scoutId(), new RecordFailure(input.scoutId(), category, http.summary(reply.body())));
        }
        return new BatchResult(new ArrayList<>(), 0, failed, true);
    }

    private void expect(HubSpotHttp.Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new HubSpotException(HubSpotException.Kind.REJECTED, reply.status(), null,
                    "HubSpot answered " + reply.status() + " to " + what + ": " + http.summary(reply.body()));
        }
    }

    /** 200/201 created, 409 already exists (another run created it meanwhile): all fine. */
    private void expectCreated(HubSpotHttp.Reply reply, String what) {
        if (reply.status() != 200 && reply.status() != 201 && reply.status() != 409) {
            throw new HubSpotException(HubSpotException.Kind.REJECTED, reply.status(), null,
                    "HubSpot refused to create the " + what + " (" + reply.status() + "): " + http.summary(reply.body())
                            + "; the token needs the scopes " + target.scopes());
        }
    }

    private JsonNode read(String body, String what) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new HubSpotException(HubSpotException.Kind.REJECTED, -1, null,
                        "HubSpot's answer to " + what + " is not a JSON object: " + http.summary(body));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new HubSpotException(HubSpotException.Kind.REJECTED, -1, null,
                    "HubSpot's answer to " + what + " is not valid JSON: " + http.summary(body), e);
        }
    }
}
