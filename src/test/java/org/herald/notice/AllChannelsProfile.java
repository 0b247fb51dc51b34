package org.herald.notice;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Every channel against a stand-in for its provider: GreenMail (SMTP), the Twilio API stand-in
 * (SMS), an FCM stand-in (push, direct mode) and the print-house letter mode.
 */
public class AllChannelsProfile implements QuarkusTestProfile {

    /** Phone calls (sandbox here) at one per 100 s, so a forecast can miss a due time with one notice. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("herald.notice.rate.sandbox", "0.01");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NoticeProviders.class), new TestResourceEntry(FcmStandIn.class));
    }
}
