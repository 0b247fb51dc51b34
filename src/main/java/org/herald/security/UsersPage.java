package org.herald.security;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.herald.shared.problem.ProblemException;
import org.jboss.resteasy.reactive.RestForm;

/** The console page where administrators create users and assign roles. */
@Path("/console/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class UsersPage {

    private final Template users;
    private final UserService service;
    private final ConsoleSession session;
    private final Validator validator;

    UsersPage(@Location("console/users.html") Template users, UserService service, ConsoleSession session,
            Validator validator) {
        this.users = users;
        this.service = service;
        this.session = session;
        this.validator = validator;
    }

    @GET
    public TemplateInstance show(@QueryParam("changed") boolean changed) {
        TemplateInstance page = page(Map.of(), Map.of(), false);
        return changed ? page.data("changed", true) : page;
    }

    @POST
    public Object create(@RestForm String csrf, @RestForm String username, @RestForm String displayName,
            @RestForm String password, @RestForm List<String> roles) {
        session.requireCsrf(csrf);
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(r -> r != null && !r.isBlank()).map(Role::valueOf).forEach(chosen::add);
        }
        UserResource.UserForm form = new UserResource.UserForm(username, displayName, password, chosen);
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<UserResource.UserForm> v : validator.validate(form)) {
            errors.put(v.getPropertyPath().toString(), v.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                service.create(username, displayName, password, chosen);
                return Response.seeOther(URI.create("/console/users?created=" + username)).build();
            } catch (ProblemException e) {
                errors.put("username", "is already in use");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("username", username == null ? "" : username);
        values.put("displayName", displayName == null ? "" : displayName);
        return Response.status(400).entity(page(errors, values, true)).build();
    }

    /** Assigns roles and enables or disables a user; an administrator cannot lock themselves out. */
    @POST
    @Path("/{id}")
    public Response change(@PathParam("id") UUID id, @RestForm String csrf, @RestForm List<String> roles,
            @RestForm String enabled) {
        session.requireCsrf(csrf);
        Set<Role> chosen = EnumSet.noneOf(Role.class);
        if (roles != null) {
            roles.stream().filter(r -> r != null && !r.isBlank()).map(Role::valueOf).forEach(chosen::add);
        }
        if (chosen.isEmpty()) {
            throw ProblemException.invalid("roles", "choose at least one role");
        }
        boolean active = "true".equals(enabled);
        AppUser target = service.list().stream().filter(u -> u.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("User", id));
        if (target.username().equals(session.username()) && (!active || !chosen.contains(Role.ADMIN))) {
            throw new ProblemException(409, "self-lockout", "Conflict",
                    "You cannot remove your own administrator role or disable yourself");
        }
        service.change(id, null, null, chosen, active);
        return Response.seeOther(URI.create("/console/users?changed=true")).build();
    }

    private TemplateInstance page(Map<String, String> errors, Map<String, String> values, boolean failed) {
        return users.data("session", session)
                .data("users", service.list())
                .data("roles", Role.values())
                .data("errors", errors)
                .data("values", values)
                .data("failed", failed);
    }
}
