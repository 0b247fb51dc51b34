package org.herald.notice;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.channel.PostalAddressLines;
import org.herald.subject.AddressParts;
import org.herald.security.FieldCipher;

/**
 * Reads and decrypts, for a batch of notices, the address each needs on its current channel, at send
 * time: a contact point changed after planning is honoured, and no address is ever copied into the
 * notice tables. Values live only in memory, only for the send.
 */
final class Recipients {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Map<String, String> byKey = new HashMap<>();
    private final Map<String, Postal> postal = new HashMap<>();

    /** Where a letter goes: the addressee's name as it goes on the envelope, and the structured address. */
    record Postal(String addressee, PostalAddressLines address) {
    }

    private Recipients() {
    }

    static String key(UUID subjectId, String role, Channel channel) {
        return subjectId + "|" + role + "|" + channel;
    }

    String of(UUID subjectId, String role, Channel channel) {
        return byKey.get(key(subjectId, role, channel));
    }

    /** The postal address of a recipient, when a letter can go there. */
    Postal postalOf(UUID subjectId, String role) {
        return postal.get(key(subjectId, role, Channel.LETTER));
    }

    static Recipients load(Connection c, Collection<UUID> subjects, Set<Channel> channels, FieldCipher cipher)
            throws SQLException {
        Recipients r = new Recipients();
        UUID[] ids = subjects.toArray(UUID[]::new);
        if (channels.contains(Channel.EMAIL) || channels.contains(Channel.SMS) || channels.contains(Channel.VOICE)) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT subject_id, owner, kind, value_enc, line_type FROM subject_contact
                     WHERE subject_id = ANY (?) ORDER BY subject_id, owner, kind, position, id""")) {
                s.setArray(1, c.createArrayOf("uuid", ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        UUID id = rs.getObject(1, UUID.class);
                        String owner = rs.getString(2);
                        String kind = rs.getString(3);
                        String lineType = rs.getString(5);
                        if ("EMAIL".equals(kind)) {
                            r.putFirst(key(id, owner, Channel.EMAIL), rs.getString(4), cipher);
                        } else {
                            boolean mobile = lineType == null || "MOBILE".equals(lineType) || "FIXED_LINE_OR_MOBILE".equals(lineType);
                            if (mobile) {
                                r.putFirst(key(id, owner, Channel.SMS), rs.getString(4), cipher);
                            }
                            r.putFirst(key(id, owner, Channel.VOICE), rs.getString(4), cipher);
                        }
                    }
                }
            }
        }
        if (channels.contains(Channel.PUSH)) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT subject_id, platform, token_enc FROM subject_push_registration
                     WHERE subject_id = ANY (?) AND active ORDER BY subject_id, id DESC""")) {
                s.setArray(1, c.createArrayOf("uuid", ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String k = key(rs.getObject(1, UUID.class), "SUBJECT", Channel.PUSH);
                        if (!r.byKey.containsKey(k)) {
                            r.byKey.put(k, rs.getString(2) + ":" + cipher.decrypt(rs.getString(3)));
                        }
                    }
                }
            }
        }
        if (channels.contains(Channel.LETTER)) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT a.subject_id, a.owner, a.address_enc, a.country,
                           CASE a.owner WHEN 'GUARDIAN' THEN d.guardian_name_enc
                                        WHEN 'NEXT_OF_KIN' THEN d.next_of_kin_name_enc
                                        ELSE d.display_name_enc END
                      FROM subject_postal_address a JOIN data_subject d ON d.id = a.subject_id
                     WHERE a.subject_id = ANY (?)""")) {
                s.setArray(1, c.createArrayOf("uuid", ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String k = key(rs.getObject(1, UUID.class), rs.getString(2), Channel.LETTER);
                        Optional<PostalAddressLines> address = address(cipher.decrypt(rs.getString(3)), rs.getString(4));
                        if (address.isEmpty()) {
                            continue; // an address the letter channel cannot print is no address
                        }
                        String sealedName = rs.getString(5);
                        String name = sealedName == null ? "" : cipher.decrypt(sealedName);
                        r.postal.put(k, new Postal(name, address.get()));
                        // The address text only marks that one exists; the letter is built from postalOf.
                        r.byKey.put(k, name);
                    }
                }
            }
        }
        return r;
    }

    /** The sealed JSON {lines, city, region, postalCode} with the country kept beside it. */
    static Optional<PostalAddressLines> address(String json, String country) {
        try {
            AddressParts parts = JSON.readValue(json, AddressParts.class);
            return Optional.of(new PostalAddressLines(parts.lines(), parts.city(), parts.region(), parts.postalCode(),
                    country));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private void putFirst(String key, String sealed, FieldCipher cipher) {
        if (!byKey.containsKey(key)) {
            byKey.put(key, cipher.decrypt(sealed));
        }
    }
}
