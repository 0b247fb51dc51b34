package org.herald.regulator.filing;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * The record of a report handed to an authority: the phase filed (defaults to the report's first),
 * the obligation it settles (defaults to the one the report is due under), and the reference number
 * the authority gave back.
 */
public record FilingForm(@Size(max = 40) String phase, UUID obligationId, @Size(max = 200) String authorityReference) {
}
