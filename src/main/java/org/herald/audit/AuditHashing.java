package org.herald.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical form and hash of an audit entry. The serialisation is JSON with keys sorted and
 * no insignificant whitespace, so any implementation can recompute the chain from the table.
 */
final class AuditHashing {

    static final String GENESIS = "0".repeat(64);

    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .build();

    private AuditHashing() {
    }

    static String canonicalJson(Object value) {
        try {
            return CANONICAL.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit summary cannot be serialised", e);
        }
    }

    static String hash(String prevHash, long seq, Instant occurredAt, String actor, String entityType,
            String entityId, String action, String summary) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("seq", seq);
        fields.put("occurredAt", occurredAt.toString());
        fields.put("actor", actor);
        fields.put("entityType", entityType);
        fields.put("entityId", entityId);
        fields.put("action", action);
        fields.put("summary", summary);
        String canonical = prevHash + "\n" + canonicalJson(fields);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String hashOf(AuditEntry e) {
        return hash(e.prevHash(), e.seq(), e.occurredAt(), e.actor(), e.entityType(), e.entityId(), e.action(),
                e.summary());
    }
}
