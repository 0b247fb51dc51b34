package org.herald.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.security.ConsoleSession;
import org.jboss.resteasy.reactive.RestForm;

/** The console's entry: sign in, the start page, sign out. Features add their own pages. */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class ConsoleResource {

    private final Template login;
    private final Template home;
    private final ConsoleSession session;
    private final String cookieName;

    ConsoleResource(@Location("console/login.html") Template login, @Location("console/home.html") Template home,
            ConsoleSession session, @ConfigProperty(name = "quarkus.http.auth.form.cookie-name") String cookieName) {
        this.login = login;
        this.home = home;
        this.session = session;
        this.cookieName = cookieName;
    }

    @GET
    @Path("/login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("signedOut") boolean signedOut) {
        return login.data("error", error).data("signedOut", signedOut);
    }

    @GET
    @Authenticated
    public TemplateInstance home() {
        return home.data("session", session);
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout(@RestForm String csrf) {
        session.requireCsrf(csrf);
        NewCookie expired = new NewCookie.Builder(cookieName).path("/").maxAge(0).value("").httpOnly(true).build();
        return Response.seeOther(URI.create("/console/login?signedOut=true")).cookie(expired).build();
    }
}
