package org.herald.subject.affected;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.herald.incident.DataCategory;

/**
 * Which holdings put a subject in an incident's scope: held in one of {@code systems}, of one of
 * {@code categories} (all when empty), at some time between {@code from} and {@code to} (open when
 * absent), optionally only for subjects of some {@code jurisdictions} (country "DE" or region "US-CA").
 */
public record ScopeSelectors(
        @NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 100) String> systems,
        @Size(max = 50) List<DataCategory> categories,
        LocalDate from,
        LocalDate to,
        @Size(max = 500) List<@Pattern(regexp = "[A-Z]{2}(-[A-Z0-9]{1,3})?",
                message = "must be a country (DE) or an ISO 3166-2 region (US-CA)") String> jurisdictions) {

    public List<DataCategory> categoriesOrAll() {
        return categories == null ? List.of() : categories;
    }

    public List<String> jurisdictionsOrAll() {
        return jurisdictions == null ? List.of() : jurisdictions;
    }
}
