package org.herald.subject.imports;

import java.util.List;
import org.herald.subject.AddressParts;
import org.herald.subject.ContactKind;
import org.herald.subject.ContactOwner;
import org.herald.subject.PreferredChannel;
import org.herald.subject.PushPlatform;

/** A subject row that passed validation, every value in its normal form, ready to be sealed and written. */
record ValidSubject(long row, String sourceSystem, String externalRef, String displayName, String locale,
        String country, String region, boolean minor, Integer birthYear, boolean deceased, String guardianName,
        String nextOfKinName, List<Contact> contacts, List<Push> push, List<Address> addresses,
        List<PreferredChannel> channels, boolean marketingOptOut) implements ImportRow.Valid {

    /** @param indexForm the normalised value the blind index covers */
    record Contact(ContactOwner owner, ContactKind kind, String value, String indexForm, String lineType, int position) {
    }

    record Push(PushPlatform platform, String token, boolean active) {
    }

    record Address(ContactOwner owner, AddressParts parts, String country) {
    }

    @Override
    public String key() {
        return sourceSystem + '\u0000' + externalRef;
    }
}
