package org.herald.subject.imports;

import java.util.stream.Collectors;

/**
 * The canonical text of a valid subject row, fed to a keyed hash: equal rows give equal hashes,
 * so a re-import can tell "unchanged" without decrypting anything.
 */
final class SubjectContent {

    private static final char FIELD = '\u001f';
    private static final char ITEM = '\u001e';

    private SubjectContent() {
    }

    static String canonical(ValidSubject s) {
        StringBuilder b = new StringBuilder(256);
        field(b, s.displayName());
        field(b, s.locale());
        field(b, s.country());
        field(b, s.region());
        field(b, String.valueOf(s.minor()));
        field(b, s.birthYear() == null ? null : s.birthYear().toString());
        field(b, String.valueOf(s.deceased()));
        field(b, s.guardianName());
        field(b, s.nextOfKinName());
        for (ValidSubject.Contact c : s.contacts()) {
            b.append(ITEM).append(c.owner()).append(':').append(c.kind()).append(':').append(c.position()).append(':')
                    .append(c.lineType()).append(':').append(c.value());
        }
        b.append(FIELD);
        for (ValidSubject.Push p : s.push()) {
            b.append(ITEM).append(p.platform()).append(':').append(p.active()).append(':').append(p.token());
        }
        b.append(FIELD);
        for (ValidSubject.Address a : s.addresses()) {
            b.append(ITEM).append(a.owner()).append(':').append(a.country()).append(':')
                    .append(String.join("\n", a.parts().lines())).append(':').append(a.parts().city()).append(':')
                    .append(a.parts().region()).append(':').append(a.parts().postalCode());
        }
        b.append(FIELD);
        field(b, s.channels().stream().map(Enum::name).collect(Collectors.joining(",")));
        field(b, String.valueOf(s.marketingOptOut()));
        return b.toString();
    }

    private static void field(StringBuilder b, String value) {
        b.append(value == null ? "\u0000" : value).append(FIELD);
    }
}
