package org.herald.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.UUID;
import org.herald.testing.TestUsers;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Push notifications and phone calls recorded in sandbox mode can be read in the console, without tokens or numbers. */
@QuarkusTest
class SandboxPageTest {

    @Inject
    ChannelSenders senders;

    private static String signInAsAuditor() {
        TestUsers.asAuditor(); // makes sure the user exists
        Response r = RestAssured.given().redirects().follow(false)
                .formParam("j_username", "auditor").formParam("j_password", TestUsers.PASSWORD)
                .post("/j_security_check");
        assertThat(r.statusCode()).isEqualTo(302);
        return r.getCookie("herald-session");
    }

    @Test
    void sandboxPushesAndCallsAreShownOnTheSandboxPage() {
        String token = "fcm-sandbox-page-token-" + UUID.randomUUID();
        IdempotencyKey pushKey = new IdempotencyKey(UUID.randomUUID(), 1);
        IdempotencyKey callKey = new IdempotencyKey(UUID.randomUUID(), 2);
        DeliveryOutcome pushed = senders.send(OutgoingMessage.push(pushKey, new PushAddress(PushAddress.Platform.FCM, token),
                Locale.ENGLISH, "Sandbox page notice", "Read what happened.", "https://notices.example.org/n/sandbox"));
        DeliveryOutcome called = senders.send(OutgoingMessage.voice(callKey, "+12025550177", Locale.ENGLISH,
                "This is a sandbox call about a data incident."));
        assertThat(pushed.kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);
        assertThat(called.kind()).isEqualTo(DeliveryOutcome.Kind.DELIVERED);

        String html = RestAssured.given().cookie("herald-session", signInAsAuditor()).get("/console/sandbox").then()
                .statusCode(200).extract().asString();
        Document page = Jsoup.parse(html);
        Element push = page.selectFirst("#pushes tr[data-key=\"" + pushKey.value() + "\"]");
        assertThat(push).as("the push is listed").isNotNull();
        assertThat(push.text()).contains("FCM", "Sandbox page notice", "Read what happened.",
                "https://notices.example.org/n/sandbox");
        Element call = page.selectFirst("#calls tr[data-key=\"" + callKey.value() + "\"]");
        assertThat(call).as("the call is listed").isNotNull();
        assertThat(call.text()).contains("This is a sandbox call about a data incident.");
        assertThat(html).doesNotContain(token).doesNotContain("+12025550177").doesNotContain("555-0177");
        assertThat(page.select("nav a[href=/console/sandbox]")).hasSize(1);

        RestAssured.given().redirects().follow(false).get("/console/sandbox").then().statusCode(303);
    }
}
