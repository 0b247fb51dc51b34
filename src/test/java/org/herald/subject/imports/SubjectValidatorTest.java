package org.herald.subject.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.herald.subject.ContactKind;
import org.herald.subject.ContactOwner;
import org.herald.subject.PreferredChannel;
import org.junit.jupiter.api.Test;

/** Row validation as a plain unit: normal forms on the way in, every problem of a row at once. */
class SubjectValidatorTest {

    private final SubjectValidator validator = new SubjectValidator(2026, new ObjectMapper());

    private static SubjectInput row() {
        SubjectInput in = new SubjectInput(2);
        in.externalRef = "R-1";
        in.country = "gb";
        return in;
    }

    @Test
    void valuesAreBroughtToTheirNormalForms() {
        SubjectInput in = row();
        in.locale = "en_gb";
        in.region = "gb-sct";
        in.emails = List.of("Test.Person@EXAMPLE.org");
        in.phones = List.of("07400 123456");
        in.channelPreference = List.of("sms", "email", "sms");

        ValidSubject valid = validator.validate(in, "crm");

        assertNotNull(valid, in.errors.toString());
        assertEquals("crm", valid.sourceSystem());
        assertEquals("GB", valid.country());
        assertEquals("GB-SCT", valid.region());
        assertEquals("en-GB", valid.locale());
        assertEquals(List.of(PreferredChannel.SMS, PreferredChannel.EMAIL), valid.channels());
        assertEquals(new ValidSubject.Contact(ContactOwner.SUBJECT, ContactKind.EMAIL, "Test.Person@example.org",
                "test.person@example.org", null, 0), valid.contacts().get(0));
        assertEquals("+447400123456", valid.contacts().get(1).value());
        assertEquals("MOBILE", valid.contacts().get(1).lineType());
    }

    @Test
    void aRowWithSeveralProblemsReportsEachOfThem() {
        SubjectInput in = row();
        in.externalRef = " ";
        in.country = "Narnia";
        in.emails = List.of("ok@example.org", "broken@");
        in.birthYear = "2099";

        assertNull(validator.validate(in, null));

        assertEquals(List.of("sourceSystem", "externalRef", "country", "birthYear", "emails[1]"),
                in.errors.stream().map(RowError::field).toList());
    }

    @Test
    void theSameAddressTwiceIsKeptOnce() {
        SubjectInput in = row();
        in.emails = List.of("same@example.org", "SAME@example.org");
        assertEquals(1, validator.validate(in, "crm").contacts().size());
    }

    @Test
    void aGuardiansNationalNumberIsReadInTheSubjectsCountry() {
        SubjectInput in = row();
        in.minor = "yes";
        in.guardian = new SubjectInput.Person("Test Guardian", List.of(), List.of("07400 123456"), null);
        ValidSubject valid = validator.validate(in, "crm");
        assertEquals(ContactOwner.GUARDIAN, valid.contacts().get(0).owner());
        assertEquals("+447400123456", valid.contacts().get(0).value());
        assertEquals("Test Guardian", valid.guardianName());
    }

    @Test
    void aWebPushSubscriptionNeedsAnHttpsEndpointAndBothKeys() {
        SubjectInput in = row();
        in.push = List.of(new SubjectInput.Push("push[0]", "WEBPUSH",
                "{\"endpoint\":\"http://push.example.org/x\",\"keys\":{\"p256dh\":\"a\",\"auth\":\"b\"}}", null));
        assertNull(validator.validate(in, "crm"));
        assertEquals("push[0]", in.errors.get(0).field());
    }
}
