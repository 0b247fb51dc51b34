package org.herald.notice;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.herald.security.Role;
import org.herald.shared.Page;
import org.herald.shared.problem.ProblemException;

/** Notice campaigns: four-eyes approval, start/pause/resume/cancel, progress and proof of notice. */
@Path("/api/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final NoticeProofs proofs;

    CampaignResource(CampaignService campaigns, NoticeProofs proofs) {
        this.campaigns = campaigns;
        this.proofs = proofs;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A campaign with its forecast, warnings and progress per channel",
            description = "Progress counts notices by state. `held` counts letters waiting in Herald's print queue "
                    + "for their batch to be handed to the print house: in flight, neither sent nor done. A campaign "
                    + "completes when nothing is queued, waiting for a retry or held.")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public CampaignView get(@PathParam("id") UUID id) {
        return campaigns.view(id);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve a planned campaign (a privacy officer other than its planner); binds to the content and wording hash")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView approve(@PathParam("id") UUID id, CampaignService.ApproveRequest request) {
        return campaigns.approve(id, request);
    }

    @POST
    @Path("/{id}/start")
    @Operation(summary = "Start sending an approved campaign")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView start(@PathParam("id") UUID id) {
        return campaigns.start(id);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause a running campaign; attempts in flight finish")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView pause(@PathParam("id") UUID id) {
        return campaigns.pause(id);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused campaign (its approval must still hold)")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView resume(@PathParam("id") UUID id) {
        return campaigns.resume(id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a campaign; notices not yet sent are cancelled",
            description = "HELD notices (letters already in the print queue) are not cancelled: they go out with "
                    + "their batch and become SENT when it is handed to print.")
    @RolesAllowed({Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public CampaignView cancel(@PathParam("id") UUID id) {
        return campaigns.cancel(id);
    }

    @GET
    @Path("/{id}/notices")
    @Operation(summary = "Proof of notice, page by page: obligations, attempts, provider references, SHA-256 of the content",
            description = "Notice states: QUEUED, RETRY_SCHEDULED, HELD (a letter waiting for its print batch to be "
                    + "handed to the print house), SENT, DELIVERED, UNREACHABLE, CANCELLED, SETTLED. Attempt outcomes: "
                    + "DELIVERED, ACCEPTED, HELD, RETRYABLE, PERMANENT, OPTED_OUT; a held letter's hand-over is the "
                    + "attempt's feedback ACCEPTED (code handed-to-print) at feedbackAt.")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Page<NoticeProofs.NoticeProof> notices(@PathParam("id") UUID id, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return proofs.page(id, page, size);
    }

    @GET
    @Path("/{id}/notices.csv")
    @Produces("text/csv")
    @Operation(summary = "Proof of notice as CSV, one line per attempt")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
    public Response noticesCsv(@PathParam("id") UUID id) {
        campaigns.view(id); // 404 before streaming starts
        StreamingOutput body = out -> {
            // The CSV printer flushes and closes the writer when done.
            proofs.csv(id, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
        };
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"campaign-" + id + "-notices.csv\"").build();
    }

}
