package org.herald.subject;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Normalises phone numbers to E.164 with libphonenumber. A number written without an international
 * prefix is read as a number of the subject's country; the line type (mobile, fixed line, …) is
 * kept when the numbering plan tells it, because SMS only reaches mobiles.
 */
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** A number in E.164 form with its line type, or {@code null} when the plan does not say. */
    public record Phone(String e164, String lineType) {
    }

    /** Why a number was refused, in words an importer can act on. */
    public static final class InvalidPhone extends Exception {
        InvalidPhone(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * @param defaultRegion ISO 3166-1 alpha-2 country used for numbers without an international prefix
     */
    public static Phone normalise(String raw, String defaultRegion) throws InvalidPhone {
        if (raw == null || raw.isBlank()) {
            throw new InvalidPhone("is empty");
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(raw.strip(), defaultRegion == null ? "ZZ" : defaultRegion);
        } catch (NumberParseException e) {
            throw new InvalidPhone(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "cannot be read as a phone number: no valid country calling code"
                        + (defaultRegion == null ? " and no country to default to" : "");
                case NOT_A_NUMBER -> "cannot be read as a phone number";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "cannot be read as a phone number: too short";
                case TOO_LONG -> "cannot be read as a phone number: too long";
            });
        }
        if (!UTIL.isValidNumber(number)) {
            throw new InvalidPhone("is not a valid phone number for "
                    + UTIL.getRegionCodeForCountryCode(number.getCountryCode()));
        }
        PhoneNumberType type = UTIL.getNumberType(number);
        return new Phone(UTIL.format(number, PhoneNumberFormat.E164), type == PhoneNumberType.UNKNOWN ? null : type.name());
    }

    /** The country calling code of an E.164 number, e.g. "44" for +447400123456; empty if unknown. */
    public static String callingCode(String e164) {
        try {
            return String.valueOf(UTIL.parse(e164, "ZZ").getCountryCode());
        } catch (NumberParseException e) {
            return "";
        }
    }
}
