package org.herald.notice;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** Notice tests send through real protocol stand-ins: GreenMail for SMTP, WireMock for Twilio. */
public class NoticeProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NoticeProviders.class));
    }
}
