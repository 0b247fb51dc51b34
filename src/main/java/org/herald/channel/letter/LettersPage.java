package org.herald.channel.letter;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;
import org.herald.shared.problem.ProblemException;

/** The console's letters: the latest rendered letters (sandbox or queued for print) with their PDFs. */
@Path("/console/letters")
@RolesAllowed({Role.ANALYST_NAME, Role.PRIVACY_OFFICER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class LettersPage {

    private static final int RECENT = 50;

    private final Template page;
    private final LetterOffice office;
    private final ConsoleSession session;

    LettersPage(@Location("console/letters.html") Template page, LetterOffice office, ConsoleSession session) {
        this.page = page;
        this.office = office;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show() {
        return page.data("session", session).data("letters", office.newest(0, RECENT));
    }

    @GET
    @Path("/{id}.pdf")
    @Produces("application/pdf")
    public Response pdf(@PathParam("id") UUID id) {
        Letter letter = office.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("letter", id));
        return Response.ok(letter.pdf(), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"letter-" + letter.barcode() + ".pdf\"").build();
    }
}
