package org.herald.subject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.herald.security.BlindIndex;
import org.herald.security.FieldCipher;
import org.herald.shared.Page;
import org.herald.shared.problem.ProblemException;

/** Reads the registry for people: opens sealed values and masks them as the caller's {@link Disclosure} requires. */
@ApplicationScoped
public class SubjectService {

    private final DataSubjectRepository subjects;
    private final FieldCipher cipher;
    private final BlindIndex index;
    private final ObjectMapper json;

    SubjectService(DataSubjectRepository subjects, FieldCipher cipher, BlindIndex index, ObjectMapper json) {
        this.subjects = subjects;
        this.cipher = cipher;
        this.index = index;
        this.json = json;
    }

    @Transactional
    public SubjectView view(UUID id, Disclosure disclosure) {
        DataSubject subject = subjects.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Subject", id));
        return view(subject, disclosure);
    }

    /** Exact look-up by e-mail address, through the blind index. */
    @Transactional
    public Page<SubjectView> byEmail(String email, int page, int size, Disclosure disclosure) {
        String normal = EmailAddresses.normalise(email)
                .orElseThrow(() -> ProblemException.invalid("email", "is not a valid e-mail address"));
        return byContact(ContactKind.EMAIL, EmailAddresses.indexForm(normal), page, size, disclosure);
    }

    /** Exact look-up by phone number; a number without international prefix is read as one of {@code country}. */
    @Transactional
    public Page<SubjectView> byPhone(String phone, String country, int page, int size, Disclosure disclosure) {
        String region = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        if (region != null && !Jurisdictions.isCountry(region)) {
            throw ProblemException.invalid("country", "is not an ISO 3166-1 alpha-2 country code");
        }
        try {
            return byContact(ContactKind.PHONE, PhoneNumbers.normalise(phone, region).e164(), page, size, disclosure);
        } catch (PhoneNumbers.InvalidPhone e) {
            throw ProblemException.invalid("phone", e.getMessage());
        }
    }

    private Page<SubjectView> byContact(ContactKind kind, String indexForm, int page, int size, Disclosure disclosure) {
        byte[] key = ContactIndex.of(index, kind, indexForm);
        List<SubjectView> items = subjects.byContact(kind, key, page, size).stream()
                .map(s -> view(s, disclosure)).toList();
        return new Page<>(items, page, size, subjects.countByContact(kind, key));
    }

    private SubjectView view(DataSubject s, Disclosure d) {
        List<ContactPoint> contacts = s.contacts();
        return new SubjectView(s.id(), s.sourceSystem(), s.externalRef(), name(s.displayNameEnc(), d), s.locale(),
                s.country(), s.region(), s.minor(), s.birthYear(), s.deceased(),
                contacts(contacts, ContactOwner.SUBJECT, ContactKind.EMAIL, d),
                contacts(contacts, ContactOwner.SUBJECT, ContactKind.PHONE, d),
                s.pushRegistrations().stream().map(p -> new SubjectView.Push(p.platform(),
                        d.contactsInClear() ? cipher.decrypt(p.tokenEnc()) : Masking.token(cipher.decrypt(p.tokenEnc())),
                        p.active())).toList(),
                address(s, ContactOwner.SUBJECT, d).orElse(null),
                person(s, s.guardianNameEnc(), ContactOwner.GUARDIAN, contacts, d),
                person(s, s.nextOfKinNameEnc(), ContactOwner.NEXT_OF_KIN, contacts, d),
                s.channelPreference(), s.marketingOptOut(),
                s.holdings().stream().map(h -> new SubjectView.HoldingView(h.systemName(), h.category(), h.since(),
                        h.until())).toList(),
                d, s.updatedAt());
    }

    private SubjectView.Person person(DataSubject s, String nameEnc, ContactOwner owner, List<ContactPoint> contacts,
            Disclosure d) {
        List<SubjectView.Contact> emails = contacts(contacts, owner, ContactKind.EMAIL, d);
        List<SubjectView.Contact> phones = contacts(contacts, owner, ContactKind.PHONE, d);
        Optional<SubjectView.Address> address = address(s, owner, d);
        if (nameEnc == null && emails.isEmpty() && phones.isEmpty() && address.isEmpty()) {
            return null;
        }
        return new SubjectView.Person(name(nameEnc, d), emails, phones, address.orElse(null));
    }

    private List<SubjectView.Contact> contacts(List<ContactPoint> all, ContactOwner owner, ContactKind kind,
            Disclosure d) {
        return all.stream().filter(c -> c.owner() == owner && c.kind() == kind).map(c -> {
            String value = cipher.decrypt(c.valueEnc());
            String shown = d.contactsInClear() ? value
                    : kind == ContactKind.EMAIL ? Masking.email(value) : Masking.phone(value);
            return new SubjectView.Contact(shown, c.lineType());
        }).toList();
    }

    private Optional<SubjectView.Address> address(DataSubject s, ContactOwner owner, Disclosure d) {
        return s.postalAddresses().stream().filter(a -> a.owner() == owner).findFirst().map(a -> {
            AddressParts parts = parts(cipher.decrypt(a.addressEnc()));
            if (d.contactsInClear()) {
                return new SubjectView.Address(parts.lines(), parts.city(), parts.region(), parts.postalCode(),
                        a.country());
            }
            // Masked: where the letter would go (country, region), never the street.
            return new SubjectView.Address(parts.lines().stream().map(Masking::text).toList(), Masking.text(parts.city()),
                    parts.region(), Masking.text(parts.postalCode()), a.country());
        });
    }

    private String name(String sealed, Disclosure d) {
        String name = cipher.decrypt(sealed);
        return d.namesInClear() ? name : Masking.name(name);
    }

    private AddressParts parts(String jsonText) {
        try {
            return json.readValue(jsonText, AddressParts.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored address is not the JSON Herald wrote", e);
        }
    }
}
