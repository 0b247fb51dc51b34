package org.herald.subject;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.herald.security.Role;
import org.herald.shared.Page;
import org.herald.shared.problem.ProblemException;

/** Reading the subject registry; contact values are masked unless the caller's role may see them. */
@Path("/api/subjects")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class SubjectResource {

    private final SubjectService subjects;
    private final SecurityIdentity identity;

    SubjectResource(SubjectService subjects, SecurityIdentity identity) {
        this.subjects = subjects;
        this.identity = identity;
    }

    @GET
    @Path("/{id}")
    public SubjectView get(@PathParam("id") UUID id) {
        return subjects.view(id, Disclosure.of(identity));
    }

    /** Exact search by one e-mail address or one phone number (blind index; no partial matches). */
    @GET
    public Page<SubjectView> search(@QueryParam("email") String email, @QueryParam("phone") String phone,
            @QueryParam("country") String country, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        boolean byEmail = email != null && !email.isBlank();
        boolean byPhone = phone != null && !phone.isBlank();
        if (byEmail == byPhone) {
            throw ProblemException.invalid("email", "give exactly one of email or phone");
        }
        int p = Page.clampPage(page);
        int s = Page.clampSize(size);
        Disclosure disclosure = Disclosure.of(identity);
        return byEmail ? subjects.byEmail(email, p, s, disclosure) : subjects.byPhone(phone, country, p, s, disclosure);
    }
}
