package org.herald.announcement;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.herald.incident.IncidentRepository;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/**
 * The console's announcement page of an incident: the decision per rule with its numbers, the
 * proposal, the privacy officer's approval, revisions, withdrawal and the media checklist. Plain
 * HTML forms; every post carries the CSRF token and comes back to the page with what happened.
 */
@Path("/console/incidents/{incidentId}/announcements")
@Produces(MediaType.TEXT_HTML)
public class AnnouncementPages {

    private final Template page;
    private final AnnouncementService service;
    private final IncidentRepository incidents;
    private final ConsoleSession session;

    AnnouncementPages(@Location("announcement/console.html") Template page, AnnouncementService service,
            IncidentRepository incidents, ConsoleSession session) {
        this.page = page;
        this.service = service;
        this.incidents = incidents;
        this.session = session;
    }

    @GET
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME})
    public TemplateInstance show(@PathParam("incidentId") UUID incidentId, @QueryParam("done") String done,
            @QueryParam("error") String error) {
        var incident = incidents.findByIdOptional(incidentId)
                .orElseThrow(() -> ProblemException.notFound("incident", incidentId));
        SubstituteNoticeEvaluation decision = service.evaluate(incidentId, null);
        List<AnnouncementView> announcements = service.list(incidentId);
        return page.data("session", session).data("incidentId", incidentId).data("reference", incident.reference())
                .data("title", incident.title()).data("decision", decision).data("announcements", announcements)
                .data("live", announcements.stream().filter(a -> a.status() != AnnouncementStatus.WITHDRAWN).findFirst()
                        .orElse(null))
                .data("media", service.mediaChecklist(incidentId).stream().map(MediaTaskView::of).toList())
                .data("done", done).data("error", error);
    }

    @POST
    @Path("/propose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    public Response propose(@PathParam("incidentId") UUID incidentId, MultivaluedMap<String, String> form) {
        session.requireCsrf(form.getFirst("csrf"));
        return act(incidentId, "Announcement proposed.", () -> service.propose(incidentId,
                new AnnouncementRequests.Proposal(form.getFirst("judgement"), form.getFirst("helpNumber"))));
    }

    @POST
    @Path("/{announcementId}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public Response publish(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id,
            MultivaluedMap<String, String> form) {
        session.requireCsrf(form.getFirst("csrf"));
        return act(incidentId, "Announcement published.", () -> service.publish(incidentId, id,
                new AnnouncementRequests.Publication(form.getFirst("helpNumber"))));
    }

    @POST
    @Path("/{announcementId}/revise")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public Response revise(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id,
            MultivaluedMap<String, String> form) {
        session.requireCsrf(form.getFirst("csrf"));
        return act(incidentId, "New revision published.", () -> service.revise(incidentId, id,
                new AnnouncementRequests.Revision(form.getFirst("note"), form.getFirst("helpNumber"))));
    }

    @POST
    @Path("/{announcementId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public Response withdraw(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id,
            MultivaluedMap<String, String> form) {
        session.requireCsrf(form.getFirst("csrf"));
        return act(incidentId, "Announcement withdrawn.", () -> service.withdraw(incidentId, id,
                new AnnouncementRequests.Withdrawal(form.getFirst("reason"))));
    }

    @POST
    @Path("/media/{taskId}/done")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    public Response mediaDone(@PathParam("incidentId") UUID incidentId, @PathParam("taskId") UUID taskId,
            MultivaluedMap<String, String> form) {
        session.requireCsrf(form.getFirst("csrf"));
        return act(incidentId, "Media notice marked done.",
                () -> service.markMediaDone(incidentId, taskId, form.getFirst("evidence")));
    }

    /** Runs one step and returns to the page, saying what happened or why it was refused. */
    private Response act(UUID incidentId, String success, Runnable step) {
        String query;
        try {
            step.run();
            query = "done=" + enc(success);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                throw e;
            }
            var p = e.toProblem(null);
            String detail = p.errors() == null || p.errors().isEmpty() ? p.detail()
                    : p.errors().stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
            query = "error=" + enc(p.title() + (detail == null ? "" : ". " + detail));
        }
        return Response.seeOther(URI.create("/console/incidents/" + incidentId + "/announcements?" + query)).build();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
