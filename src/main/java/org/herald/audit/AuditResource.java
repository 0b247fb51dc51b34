package org.herald.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.Produces;
import java.time.Instant;
import java.util.List;
import org.herald.shared.Page;

/** Read access to the audit log and its verification, for auditors and administrators. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"AUDITOR", "PRIVACY_OFFICER", "ADMIN"})
public class AuditResource {

    private final AuditChainVerifier verifier;
    private final AuditEntryRepository entries;

    AuditResource(AuditChainVerifier verifier, AuditEntryRepository entries) {
        this.verifier = verifier;
        this.entries = entries;
    }

    /** One audit entry as the API shows it. */
    public record AuditEntryView(long seq, Instant occurredAt, String actor, String entityType, String entityId,
            String action, String summary, String hash) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.seq(), e.occurredAt(), e.actor(), e.entityType(), e.entityId(), e.action(),
                    e.summary(), e.hash());
        }
    }

    @GET
    @Path("/verify")
    public AuditChainVerifier.Verification verify() {
        return verifier.verify();
    }

    @GET
    public Page<AuditEntryView> list(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        List<AuditEntryView> items = entries.latest(p, s).stream().map(AuditEntryView::of).toList();
        return new Page<>(items, p, s, entries.count());
    }
}
