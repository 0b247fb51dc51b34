package org.herald.notice;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.security.FieldCipher;

/**
 * Reads and decrypts, for a batch of notices, the address each needs on its current channel, at send
 * time: a contact point changed after planning is honoured, and no address is ever copied into the
 * notice tables. Values live only in memory, only for the send.
 */
final class Recipients {

    private final Map<String, String> byKey = new HashMap<>();

    private Recipients() {
    }

    static String key(UUID subjectId, String role, Channel channel) {
        return subjectId + "|" + role + "|" + channel;
    }

    String of(UUID subjectId, String role, Channel channel) {
        return byKey.get(key(subjectId, role, channel));
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
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT subject_id, owner, address_enc, country FROM subject_postal_address WHERE subject_id = ANY (?)")) {
                s.setArray(1, c.createArrayOf("uuid", ids));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        r.byKey.put(key(rs.getObject(1, UUID.class), rs.getString(2), Channel.LETTER),
                                cipher.decrypt(rs.getString(3)) + "\n" + rs.getString(4));
                    }
                }
            }
        }
        return r;
    }

    private void putFirst(String key, String sealed, FieldCipher cipher) {
        if (!byKey.containsKey(key)) {
            byKey.put(key, cipher.decrypt(sealed));
        }
    }
}
