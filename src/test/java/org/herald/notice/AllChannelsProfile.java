package org.herald.notice;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * Every channel against a stand-in for its provider: GreenMail (SMTP), the Twilio API stand-in
 * (SMS), an FCM stand-in (push, direct mode) and the print-house letter mode.
 */
public class AllChannelsProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(NoticeProviders.class), new TestResourceEntry(FcmStandIn.class));
    }
}
