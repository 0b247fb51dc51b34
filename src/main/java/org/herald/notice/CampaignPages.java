package org.herald.notice;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
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
import java.util.Locale;
import java.util.UUID;
import org.herald.channel.Channel;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/**
 * The console's campaign pages (planning is on the incident's campaign list): review the forecast and warnings, approve
 * (a second privacy officer), start, pause, resume or cancel, watch live progress bars, and preview
 * the wording for a sample subject of the campaign.
 */
@Path("/console/campaigns")
@RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class CampaignPages {

    private final Template detail;
    private final Template preview;
    private final CampaignService campaigns;
    private final CampaignPreview previews;
    private final ConsoleSession session;

    CampaignPages(@Location("notice/campaign.html") Template detail, @Location("notice/preview.html") Template preview,
            CampaignService campaigns, CampaignPreview previews, ConsoleSession session) {
        this.detail = detail;
        this.preview = preview;
        this.campaigns = campaigns;
        this.previews = previews;
        this.session = session;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance campaign(@PathParam("id") UUID id, @QueryParam("error") String error) {
        CampaignView c = campaigns.view(id);
        boolean officer = session.has(Role.PRIVACY_OFFICER_NAME);
        return detail.data("session", session).data("c", c).data("error", error)
                .data("mayApprove", officer && c.status() == CampaignStatus.PLANNED && !session.username().equals(c.plannedBy()))
                .data("mayStart", officer && c.status() == CampaignStatus.APPROVED)
                .data("mayPause", (officer || session.has(Role.ANALYST_NAME)) && c.status() == CampaignStatus.RUNNING)
                .data("mayResume", officer && c.status() == CampaignStatus.PAUSED)
                .data("mayCancel", officer && !c.status().isOver())
                .data("channels", List.of(Channel.values()).stream().map(Channel::key).toList());
    }

    @GET
    @Path("/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public CampaignView progress(@PathParam("id") UUID id) {
        return campaigns.view(id);
    }

    @POST
    @Path("/{id}/{action:approve|start|pause|resume|cancel}")
    @RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.ADMIN_NAME})
    public Response act(@PathParam("id") UUID id, @PathParam("action") String action, MultivaluedMap<String, String> params) {
        session.requireCsrf(params.getFirst("csrf"));
        boolean officer = session.has(Role.PRIVACY_OFFICER_NAME);
        try {
            if (!officer && !"pause".equals(action)) {
                throw new ProblemException(403, "forbidden", "Forbidden", "Only a privacy officer may " + action + " a campaign.");
            }
            switch (action) {
                case "approve" -> campaigns.approve(id, new CampaignService.ApproveRequest(params.getFirst("contentHash")));
                case "start" -> campaigns.start(id);
                case "pause" -> campaigns.pause(id);
                case "resume" -> campaigns.resume(id);
                default -> campaigns.cancel(id);
            }
            return Response.seeOther(URI.create("/console/campaigns/" + id)).build();
        } catch (ProblemException e) {
            return Response.seeOther(URI.create("/console/campaigns/" + id + "?error=" + encode(describe(e)))).build();
        }
    }

    @GET
    @Path("/{id}/preview")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance preview(@PathParam("id") UUID id, @QueryParam("channel") String channel,
            @QueryParam("locale") String locale) {
        Channel ch = channel == null ? Channel.EMAIL : Channel.valueOf(channel.toUpperCase(Locale.ROOT));
        CampaignPreview.Preview p = previews.preview(id, ch, locale);
        return preview.data("session", session).data("campaignId", id).data("p", p)
                .data("channels", List.of(Channel.values()).stream().map(Channel::key).toList());
    }

    static String describe(ProblemException e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? "Refused" : e.getMessage());
        var problem = e.toProblem(null);
        if (problem.detail() != null) {
            sb.setLength(0);
            sb.append(problem.detail());
        }
        if (problem.errors() != null) {
            problem.errors().forEach(err -> sb.append(" ").append(err.field()).append(": ").append(err.message()).append("."));
        }
        return sb.length() > 1500 ? sb.substring(0, 1500) + "…" : sb.toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
