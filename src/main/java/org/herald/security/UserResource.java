package org.herald.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Users and roles, managed by administrators; {@code /api/me} tells anyone who they are. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService service;
    private final SecurityIdentity identity;

    UserResource(UserService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    /** A new user. Passwords are at least 12 characters: long beats complex. */
    public record UserForm(
            @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9._-]{1,63}$", message = "2-64 lower-case letters, digits, '.', '_' or '-'") String username,
            @NotBlank @Size(max = 200) String displayName,
            @NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
            @NotEmpty Set<Role> roles) {
    }

    /** A change to a user: only the fields present are applied. */
    public record UserChange(@Size(min = 1, max = 200) String displayName,
            @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
            @Size(min = 1) Set<Role> roles, Boolean enabled) {
    }

    public record UserView(UUID id, String username, String displayName, Set<Role> roles, boolean enabled,
            Instant createdAt) {
        static UserView of(AppUser u) {
            return new UserView(u.id(), u.username(), u.displayName(), u.roles(), u.enabled(), u.createdAt());
        }
    }

    /** The caller and the roles they act in. */
    public record Me(String username, Set<String> roles) {
    }

    @GET
    @Path("/me")
    @Authenticated
    public Me me() {
        return new Me(identity.getPrincipal().getName(), new TreeSet<>(identity.getRoles()));
    }

    @GET
    @Path("/users")
    @RolesAllowed(Role.ADMIN_NAME)
    public List<UserView> list() {
        return service.list().stream().map(UserView::of).toList();
    }

    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response create(@Valid @NotNull UserForm form) {
        AppUser user = service.create(form.username(), form.displayName(), form.password(), form.roles());
        return Response.created(URI.create("/api/users/" + user.id())).entity(UserView.of(user)).build();
    }

    @PATCH
    @Path("/users/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    public UserView change(@PathParam("id") UUID id, @Valid @NotNull UserChange change) {
        return UserView.of(service.change(id, change.displayName(), change.password(), change.roles(), change.enabled()));
    }
}
