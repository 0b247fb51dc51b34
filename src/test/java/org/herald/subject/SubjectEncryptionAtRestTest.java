package org.herald.subject;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.herald.security.BlindIndex;
import org.herald.security.FieldCipher;
import org.herald.testing.TestUsers;
import org.junit.jupiter.api.Test;

/** What lies in the database is ciphertext; exact look-ups go through the blind index. */
@QuarkusTest
class SubjectEncryptionAtRestTest {

    private static final Pattern SEALED = Pattern.compile("k1:[A-Za-z0-9+/]+=*");
    private static final String SOURCE = "at-rest";

    @Inject
    FieldCipher cipher;
    @Inject
    BlindIndex index;

    @Test
    void namesAndContactValuesAreStoredAsCiphertextOnly() {
        Imports.importCsv("subjects", SOURCE, """
                external_ref,country,display_name,emails,phones,guardian_name,address_line1,address_postal_code
                E-1,GB,Test Person Atrest,Atrest.Person@Example.org,07400 123456,Test Guardian Atrest,1 Example Street,EX1 1AA
                """);

        Map<String, Object> subject = Db.rows("SELECT * FROM data_subject WHERE source_system = ?", SOURCE).get(0);
        String sealedName = (String) subject.get("display_name_enc");
        assertTrue(SEALED.matcher(sealedName).matches(), sealedName);
        assertFalse(sealedName.contains("Atrest"));
        assertEquals("Test Person Atrest", cipher.decrypt(sealedName));
        assertEquals("Test Guardian Atrest", cipher.decrypt((String) subject.get("guardian_name_enc")));

        List<Map<String, Object>> contacts = Db.rows("""
                SELECT c.kind, c.value_enc, c.value_index FROM subject_contact c
                  JOIN data_subject s ON s.id = c.subject_id WHERE s.source_system = ? ORDER BY c.kind""", SOURCE);
        assertEquals(2, contacts.size());
        for (Map<String, Object> c : contacts) {
            String sealed = (String) c.get("value_enc");
            assertTrue(SEALED.matcher(sealed).matches(), sealed);
            assertFalse(sealed.toLowerCase().contains("atrest") || sealed.contains("7400123456"), sealed);
        }
        assertEquals("Atrest.Person@example.org", cipher.decrypt((String) contacts.get(0).get("value_enc")));
        assertEquals("+447400123456", cipher.decrypt((String) contacts.get(1).get("value_enc")));
        assertArrayEquals(index.of("email", "atrest.person@example.org"),
                HexFormat.of().parseHex((String) contacts.get(0).get("value_index")));
        assertArrayEquals(index.of("phone", "+447400123456"),
                HexFormat.of().parseHex((String) contacts.get(1).get("value_index")));

        String address = (String) Db.rows("""
                SELECT a.address_enc FROM subject_postal_address a JOIN data_subject s ON s.id = a.subject_id
                 WHERE s.source_system = ?""", SOURCE).get(0).get("address_enc");
        assertTrue(SEALED.matcher(address).matches());
        assertFalse(address.contains("Example Street"));

        // Nothing in the row reads as the person: not even a hash of the plain value without the key.
        String wholeRow = subject.toString() + contacts;
        assertFalse(wholeRow.contains("Atrest") || wholeRow.contains("example.org") || wholeRow.contains("7400"));
    }

    @Test
    void aSubjectIsFoundByEmailInAnyCaseAndByPhoneInAnyNotation() {
        Imports.importCsv("subjects", SOURCE, """
                external_ref,country,emails,phones
                E-2,US,Lookup.Person@example.org,(303) 555-0142
                E-3,US,someone.else@example.org,(303) 555-0143
                """);

        TestUsers.asOfficer().queryParam("email", "  LOOKUP.person@EXAMPLE.ORG ").get("/api/subjects").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].externalRef", equalTo("E-2"));
        TestUsers.asOfficer().queryParam("phone", "+1 303-555-0142").get("/api/subjects").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].externalRef", equalTo("E-2"));
        TestUsers.asOfficer().queryParam("phone", "303 555 0142").queryParam("country", "us").get("/api/subjects").then()
                .statusCode(200).body("items[0].externalRef", equalTo("E-2"));
        TestUsers.asOfficer().queryParam("email", "nobody@example.org").get("/api/subjects").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aLookUpNeedsExactlyOneWellFormedValue() {
        TestUsers.asAnalyst().get("/api/subjects").then().statusCode(400);
        TestUsers.asAnalyst().queryParam("email", "a@example.org").queryParam("phone", "+12025550142")
                .get("/api/subjects").then().statusCode(400);
        TestUsers.asAnalyst().queryParam("email", "not-an-email").get("/api/subjects").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        TestUsers.asAnalyst().queryParam("phone", "call me").get("/api/subjects").then().statusCode(400)
                .body("errors[0].field", equalTo("phone"));
    }
}
