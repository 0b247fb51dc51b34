package org.herald.announcement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.security.Role;

/** The announcement API of an incident: the decision, the proposal, publication, revisions, withdrawal, media checklist. */
@Path("/api/incidents/{incidentId}/announcements")
@Produces(MediaType.APPLICATION_JSON)
public class AnnouncementResource {

    private final AnnouncementService service;
    private final PressRelease pressRelease;

    AnnouncementResource(AnnouncementService service, PressRelease pressRelease) {
        this.service = service;
        this.pressRelease = pressRelease;
    }

    @GET
    @Path("/decision")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "Whether a substitute notice is allowed now, per rule, with the facts and numbers checked")
    public SubstituteNoticeEvaluation decision(@PathParam("incidentId") UUID incidentId,
            @QueryParam("judgement") String judgement) {
        return service.evaluate(incidentId, judgement);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME})
    @Operation(summary = "Propose a public announcement with the decision reason and rule (published at once where a rule is configured to auto-publish)")
    public Response propose(@PathParam("incidentId") UUID incidentId, AnnouncementRequests.Proposal proposal) {
        AnnouncementView created = service.propose(incidentId, proposal);
        return Response.created(URI.create("/api/incidents/" + incidentId + "/announcements/" + created.id()))
                .entity(created).build();
    }

    @GET
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "The incident's announcements, newest first")
    public List<AnnouncementView> list(@PathParam("incidentId") UUID incidentId) {
        return service.list(incidentId);
    }

    @GET
    @Path("/{announcementId}")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "One announcement with its decision, revisions and settlements")
    public AnnouncementView get(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id) {
        return service.get(incidentId, id);
    }

    @POST
    @Path("/{announcementId}/publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Approve and publish a proposed announcement (privacy officer)")
    public AnnouncementView publish(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id,
            AnnouncementRequests.Publication publication) {
        return service.publish(incidentId, id, publication);
    }

    @POST
    @Path("/{announcementId}/revise")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Publish a new revision from the incident's current content; the page shows it was updated")
    public AnnouncementView revise(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id,
            AnnouncementRequests.Revision revision) {
        return service.revise(incidentId, id, revision);
    }

    @POST
    @Path("/{announcementId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Withdraw an announcement; refused with the reason before the rules' minimum posting time ends")
    public AnnouncementView withdraw(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id,
            AnnouncementRequests.Withdrawal withdrawal) {
        return service.withdraw(incidentId, id, withdrawal);
    }

    @GET
    @Path("/{announcementId}/press-release")
    @Produces({MediaType.TEXT_HTML, "application/pdf"})
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "The press release of the media pack, as HTML or PDF (format=html|pdf, lang=en|zh-CN)")
    public Response pressRelease(@PathParam("incidentId") UUID incidentId, @PathParam("announcementId") UUID id,
            @QueryParam("format") String format, @QueryParam("lang") String lang) {
        AnnouncementView a = service.get(incidentId, id);
        if ("pdf".equalsIgnoreCase(format)) {
            return Response.ok(pressRelease.pdf(a, lang), "application/pdf")
                    .header("Content-Disposition", "attachment; filename=\"press-release-" + a.slug() + ".pdf\"").build();
        }
        return Response.ok(pressRelease.html(a, lang), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Path("/media-checklist")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME})
    @Operation(summary = "The media notices the rules require, with what was done")
    public List<MediaTaskView> mediaChecklist(@PathParam("incidentId") UUID incidentId) {
        return service.mediaChecklist(incidentId).stream().map(MediaTaskView::of).toList();
    }

    @POST
    @Path("/media-checklist/{taskId}/done")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.PRIVACY_OFFICER_NAME)
    @Operation(summary = "Mark a media notice done, with its evidence (privacy officer)")
    public MediaTaskView mediaDone(@PathParam("incidentId") UUID incidentId, @PathParam("taskId") UUID taskId,
            AnnouncementRequests.MediaDone done) {
        return MediaTaskView.of(service.markMediaDone(incidentId, taskId, done == null ? null : done.evidence()));
    }
}
