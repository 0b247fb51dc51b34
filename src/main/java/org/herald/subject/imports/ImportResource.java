package org.herald.subject.imports;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.herald.security.Role;
import org.herald.shared.Page;

/** Streaming imports of subjects and holdings, and their progress. */
@Path("/api/subjects/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportSubjects imports;
    private final SecurityIdentity identity;

    ImportResource(ImportSubjects imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    /** The answer to an accepted upload. */
    public record Accepted(UUID importId, URI progress) {
    }

    /**
     * The body arrives as a stream (blocking endpoint, InputStream parameter): Quarkus REST buffers
     * only its input buffer and hands the rest over as it is received, so the size of the file
     * never meets the heap. Bodies are allowed up to herald.subject.import.max-body-size here only
     * (see ImportBodyLimits).
     */
    @POST
    @Blocking
    @Consumes({"text/csv", "application/x-ndjson"})
    @RolesAllowed({Role.ANALYST_NAME, Role.ADMIN_NAME})
    public Response start(@QueryParam("type") String type, @QueryParam("source") String source,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        UUID id = imports.start(type, contentType, source, body, identity.getPrincipal().getName());
        URI progress = URI.create("/api/subjects/imports/" + id);
        return Response.accepted(new Accepted(id, progress)).location(progress).build();
    }

    @GET
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public List<ImportView> latest(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return imports.latest(Page.clampPage(page), Page.clampSize(size)).stream()
                .map(i -> ImportView.of(i, null)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public ImportView progress(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        SubjectImport found = imports.find(id);
        return ImportView.of(found, imports.errors(id, Page.clampPage(page), Page.clampSize(size)));
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces("text/csv")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Response errorsCsv(@PathParam("id") UUID id) {
        imports.find(id);
        StreamingOutput csv = out -> ImportErrorsCsv.write(imports, id, out);
        return Response.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }
}
