package org.herald.regulator.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.herald.incident.IncidentService;
import org.herald.incident.IncidentView;
import org.herald.regulator.FileReport;
import org.herald.regulator.RegulatorReports;
import org.herald.regulator.filing.FilingForm;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/**
 * An incident's "Reports" tab: the reports due from its obligations with their completeness and
 * what is missing, every report format with download buttons, and the filing history; privacy
 * officers record a filing here.
 */
@Path("/console/incidents")
@Produces(MediaType.TEXT_HTML)
public class ReportsPage {

    private final Template page;
    private final RegulatorReports reports;
    private final FileReport filing;
    private final IncidentService incidents;
    private final ConsoleSession session;

    ReportsPage(@Location("regulator/reports.html") Template page, RegulatorReports reports, FileReport filing,
            IncidentService incidents, ConsoleSession session) {
        this.page = page;
        this.reports = reports;
        this.filing = filing;
        this.incidents = incidents;
        this.session = session;
    }

    @GET
    @Path("/{id}/reports")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance show(@PathParam("id") UUID id) {
        return render(id, null, null);
    }

    @POST
    @Path("/{id}/reports/{authority}/file")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public Response file(@PathParam("id") UUID id, @PathParam("authority") String authority,
            @FormParam("csrf") String csrf, @FormParam("phase") String phase,
            @FormParam("authorityReference") String reference) {
        session.requireCsrf(csrf);
        try {
            var filed = filing.file(id, authority, new FilingForm(phase, null, reference));
            return Response.seeOther(URI.create("/console/incidents/" + id + "/reports?filed=" + filed.id())).build();
        } catch (ProblemException e) {
            var problem = e.toProblem(null);
            return Response.status(e.status()).entity(render(id, problem, null)).type(MediaType.TEXT_HTML).build();
        }
    }

    private TemplateInstance render(UUID id, Object refused, String flash) {
        IncidentView incident = incidents.view(id);
        return page.data("session", session)
                .data("i", incident)
                .data("due", reports.due(id))
                .data("formats", reports.builders())
                .data("filings", filing.history(id))
                .data("refused", refused)
                .data("flash", flash);
    }
}
