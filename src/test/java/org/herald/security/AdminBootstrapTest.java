package org.herald.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.herald.audit.AuditEntryRepository;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminBootstrapTest {

    @Inject
    AppUserRepository users;
    @Inject
    AuditEntryRepository audit;

    @Test
    void firstStartCreatesAnAdminWithTheConfiguredPasswordAndAuditsIt() {
        AppUser admin = QuarkusTransaction.requiringNew().call(() -> users.byUsername("admin").orElseThrow());
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.passwordMatches(TestUsers.ADMIN_PASSWORD)).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> audit.forEntity("user", admin.id().toString())))
                .anySatisfy(e -> {
                    assertThat(e.action()).isEqualTo("created");
                    assertThat(e.actor()).isEqualTo("system");
                });
    }

    @Test
    void passwordsAreStoredAsBcryptNeverInClear() {
        TestUsers.asAnalyst();
        String stored = QuarkusTransaction.requiringNew().call(() ->
                (String) users.getEntityManager().createNativeQuery(
                        "SELECT password_hash FROM app_user WHERE username = 'analyst'").getSingleResult());
        assertThat(stored).startsWith("$2a$12$").doesNotContain(TestUsers.PASSWORD);
    }
}
