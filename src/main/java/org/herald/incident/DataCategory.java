package org.herald.incident;

/**
 * The closed vocabulary of personal-data categories, shared by incidents (what was exposed),
 * subject holdings (what a system holds) and the rules (what triggers a law).
 */
public enum DataCategory {
    /** Name with e-mail address, phone number or postal address. */
    CONTACT,
    /** Name, date of birth and similar identifying attributes. */
    IDENTITY,
    /** Government identifiers: social security, national ID, passport, driver's licence, tax numbers. */
    GOVERNMENT_ID,
    /** Usernames or e-mail addresses together with a password or security question. */
    CREDENTIALS,
    /** Payment card numbers, with or without security code. */
    PAYMENT_CARD,
    /** Bank or other financial account numbers. */
    FINANCIAL_ACCOUNT,
    /** Medical and health-insurance information. */
    HEALTH,
    /** Biometric data: fingerprints, face geometry, voice prints. */
    BIOMETRIC,
    /** Precise geolocation. */
    PRECISE_LOCATION,
    /** Any personal data of children. */
    CHILDREN,
    OTHER
}
