package dev.scout.app.hubspot;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a batch upsert response ({@code status}, {@code results[]}, and on 207 {@code errors[]} / {@code numErrors}).
 * A record counts as accepted when a result carries its {@code objectWriteTraceId} or its {@code scout_id}
 * property; every other input failed, and gets the message of the error whose {@code context} names it (or the
 * first error when none does). Stateless.
 */
final class BatchResponses {

    private BatchResponses() {
    }

    static BatchResult read(List<ContactInput> inputs, JsonNode response, String idProperty) {
        JsonNode errors = response.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            long created = 0;
            for (JsonNode result : response.path("results")) {
                created += result.path("new").asBoolean(false) ? 1 : 0;
            }
            return new BatchResult(inputs.stream().map(ContactInput::scoutId).toList(), created, Map.of(), false);
        }
        Set<String> accepted = new HashSet<>();
        long created = 0;
        for (JsonNode result : response.path("results")) {
            String trace = result.path("objectWriteTraceId").asText("");
            String id = trace.isEmpty() ? result.path("properties").path(idProperty).asText("") : trace;
            if (!id.isEmpty()) {
                accepted.add(id);
                created += result.path("new").asBoolean(false) ? 1 : 0;
            }
        }
        List<String> succeeded = new ArrayList<>();
        Map<String, RecordFailure> failed = new LinkedHashMap<>();
        for (ContactInput input : inputs) {
            if (accepted.contains(input.scoutId())) {
                succeeded.add(input.scoutId());
            } else {
                failed.put(input.scoutId(), failure(input.scoutId(), errors));
            }
        }
        return new BatchResult(succeeded, created, failed, false);
    }

    private static RecordFailure failure(String scoutId, JsonNode errors) {
        JsonNode match = errors.get(0);
        for (JsonNode error : errors) {
            if (mentions(error.path("context"), scoutId)) {
                match = error;
                break;
            }
        }
        return new RecordFailure(scoutId, match.path("category").asText("UNKNOWN"), match.path("message").asText(""));
    }

    private static boolean mentions(JsonNode context, String scoutId) {
        for (JsonNode values : context) {
            if (values.isArray()) {
                for (JsonNode v : values) {
                    if (scoutId.equals(v.asText())) {
                        return true;
                    }
                }
            } else if (scoutId.equals(values.asText())) {
                return true;
            }
        }
        return false;
    }
}
