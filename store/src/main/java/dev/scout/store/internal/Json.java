package dev.scout.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.scout.model.ProfileSnapshot;
import dev.scout.scorer.ScoredProfile;
import dev.scout.store.StoreException;
import dev.scout.store.StoreException.Kind;


import java.util.Map;

/**
 * JSON form of snapshots, verdicts and counters as stored in the database. Unknown fields are ignored so that a
 * store written by a slightly newer record shape still reads. Thread-safe.
 */
public final class Json {
    private static final TypeReference<Map<String, Long>> COUNTERS = new TypeReference<>() {
    };

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final String file;

    public Json(String file) {
        this.file = file;
    }

    public String write(Object value, String what) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException(file, Kind.IO, "could not encode " + what + " as JSON for store " + file + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    public ProfileSnapshot snapshot(String json, String refId) {
        return read(json, ProfileSnapshot.class, "the snapshot of " + refId);
    }

    public ScoredProfile verdict(String json, String refId) {
        return read(json, ScoredProfile.class, "the verdict on " + refId);
    }

    public Map<String, Long> counters(String json, long runId) {
        try {
            return mapper.readValue(json, COUNTERS);
        } catch (JsonProcessingException e) {
            throw unreadable("the counters of run " + runId, e);
        }
    }

    private <T> T read(String json, Class<T> type, String what) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw unreadable(what, e);
        }
    }

    private StoreException unreadable(String what, JsonProcessingException e) {
        return new StoreException(file, Kind.CORRUPT, "store " + file + ": " + what + " cannot be read ("
                + e.getOriginalMessage() + "). Run 'scout forget' on that profile, or re-crawl it.", e);
    }
}
