package org.herald.notice;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.herald.audit.AuditLog;
import org.herald.incident.Incident;
import org.herald.incident.IncidentRepository;
import org.herald.shared.problem.ProblemException;

/**
 * A campaign's life after planning: four-eyes approval bound to the content and wording hash, start,
 * pause, resume, cancel, and its progress.
 */
@ApplicationScoped
public class CampaignService {

    private final NoticeCampaignRepository campaigns;
    private final IncidentRepository incidents;
    private final ApprovalHash approvalHash;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final EntityManager em;

    CampaignService(NoticeCampaignRepository campaigns, IncidentRepository incidents, ApprovalHash approvalHash,
            AuditLog audit, SecurityIdentity identity, Clock clock, ObjectMapper mapper, EntityManager em) {
        this.campaigns = campaigns;
        this.incidents = incidents;
        this.approvalHash = approvalHash;
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.mapper = mapper;
        this.em = em;
    }

    public record ApproveRequest(String contentHash) {
    }

    public CampaignView view(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            NoticeCampaign c = campaigns.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
            return CampaignView.of(c, warnings(c), forecast(c), progress(id));
        });
    }

    public List<CampaignView> forIncident(UUID incidentId) {
        return QuarkusTransaction.joiningExisting().call(() -> campaigns.forIncident(incidentId).stream()
                .map(c -> CampaignView.of(c, warnings(c), forecast(c), progress(c.id()))).toList());
    }

    /** The hash an approval given now would bind to. */
    public String currentHash(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            NoticeCampaign c = campaigns.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
            return approvalHash.of(incident(c));
        });
    }

    public CampaignView approve(UUID id, ApproveRequest request) {
        QuarkusTransaction.requiringNew().run(() -> {
            NoticeCampaign c = locked(id);
            String actor = identity.getPrincipal().getName();
            if (c.status() != CampaignStatus.PLANNED) {
                throw ProblemException.conflict("Only a planned campaign can be approved; this one is " + c.status() + ".");
            }
            if (actor.equals(c.plannedBy())) {
                throw new ProblemException(403, "four-eyes", "Four-eyes approval",
                        "A campaign must be approved by a privacy officer other than the person who planned it.");
            }
            String hash = approvalHash.of(incident(c));
            if (request != null && request.contentHash() != null && !request.contentHash().equals(hash)) {
                throw new ProblemException(409, "approval-hash", "Content or wording changed",
                        "The incident content or the notice wording changed since you reviewed them; review again.",
                        List.of(new org.herald.shared.problem.Problem.FieldError("contentHash",
                                "does not match the current content and wording")));
            }
            c.approve(actor, Instant.now(clock), hash);
            audit.record(CampaignPlanner.AUDIT_TYPE, id, "approved", Map.of("hash", hash, "plannedBy", c.plannedBy()));
        });
        return view(id);
    }

    public CampaignView start(UUID id) {
        return run(id, CampaignStatus.APPROVED, "started");
    }

    public CampaignView resume(UUID id) {
        return run(id, CampaignStatus.PAUSED, "resumed");
    }

    private CampaignView run(UUID id, CampaignStatus from, String action) {
        boolean voided = QuarkusTransaction.requiringNew().call(() -> {
            NoticeCampaign c = locked(id);
            if (c.status() != from) {
                throw ProblemException.conflict("A campaign can be " + action + " only when " + from + "; this one is "
                        + c.status() + ".");
            }
            if (c.approvedHash() == null) {
                throw ProblemException.conflict("The campaign has no valid approval; a second privacy officer must approve it.");
            }
            String hash = approvalHash.of(incident(c));
            if (!hash.equals(c.approvedHash())) {
                voidApproval(c, hash);
                return true;
            }
            c.start(Instant.now(clock));
            audit.record(CampaignPlanner.AUDIT_TYPE, id, action, Map.of("hash", hash));
            return false;
        });
        if (voided) {
            throw new ProblemException(409, "approval-void", "Approval void",
                    "The incident content or the notice wording changed after approval; the campaign needs a new approval.");
        }
        return view(id);
    }

    /** Called inside a transaction holding the campaign: records that its approval no longer holds. */
    void voidApproval(NoticeCampaign c, String currentHash) {
        String previous = c.approvedHash();
        c.voidApproval("Content or wording changed after approval; approve again.");
        audit.recordAs("system", CampaignPlanner.AUDIT_TYPE, c.id(), "approval-voided",
                Map.of("approvedHash", String.valueOf(previous), "currentHash", currentHash));
    }

    public CampaignView pause(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            NoticeCampaign c = locked(id);
            if (c.status() != CampaignStatus.RUNNING) {
                throw ProblemException.conflict("Only a running campaign can be paused; this one is " + c.status() + ".");
            }
            c.pause("Paused by " + identity.getPrincipal().getName());
            audit.record(CampaignPlanner.AUDIT_TYPE, id, "paused", Map.of());
        });
        return view(id);
    }

    public CampaignView cancel(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            NoticeCampaign c = locked(id);
            if (c.status().isOver()) {
                throw ProblemException.conflict("The campaign is already " + c.status() + ".");
            }
            c.cancel(Instant.now(clock), "Cancelled by " + identity.getPrincipal().getName());
            // A HELD notice is left alone: its letter already waits in the print queue and goes out with
            // its batch (the hand-over still makes it SENT); cancelling it here would misstate what happened.
            int cancelled = em.createNativeQuery("""
                    UPDATE notice SET state = 'CANCELLED', finished_at = now()
                     WHERE campaign_id = ?1 AND state IN ('QUEUED', 'RETRY_SCHEDULED')""")
                    .setParameter(1, id).executeUpdate();
            audit.record(CampaignPlanner.AUDIT_TYPE, id, "cancelled", Map.of("noticesCancelled", cancelled));
        });
        return view(id);
    }

    private NoticeCampaign locked(UUID id) {
        return campaigns.findForUpdate(id).orElseThrow(() -> ProblemException.notFound("campaign", id));
    }

    private Incident incident(NoticeCampaign c) {
        return incidents.findById(c.incidentId());
    }

    List<String> warnings(NoticeCampaign c) {
        try {
            return mapper.readValue(c.warnings(), new TypeReference<List<String>>() { });
        } catch (IOException e) {
            return List.of();
        }
    }

    CapacityForecaster.Forecast forecast(NoticeCampaign c) {
        try {
            return mapper.readValue(c.forecast(), CapacityForecaster.Forecast.class);
        } catch (IOException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    CampaignView.Progress progress(UUID campaignId) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT coalesce(channel, '-'), state, count(*), count(*) FILTER (WHERE chain_pos > 0)
                  FROM notice WHERE campaign_id = ?1 GROUP BY 1, 2""").setParameter(1, campaignId).getResultList();
        List<Object[]> failures = em.createNativeQuery("""
                SELECT a.channel, count(*) FROM notice_attempt a JOIN notice n ON n.id = a.notice_id
                 WHERE n.campaign_id = ?1 AND (coalesce(a.feedback, a.outcome) IN ('PERMANENT', 'OPTED_OUT'))
                 GROUP BY 1""").setParameter(1, campaignId).getResultList();
        Map<String, long[]> per = new TreeMap<>();
        long[] all = new long[10];
        for (Object[] r : rows) {
            String channel = ((String) r[0]).toLowerCase();
            long n = ((Number) r[2]).longValue();
            long fb = ((Number) r[3]).longValue();
            int slot = switch ((String) r[1]) {
                case "QUEUED" -> 0;
                case "SENT" -> 1;
                case "DELIVERED" -> 2;
                case "RETRY_SCHEDULED" -> 4;
                case "UNREACHABLE" -> 6;
                case "SETTLED" -> 8;
                case "HELD" -> 9;
                default -> 7;
            };
            long[] c = per.computeIfAbsent(channel, k -> new long[10]);
            c[slot] += n;
            c[5] += fb;
            all[slot] += n;
            all[5] += fb;
        }
        for (Object[] r : failures) {
            String channel = ((String) r[0]).toLowerCase();
            long n = ((Number) r[1]).longValue();
            per.computeIfAbsent(channel, k -> new long[10])[3] += n;
            all[3] += n;
        }
        Map<String, CampaignView.ChannelProgress> byChannel = new LinkedHashMap<>();
        per.forEach((k, c) -> {
            if (!"-".equals(k)) {
                byChannel.put(k, new CampaignView.ChannelProgress(c[0], c[9], c[1], c[2], c[3], c[4], c[5], c[6]));
            }
        });
        // Held notices (letters waiting for their print batch) are in flight: counted, not done.
        long total = all[0] + all[9] + all[1] + all[2] + all[4] + all[6] + all[7] + all[8];
        long done = all[1] + all[2] + all[6] + all[7] + all[8];
        int percent = total == 0 ? 100 : (int) Math.floor(done * 100.0 / total);
        return new CampaignView.Progress(total, all[0], all[9], all[1], all[2], all[3], all[4], all[5], all[6], all[7],
                all[8], percent, byChannel);
    }

    static List<String> copy(List<String> in) {
        return new ArrayList<>(in);
    }
}
