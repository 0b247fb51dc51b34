package org.herald.subject;

import java.util.List;

/** The parts of a postal address that are sealed together as one JSON value. */
public record AddressParts(List<String> lines, String city, String region, String postalCode) {
}
