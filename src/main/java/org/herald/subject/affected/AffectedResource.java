package org.herald.subject.affected;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.UUID;
import org.herald.security.Role;
import org.herald.shared.Page;
import org.herald.shared.problem.ProblemException;
import org.herald.subject.imports.ImportConfig;

/** Who an incident affected: scope by selectors, or the forensic list; and the totals. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class AffectedResource {

    private final AffectedSubjects affected;
    private final SecurityIdentity identity;
    private final ImportConfig imports;

    AffectedResource(AffectedSubjects affected, SecurityIdentity identity, ImportConfig imports) {
        this.affected = affected;
        this.identity = identity;
        this.imports = imports;
    }

    /** Computes the affected set from the holdings; replaces any earlier set. */
    @PUT
    @Path("/{id}/scope")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.ADMIN_NAME})
    public ScopeResult scope(@PathParam("id") UUID id, @Valid @NotNull ScopeSelectors selectors) {
        return affected.defineScope(id, selectors, identity.getPrincipal().getName());
    }

    /**
     * Takes the affected set from an uploaded CSV list (external_ref, optional source_system and
     * categories), streamed like an import; replaces any earlier set.
     */
    @POST
    @Path("/{id}/affected")
    @Blocking
    @Consumes("text/csv")
    @RolesAllowed({Role.ANALYST_NAME, Role.ADMIN_NAME})
    public ListResult list(@PathParam("id") UUID id, @QueryParam("source") String source,
            @QueryParam("categories") String categories, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("charset=")
                && !contentType.toLowerCase(java.util.Locale.ROOT).matches(".*charset=\"?utf-?8\"?.*")) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "The list must be UTF-8");
        }
        return affected.takeList(id, body, source, categories, imports.maxRowSize().asLongValue(),
                identity.getPrincipal().getName());
    }

    @GET
    @Path("/{id}/affected/summary")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public AffectedSummary summary(@PathParam("id") UUID id) {
        return affected.summary(id);
    }

    /** Rows of the last uploaded list that matched no subject or could not be read. */
    @GET
    @Path("/{id}/affected/unmatched")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Page<ListResult.UnmatchedRow> unmatched(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return affected.unmatched(id, Page.clampPage(page), Page.clampSize(size));
    }
}
