package org.herald.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressesTest {

    @Test
    void theDomainIsLowerCasedAndTheLocalPartKept() {
        assertEquals("Jo.Test@example.org", EmailAddresses.normalise("  Jo.Test@EXAMPLE.org ").orElseThrow());
    }

    @Test
    void theIndexFormIgnoresCase() {
        assertEquals("jo.test@example.org", EmailAddresses.indexForm("Jo.Test@example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"plainaddress", "@example.org", "jo@", "jo@example", "jo..test@example.org",
            "jo test@example.org", "jo@-example.org", "jo@example.123", ".jo@example.org", "jo@exa_mple.org"})
    void undeliverableSyntaxIsRefused(String raw) {
        assertTrue(EmailAddresses.normalise(raw).isEmpty(), raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jo@example.org", "jo+alerts@example.co.uk", "o'test@example.com", "x@sub.example.org"})
    void deliverableSyntaxIsAccepted(String raw) {
        assertTrue(EmailAddresses.normalise(raw).isPresent(), raw);
    }
}
