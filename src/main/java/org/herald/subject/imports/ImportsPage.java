package org.herald.subject.imports;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
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
import java.util.UUID;
import org.herald.security.ConsoleSession;
import org.herald.security.CsrfTokens;
import org.herald.security.Role;
import org.herald.shared.Page;

/**
 * The console's upload page: a file is posted as the raw request body by a few lines of script
 * (so it streams like the API import), with the CSRF token in a header, and a progress bar polls
 * the import's status.
 */
@Path("/console/subjects/imports")
@RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class ImportsPage {

    private static final int RECENT = 20;

    private final Template page;
    private final ImportSubjects imports;
    private final ConsoleSession session;

    ImportsPage(@Location("console/subject-imports.html") Template page, ImportSubjects imports, ConsoleSession session) {
        this.page = page;
        this.imports = imports;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return page.data("session", session)
                .data("imports", imports.latest(0, RECENT))
                .data("mayImport", session.has(Role.ANALYST_NAME));
    }

    @POST
    @Blocking
    @Consumes({"text/csv", "application/x-ndjson"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.ADMIN_NAME})
    public Response upload(@HeaderParam(CsrfTokens.HEADER) String csrf, @QueryParam("type") String type,
            @QueryParam("source") String source, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        session.requireCsrf(csrf);
        UUID id = imports.start(type, contentType, source, body, session.username());
        return Response.accepted(new ImportResource.Accepted(id, java.net.URI.create("/console/subjects/imports/" + id
                + "/progress"))).build();
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public ImportView progress(@PathParam("id") UUID id) {
        return ImportView.of(imports.find(id), imports.errors(id, 0, Page.clampSize(10)));
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces("text/csv")
    public Response errorsCsv(@PathParam("id") UUID id) {
        imports.find(id);
        StreamingOutput csv = out -> ImportErrorsCsv.write(imports, id, out);
        return Response.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"").build();
    }
}
