package org.herald.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void anEmailKeepsItsFirstLetterAndDomain() {
        assertEquals("j***@example.org", Masking.email("jo.test@example.org"));
    }

    @Test
    void aPhoneKeepsItsCountryCodeAndLastThreeDigits() {
        assertEquals("+44*******123", Masking.phone("+447700900123"));
        assertEquals("+1*******123", Masking.phone("+12015550123"));
    }

    @Test
    void aNameKeepsItsInitials() {
        assertEquals("T*** P*** 7***", Masking.name("Test Person 7"));
    }

    @Test
    void nothingStaysNothing() {
        assertNull(Masking.email(null));
        assertNull(Masking.phone(null));
        assertNull(Masking.name(null));
    }
}
