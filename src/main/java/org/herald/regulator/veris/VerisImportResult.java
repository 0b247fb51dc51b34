package org.herald.regulator.veris;

import java.util.List;
import java.util.UUID;

/**
 * What an import of VERIS records did: the incidents it created, with what the upgrade changed or
 * took out by path, and the records it refused, with the reasons by path.
 */
public record VerisImportResult(List<Imported> imported, List<Rejected> rejected) {

    public record Imported(int index, String verisIncidentId, UUID incidentId, String reference, String sourceVersion,
            String schemaVersion, List<VerisProblem> findings) {
    }

    public record Rejected(int index, String verisIncidentId, String sourceVersion, List<VerisProblem> reasons) {
    }
}
