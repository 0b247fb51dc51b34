package org.herald.testing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.inject.spi.CDI;
import java.util.EnumSet;
import java.util.Set;
import org.herald.security.AppUserRepository;
import org.herald.security.Role;
import org.herald.security.UserService;

/**
 * One user per role for tests, created on first use. Usernames read as the role they play;
 * passwords are test-only values.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password-123";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private TestUsers() {
    }

    public static RequestSpecification asAnalyst() {
        return as("analyst", Role.ANALYST);
    }

    /** A second analyst, for concurrent-edit stories. */
    public static RequestSpecification asSecondAnalyst() {
        return as("analyst2", Role.ANALYST);
    }

    public static RequestSpecification asOfficer() {
        return as("officer", Role.PRIVACY_OFFICER);
    }

    /** A second privacy officer, for four-eyes stories. */
    public static RequestSpecification asSecondOfficer() {
        return as("officer2", Role.PRIVACY_OFFICER);
    }

    public static RequestSpecification asAuditor() {
        return as("auditor", Role.AUDITOR);
    }

    public static RequestSpecification asAdmin() {
        return RestAssured.given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    /** Ensures a user with exactly these roles exists and returns a request signed in as them. */
    public static RequestSpecification as(String username, Role... roles) {
        ensure(username, EnumSet.copyOf(Set.of(roles)));
        return RestAssured.given().auth().preemptive().basic(username, PASSWORD);
    }

    public static void ensure(String username, Set<Role> roles) {
        AppUserRepository users = CDI.current().select(AppUserRepository.class).get();
        UserService service = CDI.current().select(UserService.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            if (users.byUsername(username).isEmpty()) {
                service.create(username, "Test " + username, PASSWORD, roles);
            }
        });
    }
}
