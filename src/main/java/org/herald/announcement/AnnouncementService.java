package org.herald.announcement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.herald.audit.AuditLog;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.rules.ObligationKind;
import org.herald.rules.ObligationView;
import org.herald.rules.Obligations;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/**
 * The announcement's life: proposed from the substitute-notice decision, published by a privacy
 * officer (or at once where a rule is configured to auto-publish), revised with history, withdrawn
 * after its minimum posting time. Every step writes an audit entry on the incident's trail.
 */
@ApplicationScoped
public class AnnouncementService {

    /** Entries go to the incident's own trail, so they appear on its timeline. */
    static final String AUDIT_TYPE = "incident";

    private final IncidentRepository incidents;
    private final AnnouncementRepository announcements;
    private final AnnouncementRevisionRepository revisions;
    private final SettlementRepository settlements;
    private final MediaTaskRepository mediaTasks;
    private final EvaluateSubstituteNotice evaluator;
    private final Obligations obligations;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper json;
    private final AnnouncementConfig config;

    AnnouncementService(IncidentRepository incidents, AnnouncementRepository announcements,
            AnnouncementRevisionRepository revisions, SettlementRepository settlements, MediaTaskRepository mediaTasks,
            EvaluateSubstituteNotice evaluator, Obligations obligations, AuditLog audit, SecurityIdentity identity,
            Clock clock, ObjectMapper json, AnnouncementConfig config) {
        this.incidents = incidents;
        this.announcements = announcements;
        this.revisions = revisions;
        this.settlements = settlements;
        this.mediaTasks = mediaTasks;
        this.evaluator = evaluator;
        this.obligations = obligations;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.json = json;
        this.config = config;
    }

    /** The decision as it stands now, without proposing anything. */
    public SubstituteNoticeEvaluation evaluate(UUID incidentId, String judgement) {
        requireIncident(incidentId);
        requireJudgeIfJudging(judgement);
        return evaluator.evaluate(incidentId, SubstituteNoticeFacts.Judgement.of(judgement));
    }

    @Transactional
    public AnnouncementView propose(UUID incidentId, AnnouncementRequests.Proposal proposal) {
        Incident incident = incidents.findForUpdate(incidentId).orElseThrow(() -> ProblemException.notFound("incident",
                incidentId));
        String judgement = proposal == null ? null : proposal.judgement();
        requireJudgeIfJudging(judgement);
        announcements.live(incidentId).ifPresent(a -> {
            throw ProblemException.conflict("The incident already has a " + a.status().name().toLowerCase(Locale.ROOT)
                    + " announcement (" + a.id() + "); revise or withdraw it instead");
        });
        SubstituteNoticeEvaluation evaluation = evaluator.evaluate(incidentId,
                SubstituteNoticeFacts.Judgement.of(judgement));
        if (!evaluation.announcementAllowed()) {
            throw new ProblemException(409, "announcement-not-allowed", "No substitute-notice condition holds",
                    evaluation.reason());
        }
        Instant now = clock.instant();
        String helpNumber = proposal == null || proposal.helpNumber() == null || proposal.helpNumber().isBlank() ? null
                : proposal.helpNumber().strip();
        Announcement a = new Announcement(UUID.randomUUID(), incidentId, slugFor(incident), write(DecisionRecord.of(evaluation)),
                evaluation.reason(), String.join(",", evaluation.met().stream().map(TermsDecision::regimeId).distinct().toList()),
                evaluation.minDays(), evaluation.minDaysBasis(), evaluation.tollFreeRequired(), helpNumber,
                evaluation.coveredByAnnouncement(), judgement == null || judgement.isBlank() ? null : judgement.strip(),
                actor(), now);
        announcements.persist(a);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("announcementId", a.id().toString());
        summary.put("regimes", a.regimes());
        summary.put("coveredCount", a.coveredCount());
        summary.put("reason", a.reason());
        summary.put("judged", a.judgementReason() != null);
        audit.record(AUDIT_TYPE, incidentId, "announcement-proposed", summary);
        syncMediaTasks(incidentId, DecisionRecord.of(evaluation));
        if (evaluation.autoPublish()) {
            try {
                publishNow(a, incident, true, evaluation.autoPublishBasis());
            } catch (ProblemException e) {
                // The proposal stands; an officer completes what publication still needs.
                audit.record(AUDIT_TYPE, incidentId, "announcement-auto-publish-held",
                        Map.of("announcementId", a.id().toString(), "why", e.getMessage()));
            }
        }
        return view(a);
    }

    @Transactional
    public AnnouncementView publish(UUID incidentId, UUID announcementId, AnnouncementRequests.Publication publication) {
        Announcement a = lockedOf(incidentId, announcementId);
        if (publication != null && publication.helpNumber() != null) {
            a.changeHelpNumber(publication.helpNumber());
        }
        Incident incident = requireIncident(incidentId);
        publishNow(a, incident, false, null);
        return view(a);
    }

    private void publishNow(Announcement a, Incident incident, boolean automatically, String basis) {
        PublicContent content = PublicContent.of(incident, a.helpNumber());
        Instant now = clock.instant();
        a.publish(actor(), now, automatically);
        revisions.persist(new AnnouncementRevision(a.id(), a.revision(), now, actor(),
                automatically ? "Published automatically: " + basis : null, write(content)));
        for (DecisionRecord.Rule rule : read(a.decision(), DecisionRecord.class).rules()) {
            settlements.persist(new Settlement(a.id(), a.incidentId(), rule.regimeId(), rule.jurisdiction(),
                    String.join(",", rule.coveredCountries()), String.join(",", rule.coveredRegions()), rule.wholeClass(),
                    rule.emailWhereAvailable(), rule.coveredByAnnouncement(), now));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("announcementId", a.id().toString());
        summary.put("slug", a.slug());
        summary.put("revision", a.revision());
        summary.put("locales", List.copyOf(content.byLocale().keySet()));
        summary.put("automatically", automatically);
        if (basis != null) {
            summary.put("basis", basis);
        }
        audit.record(AUDIT_TYPE, a.incidentId(), "announcement-published", summary);
    }

    @Transactional
    public AnnouncementView revise(UUID incidentId, UUID announcementId, AnnouncementRequests.Revision revision) {
        if (revision == null || revision.note() == null || revision.note().isBlank()) {
            throw ProblemException.invalid("note", "must say what changed; the public page lists it");
        }
        Announcement a = lockedOf(incidentId, announcementId);
        Incident incident = requireIncident(incidentId);
        Instant now = clock.instant();
        a.revise(actor(), now, revision.helpNumber());
        PublicContent content = PublicContent.of(incident, a.helpNumber());
        revisions.persist(new AnnouncementRevision(a.id(), a.revision(), now, actor(), revision.note().strip(),
                write(content)));
        audit.record(AUDIT_TYPE, incidentId, "announcement-revised", Map.of("announcementId", a.id().toString(),
                "revision", a.revision(), "note", revision.note().strip()));
        return view(a);
    }

    @Transactional
    public AnnouncementView withdraw(UUID incidentId, UUID announcementId, AnnouncementRequests.Withdrawal withdrawal) {
        Announcement a = lockedOf(incidentId, announcementId);
        AnnouncementStatus before = a.status();
        a.withdraw(actor(), clock.instant(), withdrawal == null ? null : withdrawal.reason());
        audit.record(AUDIT_TYPE, incidentId, "announcement-withdrawn", Map.of("announcementId", a.id().toString(),
                "was", before.name(), "reason", a.withdrawReason()));
        return view(a);
    }

    @Transactional
    public List<AnnouncementView> list(UUID incidentId) {
        requireIncident(incidentId);
        return announcements.ofIncident(incidentId).stream().map(this::view).toList();
    }

    @Transactional
    public AnnouncementView get(UUID incidentId, UUID announcementId) {
        return view(of(incidentId, announcementId));
    }

    /** The media notices the rules require, refreshed from the obligations. */
    @Transactional
    public List<MediaTask> mediaChecklist(UUID incidentId) {
        requireIncident(incidentId);
        announcements.live(incidentId).ifPresent(a -> syncMediaTasks(incidentId, read(a.decision(), DecisionRecord.class)));
        syncMediaTasks(incidentId, new DecisionRecord(List.of()));
        return mediaTasks.of(incidentId);
    }

    @Transactional
    public MediaTask markMediaDone(UUID incidentId, UUID taskId, String evidence) {
        MediaTask task = mediaTasks.findByIdOptional(taskId).filter(t -> t.incidentId().equals(incidentId))
                .orElseThrow(() -> ProblemException.notFound("media notice", taskId));
        task.markDone(actor(), clock.instant(), evidence);
        audit.record(AUDIT_TYPE, incidentId, "media-notice-done", Map.of("taskId", taskId.toString(),
                "regime", task.regimeId(), "jurisdiction", task.jurisdiction(), "evidence", task.evidence()));
        return task;
    }

    private void syncMediaTasks(UUID incidentId, DecisionRecord decision) {
        Map<String, MediaTask> wanted = new LinkedHashMap<>();
        for (ObligationView o : obligations.forIncident(incidentId)) {
            if (o.kind() == ObligationKind.MEDIA_NOTICE) {
                String key = "obligation:" + o.id();
                wanted.put(key, new MediaTask(UUID.randomUUID(), incidentId, key, o.regimeId(), o.jurisdiction(),
                        "Notify " + (o.recipient() == null ? "prominent media outlets" : o.recipient()) + ". "
                                + o.reason(), o.dueAt()));
            }
        }
        for (DecisionRecord.Rule rule : decision.rules()) {
            for (String component : rule.mediaComponents()) {
                String key = "substitute:" + rule.regimeId() + ":" + rule.jurisdiction() + ":" + component;
                wanted.put(key, new MediaTask(UUID.randomUUID(), incidentId, key, rule.regimeId(), rule.jurisdiction(),
                        "Substitute notice: " + component.replace('_', ' ') + " in " + rule.jurisdiction() + " ("
                                + String.join(", ", rule.citations()) + ")", null));
            }
        }
        List<String> existing = new ArrayList<>(mediaTasks.of(incidentId).stream().map(MediaTask::taskKey).toList());
        wanted.forEach((key, task) -> {
            if (!existing.contains(key)) {
                mediaTasks.persist(task);
            }
        });
    }

    // ---- reading ---------------------------------------------------------------------------------

    AnnouncementView view(Announcement a) {
        List<AnnouncementView.RevisionView> history = revisions.of(a.id()).stream()
                .map(r -> new AnnouncementView.RevisionView(r.revision(), r.publishedAt(), r.publishedBy(), r.note()))
                .toList();
        List<AnnouncementView.SettlementView> settled = settlements.of(a.id()).stream()
                .map(s -> new AnnouncementView.SettlementView(s.regimeId(), s.jurisdiction(), s.wholeClass(),
                        s.emailWhereAvailable(), s.coveredCount()))
                .toList();
        return new AnnouncementView(a.id(), a.incidentId(), a.slug(), a.status(), publicUrl(a.slug()), a.reason(),
                a.regimes().isEmpty() ? List.of() : Arrays.asList(a.regimes().split(",")),
                read(a.decision(), DecisionRecord.class).rules(), a.minDays(), a.minDaysBasis(), a.earliestWithdrawal(),
                a.tollFreeRequired(), a.helpNumber(), a.coveredCount(), a.judgementReason(), a.autoPublished(),
                a.proposedBy(), a.proposedAt(), a.publishedBy(), a.publishedAt(), a.updatedAt(), a.withdrawnBy(),
                a.withdrawnAt(), a.withdrawReason(), a.revision(), history, settled);
    }

    String publicUrl(String slug) {
        String base = config.publicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/notices/" + slug;
    }

    private Announcement of(UUID incidentId, UUID announcementId) {
        return announcements.findByIdOptional(announcementId).filter(a -> a.incidentId().equals(incidentId))
                .orElseThrow(() -> ProblemException.notFound("announcement", announcementId));
    }

    private Announcement lockedOf(UUID incidentId, UUID announcementId) {
        return announcements.findForUpdate(announcementId).filter(a -> a.incidentId().equals(incidentId))
                .orElseThrow(() -> ProblemException.notFound("announcement", announcementId));
    }

    private Incident requireIncident(UUID incidentId) {
        return incidents.findByIdOptional(incidentId).orElseThrow(() -> ProblemException.notFound("incident", incidentId));
    }

    /** Only a privacy officer judges that individual notice takes disproportionate effort. */
    private void requireJudgeIfJudging(String judgement) {
        if (judgement != null && !judgement.isBlank() && !identity.hasRole(Role.PRIVACY_OFFICER_NAME)
                && !identity.hasRole(Role.ADMIN_NAME)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Only a privacy officer may judge that individual notice takes disproportionate effort");
        }
    }

    /** The incident reference in lower case: public, stable, and says nothing about anyone. */
    private String slugFor(Incident incident) {
        String base = incident.reference().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        long taken = announcements.slugsStartingWith(base);
        return taken == 0 ? base : base + "-" + (taken + 1);
    }

    private String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Announcement records always serialise", e);
        }
    }

    <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored announcement record unreadable", e);
        }
    }
}
