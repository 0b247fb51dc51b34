package org.herald.subject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** E.164 normalisation with the subject's country as the default region (libphonenumber example numbers). */
class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} is {2} ({3})")
    @CsvSource({
            "07400 123456,       GB, +447400123456,  MOBILE",
            "+44 7400 123456,    US, +447400123456,  MOBILE",
            "(201) 555-0123,     US, +12015550123,   FIXED_LINE_OR_MOBILE",
            "030 123456,         DE, +4930123456,    FIXED_LINE",
            "01512 3456789,      DE, +4915123456789, MOBILE",
            "06 12 34 56 78,     FR, +33612345678,   MOBILE",
            "01 23 45 67 89,     FR, +33123456789,   FIXED_LINE",
            "0412 345 678,       AU, +61412345678,   MOBILE",
            "090-1234-5678,      JP, +819012345678,  MOBILE",
            "081234 56789,       IN, +918123456789,  MOBILE",
            "(11) 96123-4567,    BR, +5511961234567, MOBILE",
            "06-12345678,        NL, +31612345678,   MOBILE",
            "00 33 6 12 34 56 78, DE, +33612345678,  MOBILE",
    })
    void numbersAreWrittenInE164WithTheirLineType(String raw, String country, String e164, String lineType)
            throws PhoneNumbers.InvalidPhone {
        PhoneNumbers.Phone phone = PhoneNumbers.normalise(raw, country);
        assertEquals(e164, phone.e164());
        assertEquals(lineType, phone.lineType());
    }

    @Test
    void aNumberWithItsInternationalPrefixNeedsNoCountry() throws PhoneNumbers.InvalidPhone {
        assertEquals("+33612345678", PhoneNumbers.normalise("+33 6 12 34 56 78", null).e164());
    }

    @Test
    void aNationalNumberWithoutCountryCannotBeRead() {
        PhoneNumbers.InvalidPhone e = assertThrows(PhoneNumbers.InvalidPhone.class,
                () -> PhoneNumbers.normalise("06 12 34 56 78", null));
        assertTrue(e.getMessage().contains("no valid country calling code"), e.getMessage());
    }

    @Test
    void textIsNotAPhoneNumber() {
        assertThrows(PhoneNumbers.InvalidPhone.class, () -> PhoneNumbers.normalise("call me", "GB"));
        assertThrows(PhoneNumbers.InvalidPhone.class, () -> PhoneNumbers.normalise("", "GB"));
    }

    @Test
    void aNumberOutsideTheNumberingPlanIsRefused() {
        PhoneNumbers.InvalidPhone e = assertThrows(PhoneNumbers.InvalidPhone.class,
                () -> PhoneNumbers.normalise("12", "GB"));
        assertTrue(e.getMessage().contains("not a valid phone number"), e.getMessage());
    }

    @Test
    void theLineTypeIsLeftOutWhenThePlanDoesNotTell() throws PhoneNumbers.InvalidPhone {
        // Fixed line and mobile share a range in the US: the plan says "either", which is kept as said.
        assertEquals("FIXED_LINE_OR_MOBILE", PhoneNumbers.normalise("2015550123", "US").lineType());
        assertNull(new PhoneNumbers.Phone("+10000000000", null).lineType());
    }
}
