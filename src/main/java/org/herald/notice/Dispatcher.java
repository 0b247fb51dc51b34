package org.herald.notice;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.herald.audit.AuditLog;
import org.herald.channel.Channel;
import org.herald.channel.ChannelSender;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.herald.channel.PushAddress;
import org.herald.incident.Incident;
import org.herald.incident.IncidentContent;
import org.herald.incident.IncidentRepository;
import org.herald.security.FieldCipher;
import org.jboss.logging.Logger;

/**
 * Works through the outbox (DESIGN.md §7): claims due notices of running campaigns in a batch with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, writes each attempt before sending it, sends outside
 * any transaction, then records the outcomes and moves each notice on. Any number of workers in any
 * number of instances may call {@link #runOnce} at the same time.
 *
 * <p>A worker that vanishes leaves its attempts in flight (no outcome). Once its lease has expired
 * another worker takes the notice and sends <em>the same attempt again under the same idempotency
 * key</em>, counted as a replay, unless the provider already reported on that attempt.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final Map<UUID, Approval> approvals = new ConcurrentHashMap<>();

    private final AgroalDataSource dataSource;
    private final ChannelSenders senders;
    private final NoticeTemplates templates;
    private final NoticeTransitions transitions;
    private final ProviderRateLimits rates;
    private final IncidentRepository incidents;
    private final ApprovalHash approvalHash;
    private final NoticeCampaignRepository campaigns;
    private final CampaignService campaignService;
    private final FieldCipher cipher;
    private final AuditLog audit;
    private final NoticeConfig config;
    private final Clock clock;

    Dispatcher(AgroalDataSource dataSource, ChannelSenders senders, NoticeTemplates templates,
            NoticeTransitions transitions, ProviderRateLimits rates, IncidentRepository incidents,
            ApprovalHash approvalHash, NoticeCampaignRepository campaigns, CampaignService campaignService,
            FieldCipher cipher, AuditLog audit, NoticeConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.senders = senders;
        this.templates = templates;
        this.transitions = transitions;
        this.rates = rates;
        this.incidents = incidents;
        this.approvalHash = approvalHash;
        this.campaigns = campaigns;
        this.campaignService = campaignService;
        this.cipher = cipher;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** A claimed notice. */
    record Claimed(UUID id, UUID campaignId, UUID incidentId, UUID subjectId, String role, String kind, String locale,
            List<Channel> chain, int chainPos, Channel channel, int attempts, int channelAttempts, Integer reuseKey,
            List<String> categories) {
    }

    /** One send prepared (attempt written) or settled without sending. */
    record Prepared(Claimed notice, int attemptNo, IdempotencyKey key, OutgoingMessage message, ChannelSender sender,
            String contentSha256, DeliveryOutcome settled) {
    }

    /** Claims, sends and records one batch; returns how many notices it handled (0: nothing was due). */
    public int runOnce(String worker) {
        List<Prepared> prepared = QuarkusTransaction.requiringNew().call(() -> claimAndPrepare(worker));
        if (prepared.isEmpty()) {
            completeFinishedCampaigns();
            return 0;
        }
        Map<Prepared, DeliveryOutcome> outcomes = new LinkedHashMap<>();
        for (Prepared p : prepared) {
            outcomes.put(p, p.settled() != null ? p.settled() : send(p));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try {
                record(worker, outcomes);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot record outcomes", e);
            }
        });
        return prepared.size();
    }

    private DeliveryOutcome send(Prepared p) {
        rates.acquire(p.sender().provider());
        try {
            return p.sender().send(p.message());
        } catch (RuntimeException e) {
            LOG.warnf("Sender %s failed on %s: %s", p.sender().provider(), p.key(), e.getClass().getSimpleName());
            return DeliveryOutcome.retryable(p.sender().provider(), "error", "The sender failed unexpectedly", null);
        }
    }

    private List<Prepared> claimAndPrepare(String worker) throws SQLException {
        Instant now = Instant.now(clock);
        List<Claimed> claimed = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    WITH due AS (
                        SELECT n.id FROM notice n
                         WHERE n.state IN ('QUEUED', 'RETRY_SCHEDULED') AND n.next_at <= ?
                           AND (n.lease_until IS NULL OR n.lease_until < ?)
                           AND EXISTS (SELECT 1 FROM notice_campaign c WHERE c.id = n.campaign_id AND c.status = 'RUNNING')
                         ORDER BY n.next_at
                         LIMIT ?
                         FOR UPDATE OF n SKIP LOCKED)
                    UPDATE notice n SET lease_owner = ?, lease_until = ?
                      FROM due WHERE n.id = due.id
                    RETURNING n.id, n.campaign_id, n.incident_id, n.subject_id, n.recipient_role, n.kind, n.locale,
                              n.chain, n.chain_pos, n.channel, n.attempts, n.channel_attempts, n.reuse_key, n.categories""")) {
                Timestamp at = Timestamp.from(now);
                s.setTimestamp(1, at);
                s.setTimestamp(2, at);
                s.setInt(3, config.dispatcher().batchSize());
                s.setString(4, worker);
                s.setTimestamp(5, Timestamp.from(now.plus(config.dispatcher().lease())));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int reuse = rs.getInt(13);
                        Integer reuseKey = rs.wasNull() ? null : reuse;
                        String channel = rs.getString(10);
                        claimed.add(new Claimed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6),
                                rs.getString(7), NoticeTransitions.chainOf(rs.getString(8)), rs.getInt(9),
                                channel == null ? null : Channel.valueOf(channel), rs.getInt(11), rs.getInt(12), reuseKey,
                                CampaignPlanner.strings(rs.getArray(14))));
                    }
                }
            }
            if (claimed.isEmpty()) {
                return List.of();
            }
            Map<UUID, Approval> incidentOf = approvedIncidents(c, claimed);
            List<Claimed> sendable = new ArrayList<>();
            List<UUID> released = new ArrayList<>();
            for (Claimed n : claimed) {
                if (incidentOf.containsKey(n.campaignId())) {
                    sendable.add(n);
                } else {
                    released.add(n.id());
                }
            }
            if (!released.isEmpty()) {
                try (PreparedStatement s = c.prepareStatement(
                        "UPDATE notice SET lease_owner = NULL, lease_until = NULL WHERE id = ANY (?)")) {
                    s.setArray(1, c.createArrayOf("uuid", released.toArray()));
                    s.executeUpdate();
                }
            }
            if (sendable.isEmpty()) {
                return List.of();
            }
            Map<UUID, InFlight> inFlight = inFlight(c, sendable);
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            Set<UUID> subjects = new HashSet<>();
            sendable.forEach(n -> {
                if (n.channel() != null) {
                    channels.add(n.channel());
                }
                subjects.add(n.subjectId());
            });
            Recipients recipients = Recipients.load(c, subjects, channels, cipher);
            List<Prepared> out = new ArrayList<>();
            OutboxWrites.NewAttempts attempts = new OutboxWrites.NewAttempts();
            try (PreparedStatement replay = c.prepareStatement("""
                    UPDATE notice_attempt SET replays = replays + 1, worker = ?, started_at = ?, content_sha256 = ?
                     WHERE notice_id = ? AND attempt_no = ?""")) {
                Timestamp at = Timestamp.from(now);
                for (Claimed n : sendable) {
                    InFlight previous = inFlight.get(n.id());
                    Optional<ChannelSender> sender = n.channel() == null ? Optional.empty() : senders.forChannel(n.channel());
                    if (sender.isEmpty()) {
                        out.add(new Prepared(n, 0, null, null, null, null, DeliveryOutcome.permanent("none", "no-sender",
                                "No sender is configured for this channel")));
                        continue;
                    }
                    String recipient = n.channel() == null ? null : recipients.of(n.subjectId(), n.role(), n.channel());
                    if (recipient == null) {
                        out.add(new Prepared(n, 0, null, null, null, null, DeliveryOutcome.permanent("none", "no-address",
                                "The person no longer has an address on this channel")));
                        continue;
                    }
                    int attemptNo;
                    int keyAttempt;
                    if (previous != null) {
                        attemptNo = previous.attemptNo();
                        keyAttempt = previous.keyAttempt();
                    } else {
                        attemptNo = n.attempts() + 1;
                        keyAttempt = n.reuseKey() != null ? n.reuseKey() : attemptNo;
                    }
                    IdempotencyKey key = new IdempotencyKey(n.id(), keyAttempt);
                    Approval approval = incidentOf.get(n.campaignId());
                    Incident incident = approval.incident();
                    IncidentContent content = CampaignPlanner.contentFor(approval.content(), n.locale()).orElse(null);
                    Optional<NoticeTemplates.TemplateSet> set = templates.find(n.kind(), n.channel(), n.locale());
                    if (content == null || set.isEmpty()) {
                        out.add(new Prepared(n, 0, null, null, null, null, DeliveryOutcome.permanent("none", "no-wording",
                                "No wording or content for this channel and locale")));
                        continue;
                    }
                    NoticeTemplates.Rendered rendered = templates.render(set.get(), NoticeModel.of(incident, content,
                            config.publicInfoBaseUrl(), CampaignPlanner.numberAffected(incident), n.categories(), n.role(),
                            n.id(), n.locale()));
                    OutgoingMessage message;
                    try {
                        message = message(key, n.channel(), recipient, recipients.postalOf(n.subjectId(), n.role()),
                                n.locale(), rendered, config.publicInfoBaseUrl() + "/" + incident.reference());
                    } catch (IllegalArgumentException e) {
                        // A stored address the channel cannot use (e.g. a malformed push token): fall back.
                        out.add(new Prepared(n, 0, null, null, null, null, DeliveryOutcome.permanent("none", "bad-address",
                                "The person's address on this channel cannot be used")));
                        continue;
                    }
                    if (previous != null && previous.feedback() != null) {
                        // The provider already told us about this attempt: it has the message; do not send again.
                        out.add(new Prepared(n, attemptNo, key, message, sender.get(), previous.sha256(),
                                new DeliveryOutcome(DeliveryOutcome.Kind.valueOf(previous.feedback()), sender.get().provider(),
                                        null, previous.feedbackCode(), "Reported by the provider before the worker recorded it",
                                        null, null)));
                        continue;
                    }
                    if (previous != null) {
                        replay.setString(1, worker);
                        replay.setTimestamp(2, at);
                        replay.setString(3, rendered.sha256());
                        replay.setObject(4, n.id());
                        replay.setInt(5, attemptNo);
                        replay.addBatch();
                    } else {
                        attempts.add(n.id(), attemptNo, keyAttempt, n.channel().name(), sender.get().provider(),
                                rendered.sha256());
                    }
                    out.add(new Prepared(n, attemptNo, key, message, sender.get(), rendered.sha256(), null));
                }
                attempts.insert(c, worker, at);
                replay.executeBatch();
            }
            return out;
        }
    }

    private record InFlight(int attemptNo, int keyAttempt, String sha256, String feedback, String feedbackCode) {
    }

    private static Map<UUID, InFlight> inFlight(Connection c, List<Claimed> notices) throws SQLException {
        Map<UUID, InFlight> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT notice_id, attempt_no, key_attempt, content_sha256, feedback, feedback_code FROM notice_attempt
                 WHERE notice_id = ANY (?) AND outcome IS NULL""")) {
            s.setArray(1, c.createArrayOf("uuid", notices.stream().map(Claimed::id).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getObject(1, UUID.class), new InFlight(rs.getInt(2), rs.getInt(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /**
     * An approved incident as the dispatcher renders it: the incident at one version, its content and
     * the hash an approval binds to, computed once per incident version and wording rather than once
     * per batch.
     */
    private record Approval(long version, String wordingHash, Incident incident,
            SortedMap<String, IncidentContent> content, String hash) {
    }

    /**
     * The claimed notices' campaigns whose approval still holds, with their incident. A campaign
     * whose incident content or wording changed since approval loses its approval here and stops
     * sending. Every batch reads the campaigns' approved hashes and their incidents' versions; the
     * incident itself is loaded and hashed again only when its version or the wording changed (every
     * change to an incident, its content included, raises its version).
     */
    private Map<UUID, Approval> approvedIncidents(Connection c, List<Claimed> claimed) throws SQLException {
        record Row(UUID campaignId, UUID incidentId, String approvedHash, long version) {
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT c.id, c.incident_id, c.approved_hash, i.version
                  FROM notice_campaign c JOIN incident i ON i.id = c.incident_id
                 WHERE c.id = ANY (?)""")) {
            s.setArray(1, c.createArrayOf("uuid", claimed.stream().map(Claimed::campaignId).distinct().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getLong(4)));
                }
            }
        }
        String wording = templates.hash();
        Map<UUID, Approval> out = new HashMap<>();
        for (Row row : rows) {
            Approval approval = approvals.get(row.incidentId());
            if (approval == null || approval.version() != row.version() || !approval.wordingHash().equals(wording)) {
                Incident incident = incidents.findById(row.incidentId());
                approval = new Approval(incident.version(), wording, incident, incident.content(),
                        approvalHash.of(incident));
                if (approvals.size() > 1_000) {
                    approvals.clear();
                }
                approvals.put(row.incidentId(), approval);
            }
            if (approval.hash().equals(row.approvedHash())) {
                out.put(row.campaignId(), approval);
            } else {
                NoticeCampaign locked = campaigns.findForUpdate(row.campaignId()).orElseThrow();
                if (locked.status() == CampaignStatus.RUNNING) {
                    LOG.warnf("Campaign %s stopped: content or wording changed after approval", row.campaignId());
                    campaignService.voidApproval(locked, approval.hash());
                }
            }
        }
        return out;
    }

    static OutgoingMessage message(IdempotencyKey key, Channel channel, String recipient, Recipients.Postal postal,
            String locale, NoticeTemplates.Rendered r, String link) {
        Locale loc = Locale.forLanguageTag(locale);
        return switch (channel) {
            case EMAIL -> OutgoingMessage.email(key, recipient, loc, r.title(), r.text(), r.html());
            case SMS -> OutgoingMessage.sms(key, recipient, loc, r.text());
            case VOICE -> OutgoingMessage.voice(key, recipient, loc, r.text());
            // Push carries the title, the short text and a link to the full notice, never the notice itself.
            case PUSH -> OutgoingMessage.push(key, PushAddress.parse(recipient), loc, r.title(), r.text(), link);
            case LETTER -> {
                if (postal == null) {
                    throw new IllegalArgumentException("no postal address");
                }
                yield OutgoingMessage.letter(key, postal.addressee(), postal.address(), loc, r.title(), null,
                        LetterBody.xhtmlFragment(r.html()));
            }
        };
    }

    private void record(String worker, Map<Prepared, DeliveryOutcome> outcomes) throws SQLException {
        Instant now = Instant.now(clock);
        Timestamp at = Timestamp.from(now);
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, String[]> feedback = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT notice_id, attempt_no, feedback, feedback_code FROM notice_attempt
                     WHERE notice_id = ANY (?) AND feedback IS NOT NULL""")) {
                s.setArray(1, c.createArrayOf("uuid", outcomes.keySet().stream().map(p -> p.notice().id()).toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        feedback.put(rs.getObject(1, UUID.class), new String[] {String.valueOf(rs.getInt(2)),
                                rs.getString(3), rs.getString(4)});
                    }
                }
            }
            OutboxWrites.AttemptOutcomes attempts = new OutboxWrites.AttemptOutcomes();
            OutboxWrites.NextStates notices = new OutboxWrites.NextStates();
            for (Map.Entry<Prepared, DeliveryOutcome> e : outcomes.entrySet()) {
                Prepared p = e.getKey();
                DeliveryOutcome o = e.getValue();
                Claimed n = p.notice();
                DeliveryOutcome.Kind kind = o.kind();
                String code = o.providerCode();
                String[] fb = feedback.get(n.id());
                boolean reported = p.attemptNo() > 0 && fb != null && Integer.parseInt(fb[0]) == p.attemptNo();
                if (reported) {
                    DeliveryOutcome.Kind later = DeliveryOutcome.Kind.valueOf(fb[1]);
                    // ACCEPTED feedback is news only for a held message: it was handed over meanwhile.
                    if (later != DeliveryOutcome.Kind.ACCEPTED || kind == DeliveryOutcome.Kind.HELD) {
                        kind = later;
                        code = fb[2];
                    }
                }
                boolean reportedGone = reported && DeliveryOutcome.Kind.PERMANENT.name().equals(fb[1]);
                if (reportedGone && n.channel() == Channel.PUSH && p.message() != null) {
                    // The push service no longer knows this registration (reported at send time).
                    deactivateRegistration(c, n.subjectId(), p.message().recipient());
                }
                int channelAttempts = n.channelAttempts() + (p.attemptNo() > 0 ? 1 : 0);
                NoticeTransitions.After next = transitions.after(new NoticeTransitions.Before(n.chain(), n.chainPos(),
                        channelAttempts, p.key() == null ? 0 : p.key().attempt()), kind, code, o.retryAfter(),
                        o.retryLimit(), now);
                if (p.attemptNo() > 0) {
                    attempts.add(n.id(), p.attemptNo(), o.kind().name(), truncate(o.providerReference(), 300),
                            truncate(o.providerCode(), 60), truncate(o.reason(), 300),
                            "RETRY_SCHEDULED".equals(next.state()) ? next.nextAt() : null);
                }
                boolean handedOver = o.kind() == DeliveryOutcome.Kind.HELD && kind == DeliveryOutcome.Kind.ACCEPTED;
                boolean sent = p.attemptNo() > 0 && (o.reachedProvider() || handedOver);
                boolean held = p.attemptNo() > 0 && o.kind() == DeliveryOutcome.Kind.HELD;
                notices.add(n.id(), next.state(), next.chainPos(), next.channel() == null ? null : next.channel().name(),
                        next.channelAttempts(), next.nextAt(), next.reuseKey(), p.attemptNo(),
                        sent || held ? truncate(o.providerReference(), 300) : null, p.contentSha256(), sent,
                        next.finished());
            }
            attempts.update(c, at);
            notices.update(c, worker, at);
        }
    }

    /**
     * Switches off the registration a push went to after the push service said it no longer exists
     * (FCM UNREGISTERED, APNs Unregistered/BadDeviceToken, Web Push 404/410), so no later notice
     * tries it again. Tokens are sealed: the subject's few active ones are compared after decryption.
     */
    private void deactivateRegistration(Connection c, UUID subjectId, String recipient) throws SQLException {
        PushAddress gone;
        try {
            gone = PushAddress.parse(recipient);
        } catch (IllegalArgumentException e) {
            return;
        }
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT id, token_enc FROM subject_push_registration WHERE subject_id = ? AND platform = ? AND active""")) {
            s.setObject(1, subjectId);
            s.setString(2, gone.platform().name());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (gone.token().equals(cipher.decrypt(rs.getString(2)))) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
        }
        for (Long id : ids) {
            try (PreparedStatement s = c.prepareStatement("UPDATE subject_push_registration SET active = false WHERE id = ?")) {
                s.setLong(1, id);
                s.executeUpdate();
            }
            audit.recordAs("system", "push_registration", id, "deactivated",
                    Map.of("subject", subjectId.toString(), "platform", gone.platform().name()));
        }
    }

    /**
     * Marks running campaigns with nothing left to send and nothing held for a hand-over (letters
     * waiting for their print batch) as completed.
     */
    void completeFinishedCampaigns() {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                    UPDATE notice_campaign c SET status = 'COMPLETED', completed_at = ?, version = version + 1
                     WHERE c.status = 'RUNNING'
                       AND NOT EXISTS (SELECT 1 FROM notice n WHERE n.campaign_id = c.id
                                          AND n.state IN ('QUEUED', 'RETRY_SCHEDULED', 'HELD'))
                    RETURNING c.id""")) {
                s.setTimestamp(1, Timestamp.from(Instant.now(clock)));
                List<UUID> done = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        done.add(rs.getObject(1, UUID.class));
                    }
                }
                for (UUID id : done) {
                    audit.recordAs("system", CampaignPlanner.AUDIT_TYPE, id, "completed", Map.of());
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
