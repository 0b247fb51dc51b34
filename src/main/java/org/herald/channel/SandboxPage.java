package org.herald.channel;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;

/**
 * The console's sandbox outbox: what the sandbox push and phone senders recorded instead of sending
 * (letters have their own page with each PDF). Shows what the person would have seen or heard; device
 * tokens and numbers stay off the page.
 */
@Path("/console/sandbox")
@RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class SandboxPage {

    private static final int RECENT = 50;

    /** One recorded push notification. */
    public record Push(Instant recordedAt, String idempotencyKey, String platform, String title, String body, String link,
            int payloadBytes) {
    }

    /** One recorded phone call. */
    public record Call(Instant recordedAt, String idempotencyKey, String language, String voice, String spokenText) {
    }

    private final Template page;
    private final EntityManager em;
    private final ConsoleSession session;

    SandboxPage(@Location("channel/sandbox.html") Template page, EntityManager em, ConsoleSession session) {
        this.page = page;
        this.em = em;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return page.data("session", session).data("pushes", pushes()).data("calls", calls());
    }

    @SuppressWarnings("unchecked")
    List<Push> pushes() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT recorded_at, idempotency_key, platform, title, body, link, payload_bytes
                  FROM sandbox_push ORDER BY recorded_at DESC, id LIMIT :n""").setParameter("n", RECENT).getResultList();
        return rows.stream().map(r -> new Push(instant(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], ((Number) r[6]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    List<Call> calls() {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT recorded_at, idempotency_key, language, voice, spoken_text
                  FROM sandbox_voice ORDER BY recorded_at DESC, id LIMIT :n""").setParameter("n", RECENT).getResultList();
        return rows.stream().map(r -> new Call(instant(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4]))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
