package org.herald.subject.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herald.security.BlindIndex;
import org.herald.security.FieldCipher;
import org.herald.subject.ContactIndex;
import org.herald.subject.PreferredChannel;

/**
 * Writes a batch of valid subject rows in one transaction: seals names and contact values, stages
 * the batch with COPY into temporary tables, then upserts set-based by (source system, external
 * reference). A row whose content hash equals the stored one changes nothing — not even its
 * ciphertexts — so sending the same file twice is a no-op.
 */
final class SubjectBatchWriter implements BatchWriter<ValidSubject, SubjectBatchWriter.Sealed> {

    private static final String CREATE_STAGES = """
            CREATE TEMP TABLE IF NOT EXISTS import_subject_stage (
                source_system varchar(100), external_ref varchar(200), display_name_enc text, locale varchar(35),
                country varchar(2), region varchar(6), minor boolean, birth_year smallint, deceased boolean,
                guardian_name_enc text, next_of_kin_name_enc text, channel_preference varchar(60),
                marketing_opt_out boolean, content_hash bytea) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS import_contact_stage (
                source_system varchar(100), external_ref varchar(200), owner varchar(12), kind varchar(8),
                value_enc text, value_index bytea, line_type varchar(24), position smallint) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS import_push_stage (
                source_system varchar(100), external_ref varchar(200), platform varchar(8), token_enc text,
                token_index bytea, active boolean) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS import_address_stage (
                source_system varchar(100), external_ref varchar(200), owner varchar(12), address_enc text,
                country varchar(2)) ON COMMIT DELETE ROWS;
            CREATE TEMP TABLE IF NOT EXISTS import_changed (
                id uuid, source_system varchar(100), external_ref varchar(200), inserted boolean) ON COMMIT DELETE ROWS;
            """;

    private static final String DROP_STAGES = "DROP TABLE IF EXISTS import_subject_stage, import_contact_stage, "
            + "import_push_stage, import_address_stage, import_changed";

    /** Only rows whose content changed are written; RETURNING lists exactly those, (xmax = 0) marking new ones. */
    private static final String UPSERT_SUBJECTS = """
            WITH up AS (
                INSERT INTO data_subject AS d (source_system, external_ref, display_name_enc, locale, country, region,
                    minor, birth_year, deceased, guardian_name_enc, next_of_kin_name_enc, channel_preference,
                    marketing_opt_out, content_hash, created_at, updated_at, last_import_id)
                SELECT source_system, external_ref, display_name_enc, locale, country, region, minor, birth_year,
                    deceased, guardian_name_enc, next_of_kin_name_enc, channel_preference, marketing_opt_out,
                    content_hash, ?, ?, ?
                FROM import_subject_stage
                ORDER BY source_system, external_ref
                ON CONFLICT (source_system, external_ref) DO UPDATE SET
                    display_name_enc = EXCLUDED.display_name_enc, locale = EXCLUDED.locale,
                    country = EXCLUDED.country, region = EXCLUDED.region, minor = EXCLUDED.minor,
                    birth_year = EXCLUDED.birth_year, deceased = EXCLUDED.deceased,
                    guardian_name_enc = EXCLUDED.guardian_name_enc, next_of_kin_name_enc = EXCLUDED.next_of_kin_name_enc,
                    channel_preference = EXCLUDED.channel_preference, marketing_opt_out = EXCLUDED.marketing_opt_out,
                    content_hash = EXCLUDED.content_hash, updated_at = EXCLUDED.updated_at,
                    last_import_id = EXCLUDED.last_import_id
                WHERE d.content_hash IS DISTINCT FROM EXCLUDED.content_hash
                RETURNING d.id, d.source_system, d.external_ref, (d.xmax = 0) AS inserted)
            INSERT INTO import_changed SELECT id, source_system, external_ref, inserted FROM up
            """;

    /** Subjects changed by this batch that existed before: only they can have contact points to remove. */
    private static final String REMOVE_GONE = """
            DELETE FROM subject_contact c USING import_changed ch
             WHERE c.subject_id = ch.id AND NOT ch.inserted
               AND NOT EXISTS (SELECT 1 FROM import_contact_stage s
                                WHERE s.source_system = ch.source_system AND s.external_ref = ch.external_ref
                                  AND s.owner = c.owner AND s.kind = c.kind AND s.value_index = c.value_index);
            DELETE FROM subject_push_registration p USING import_changed ch
             WHERE p.subject_id = ch.id AND NOT ch.inserted
               AND NOT EXISTS (SELECT 1 FROM import_push_stage s
                                WHERE s.source_system = ch.source_system AND s.external_ref = ch.external_ref
                                  AND s.platform = p.platform AND s.token_index = p.token_index);
            DELETE FROM subject_postal_address a USING import_changed ch
             WHERE a.subject_id = ch.id AND NOT ch.inserted
               AND NOT EXISTS (SELECT 1 FROM import_address_stage s
                                WHERE s.source_system = ch.source_system AND s.external_ref = ch.external_ref
                                  AND s.owner = a.owner);
            """;

    private static final String ADD_CONTACTS = """
            INSERT INTO subject_contact (subject_id, owner, kind, value_enc, value_index, line_type, position)
            SELECT ch.id, s.owner, s.kind, s.value_enc, s.value_index, s.line_type, s.position
              FROM import_contact_stage s JOIN import_changed ch USING (source_system, external_ref)
            ON CONFLICT (subject_id, owner, kind, value_index) DO UPDATE
               SET line_type = EXCLUDED.line_type, position = EXCLUDED.position
             WHERE (subject_contact.line_type, subject_contact.position)
                   IS DISTINCT FROM (EXCLUDED.line_type, EXCLUDED.position)
            """;

    /** An import can switch a registration off, never back on: a token the push service refused stays off. */
    private static final String ADD_PUSH = """
            INSERT INTO subject_push_registration (subject_id, platform, token_enc, token_index, active)
            SELECT ch.id, s.platform, s.token_enc, s.token_index, s.active
              FROM import_push_stage s JOIN import_changed ch USING (source_system, external_ref)
            ON CONFLICT (subject_id, platform, token_index) DO UPDATE SET active = false
             WHERE subject_push_registration.active AND NOT EXCLUDED.active
            """;

    private static final String ADD_ADDRESSES = """
            INSERT INTO subject_postal_address (subject_id, owner, address_enc, country)
            SELECT ch.id, s.owner, s.address_enc, s.country
              FROM import_address_stage s JOIN import_changed ch USING (source_system, external_ref)
            ON CONFLICT (subject_id, owner) DO UPDATE SET address_enc = EXCLUDED.address_enc, country = EXCLUDED.country
            """;

    private static final String CONTENT_PURPOSE = "subject-row";

    private final Connection connection;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final ObjectMapper json;
    private final UUID importId;

    SubjectBatchWriter(Connection connection, FieldCipher cipher, BlindIndex index, ObjectMapper json, UUID importId)
            throws SQLException {
        this.connection = connection;
        this.cipher = cipher;
        this.index = index;
        this.json = json;
        this.importId = importId;
        try (Statement s = connection.createStatement()) {
            s.execute(CREATE_STAGES);
        }
    }

    /** A batch sealed and encoded for COPY: four staging tables' worth of rows. */
    record Sealed(CopyRows subjects, CopyRows contacts, CopyRows push, CopyRows addresses) {
    }

    @Override
    public Sealed prepare(Collection<ValidSubject> rows) {
        CopyRows subjects = new CopyRows();
        CopyRows contacts = new CopyRows();
        CopyRows push = new CopyRows();
        CopyRows addresses = new CopyRows();
        for (ValidSubject s : rows) {
            subjects.text(s.sourceSystem()).text(s.externalRef()).text(cipher.encrypt(s.displayName()))
                    .text(s.locale()).text(s.country()).text(s.region()).bool(s.minor()).number(s.birthYear())
                    .bool(s.deceased()).text(cipher.encrypt(s.guardianName())).text(cipher.encrypt(s.nextOfKinName()))
                    .text(channels(s.channels())).bool(s.marketingOptOut())
                    .bytes(index.of(CONTENT_PURPOSE, SubjectContent.canonical(s))).endRow();
            for (ValidSubject.Contact c : s.contacts()) {
                contacts.text(s.sourceSystem()).text(s.externalRef()).text(c.owner().name()).text(c.kind().name())
                        .text(cipher.encrypt(c.value())).bytes(ContactIndex.of(index, c.kind(), c.indexForm()))
                        .text(c.lineType()).number(c.position()).endRow();
            }
            for (ValidSubject.Push p : s.push()) {
                push.text(s.sourceSystem()).text(s.externalRef()).text(p.platform().name())
                        .text(cipher.encrypt(p.token())).bytes(ContactIndex.ofPush(index, p.platform(), p.token()))
                        .bool(p.active()).endRow();
            }
            for (ValidSubject.Address a : s.addresses()) {
                addresses.text(s.sourceSystem()).text(s.externalRef()).text(a.owner().name())
                        .text(cipher.encrypt(json(a))).text(a.country()).endRow();
            }
        }
        return new Sealed(subjects, contacts, push, addresses);
    }

    @Override
    public Written write(Sealed batch, Instant now) throws SQLException {
        batch.subjects().copyInto(connection, "import_subject_stage (source_system, external_ref, display_name_enc, "
                + "locale, country, region, minor, birth_year, deceased, guardian_name_enc, next_of_kin_name_enc, "
                + "channel_preference, marketing_opt_out, content_hash)");
        batch.contacts().copyInto(connection, "import_contact_stage (source_system, external_ref, owner, kind, "
                + "value_enc, value_index, line_type, position)");
        batch.push().copyInto(connection,
                "import_push_stage (source_system, external_ref, platform, token_enc, token_index, active)");
        batch.addresses().copyInto(connection,
                "import_address_stage (source_system, external_ref, owner, address_enc, country)");
        int changed;
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_SUBJECTS)) {
            Timestamp at = Timestamp.from(now);
            upsert.setTimestamp(1, at);
            upsert.setTimestamp(2, at);
            upsert.setObject(3, importId);
            changed = upsert.executeUpdate();
        }
        if (changed == 0) {
            return new Written(0, List.of());
        }
        try (Statement sync = connection.createStatement()) {
            boolean updatedExisting;
            try (ResultSet rs = sync.executeQuery("SELECT bool_or(NOT inserted) FROM import_changed")) {
                rs.next();
                updatedExisting = rs.getBoolean(1);
            }
            if (updatedExisting) {
                // Statistics on the changed rows keep the deletes on the contact tables' indexes
                // instead of a plan guessed for a temporary table of unknown size.
                sync.execute("ANALYZE import_changed");
                sync.execute(REMOVE_GONE);
            }
            if (batch.contacts().rows() > 0) {
                sync.execute(ADD_CONTACTS);
            }
            if (batch.push().rows() > 0) {
                sync.execute(ADD_PUSH);
            }
            if (batch.addresses().rows() > 0) {
                sync.execute(ADD_ADDRESSES);
            }
        }
        return new Written(changed, List.of());
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(DROP_STAGES);
        }
    }

    private String json(ValidSubject.Address address) {
        try {
            return json.writeValueAsString(address.parts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An address always serialises", e);
        }
    }

    private static String channels(List<PreferredChannel> channels) {
        return channels.isEmpty() ? null : channels.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
