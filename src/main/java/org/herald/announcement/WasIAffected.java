package org.herald.announcement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.herald.audit.AuditLog;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.herald.security.BlindIndex;
import org.herald.shared.problem.ProblemException;
import org.herald.subject.ContactIndex;
import org.herald.subject.ContactKind;
import org.herald.subject.EmailAddresses;
import org.herald.subject.PhoneNumbers;
import org.jboss.logging.Logger;

/**
 * "Was I affected?": a person gives an e-mail address or phone number; Herald answers the same way
 * whether or not it knows it, and — in the background, so the answer's timing cannot tell either —
 * sends a one-time link to that contact only when it belongs to a subject affected by the incident.
 * The contact is found by its blind index; it is never stored, logged or decrypted. The link shows
 * the data categories of that person that were involved, once.
 */
@ApplicationScoped
public class WasIAffected {

    private static final Logger LOG = Logger.getLogger(WasIAffected.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PublicPages pages;
    private final LookupRateLimits limits;
    private final BlindIndex blindIndex;
    private final AgroalDataSource dataSource;
    private final ChannelSenders senders;
    private final AnnouncementTemplates templates;
    private final AnnouncementConfig config;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService workers;

    WasIAffected(PublicPages pages, LookupRateLimits limits, BlindIndex blindIndex, AgroalDataSource dataSource,
            ChannelSenders senders, AnnouncementTemplates templates, AnnouncementConfig config, AuditLog audit,
            Clock clock) {
        this.pages = pages;
        this.limits = limits;
        this.blindIndex = blindIndex;
        this.dataSource = dataSource;
        this.senders = senders;
        this.templates = templates;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(config.lookup().workers(), r -> {
            Thread t = new Thread(r, "herald-lookup");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** A contact as typed, in the forms the registry indexes. */
    record Contact(ContactKind kind, String address, byte[] index) {
    }

    /** What a one-time link reveals: the labelled data categories of the person it was sent for. */
    public record Reveal(String reference, List<String> categories) {
    }

    /**
     * Accepts a look-up. Throws 400 for a value that is neither an e-mail address nor an
     * international phone number, 429 past a rate limit; otherwise returns at once, having queued
     * the same background work for a known and an unknown contact.
     */
    public void ask(String slug, String lang, String typed, String clientAddress) {
        Announcement a = pages.publishedBySlug(slug).orElseThrow(() -> ProblemException.notFound("notice", slug));
        Contact contact = parseIndexed(typed);
        LookupRateLimits.Verdict verdict = limits.attempt("client:" + clientAddress,
                "contact:" + HexFormat.of().formatHex(contact.index()));
        if (verdict != LookupRateLimits.Verdict.ALLOWED) {
            throw new ProblemException(429, "lookup-rate-limited", "Too many look-ups",
                    verdict == LookupRateLimits.Verdict.CLIENT_LIMIT
                            ? "Too many look-ups from this address; try again later"
                            : "Too many look-ups for this contact; try again later");
        }
        UUID announcementId = a.id();
        UUID incidentId = a.incidentId();
        workers.execute(() -> lookUpAndSend(announcementId, incidentId, slug, lang, contact));
    }

    static Contact parse(String typed) {
        String value = typed == null ? "" : typed.strip();
        String problem = "enter an e-mail address, or a phone number with its country code such as +1 202 555 0123";
        if (value.isEmpty()) {
            throw ProblemException.invalid("contact", problem);
        }
        if (value.contains("@")) {
            String email = EmailAddresses.normalise(value).orElseThrow(() -> ProblemException.invalid("contact", problem));
            return new Contact(ContactKind.EMAIL, email, null);
        }
        try {
            String e164 = PhoneNumbers.normalise(value, null).e164();
            return new Contact(ContactKind.PHONE, e164, null);
        } catch (PhoneNumbers.InvalidPhone e) {
            throw ProblemException.invalid("contact", problem);
        }
    }

    private Contact parseIndexed(String typed) {
        Contact c = parse(typed);
        String indexForm = c.kind() == ContactKind.EMAIL ? EmailAddresses.indexForm(c.address()) : c.address();
        return new Contact(c.kind(), c.address(), ContactIndex.of(blindIndex, c.kind(), indexForm));
    }

    /** Runs on a worker: the same query for every contact; a message only for an affected one. */
    void lookUpAndSend(UUID announcementId, UUID incidentId, String slug, String lang, Contact contact) {
        try {
            List<UUID> subjects = affectedSubjectsWith(incidentId, contact);
            for (UUID subjectId : subjects) {
                String token = newToken();
                UUID tokenId = UUID.randomUUID();
                Instant now = clock.instant();
                QuarkusTransaction.requiringNew().run(() -> storeToken(tokenId, announcementId, incidentId, subjectId,
                        token, now));
                DeliveryOutcome outcome = senders.send(message(tokenId, slug, lang, contact, token));
                QuarkusTransaction.requiringNew().run(() -> audit.recordAs("public-lookup", AnnouncementService.AUDIT_TYPE,
                        incidentId, "lookup-link-sent", Map.of("announcementId", announcementId.toString(),
                                "tokenId", tokenId.toString(), "channel", contact.kind().name(),
                                "outcome", outcome.kind().name())));
            }
        } catch (RuntimeException e) {
            // Ids only: the contact is personal data and never reaches a log line.
            LOG.errorf(e, "Look-up for announcement %s failed", announcementId);
        }
    }

    private List<UUID> affectedSubjectsWith(UUID incidentId, Contact contact) {
        List<UUID> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT DISTINCT a.subject_id FROM subject_contact sc
                  JOIN affected_subject a ON a.subject_id = sc.subject_id AND a.incident_id = ?
                 WHERE sc.value_index = ? AND sc.kind = ?""")) {
            s.setObject(1, incidentId);
            s.setBytes(2, contact.index());
            s.setString(3, contact.kind().name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Look-up failed (SQLState " + e.getSQLState() + ")", e);
        }
        return out;
    }

    private void storeToken(UUID id, UUID announcementId, UUID incidentId, UUID subjectId, String token, Instant now) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO announcement_lookup_token (id, announcement_id, incident_id, subject_id, token_hash,
                                                       created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, id);
            s.setObject(2, announcementId);
            s.setObject(3, incidentId);
            s.setObject(4, subjectId);
            s.setBytes(5, hash(token));
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(now.plus(config.lookup().linkValidity())));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Storing a look-up link failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private OutgoingMessage message(UUID tokenId, String slug, String lang, Contact contact, String token) {
        String uiLang = templates.locales().contains(lang) ? lang : config.defaultLocale();
        Map<String, String> t = templates.wording(uiLang);
        String base = config.publicBaseUrl().endsWith("/")
                ? config.publicBaseUrl().substring(0, config.publicBaseUrl().length() - 1) : config.publicBaseUrl();
        String link = base + "/notices/" + slug + "/mine?lang=" + uiLang + "&token=" + token;
        Locale locale = Locale.forLanguageTag(uiLang);
        IdempotencyKey key = new IdempotencyKey(tokenId, 1);
        if (contact.kind() == ContactKind.EMAIL) {
            String text = templates.template("lookup-email.txt").data("t", t).data("link", link).data("code", token)
                    .render();
            return OutgoingMessage.email(key, contact.address(), locale, t.getOrDefault("lookup.emailSubject", "Your link"),
                    text, null);
        }
        String sms = templates.template("lookup-sms.txt").data("t", t).data("link", link).render().strip();
        return OutgoingMessage.sms(key, contact.address(), locale, sms);
    }

    /**
     * Opens a one-time link: the categories involved for the person it was sent for, then never
     * again. An unknown, used or expired token, or one for another notice, reveals nothing.
     */
    public Optional<Reveal> reveal(String slug, String token) {
        Optional<Announcement> a = pages.publishedBySlug(slug);
        if (a.isEmpty() || token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                    UPDATE announcement_lookup_token t SET used_at = ?
                     WHERE t.token_hash = ? AND t.announcement_id = ? AND t.used_at IS NULL AND t.expires_at > ?
                    RETURNING (SELECT array_to_string(x.categories, ',') FROM affected_subject x
                                WHERE x.incident_id = t.incident_id AND x.subject_id = t.subject_id)""")) {
                Instant now = clock.instant();
                s.setTimestamp(1, Timestamp.from(now));
                s.setBytes(2, hash(token.strip()));
                s.setObject(3, a.get().id());
                s.setTimestamp(4, Timestamp.from(now));
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Reveal>empty();
                    }
                    String categories = rs.getString(1);
                    return Optional.of(new Reveal(null, categories == null || categories.isEmpty() ? List.of()
                            : List.of(categories.split(","))));
                }
            }
        });
    }

    private static String newToken() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
