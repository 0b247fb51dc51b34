package org.herald.rules.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.rules.model.NoticeRule;
import org.herald.rules.model.Regime;

/**
 * Reads rule files (YAML, one regime each) and holiday-calendar files. A rule file must validate
 * against {@code rules/rule.schema.json}; the error names the file, the path inside it and the
 * reason, e.g. {@code $.notices[0].deadline.unit: does not have a value in the enumeration}.
 */
public final class RuleFiles {

    public static final String SCHEMA = "rules/rule.schema.json";

    private final ObjectMapper yaml = YAMLMapper.builder().findAndAddModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final JsonSchema schema;

    public RuleFiles() {
        try (InputStream in = RuleFiles.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the classpath");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Regime readRegime(String file, InputStream in) {
        JsonNode node = tree(file, in);
        Set<ValidationMessage> errors = schema.validate(node);
        if (!errors.isEmpty()) {
            throw new InvalidRuleFile(file, errors.stream().map(ValidationMessage::getMessage).sorted()
                    .collect(Collectors.joining("; ")));
        }
        Regime r;
        try {
            r = yaml.treeToValue(node, Regime.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRuleFile(file, e.getMessage(), e);
        }
        try {
            ZoneId.of(r.timeZone());
        } catch (DateTimeException e) {
            throw new InvalidRuleFile(file, "$.timeZone: " + r.timeZone() + " is not a time zone");
        }
        for (int i = 0; i < r.notices().size(); i++) {
            NoticeRule n = r.notices().get(i);
            String unit = n.deadline().unit();
            if (("business_days".equals(unit) || "working_days".equals(unit)) && r.businessCalendar() == null) {
                throw new InvalidRuleFile(file, "$.notices[" + i + "].deadline.unit: " + unit
                        + " needs a businessCalendar on the regime");
            }
        }
        if (r.effectiveFrom() == null && !"proposal".equals(r.status()) && !"draft".equals(r.status())
                && !"in_force".equals(r.status()) && !"guidance".equals(r.status())) {
            throw new InvalidRuleFile(file, "$.effectiveFrom: a rule " + r.status() + " needs its effective date");
        }
        return r;
    }

    private JsonNode tree(String file, InputStream in) {
        try {
            JsonNode node = yaml.readTree(in);
            if (node == null || !node.isObject()) {
                throw new InvalidRuleFile(file, "$: must be one YAML mapping");
            }
            return node;
        } catch (IOException e) {
            throw new InvalidRuleFile(file, "not readable YAML: " + e.getMessage(), e);
        }
    }

    /** A holiday calendar file (docs/rules.md, "Business calendars"). */
    public BusinessCalendar readCalendar(String file, InputStream in) {
        CalendarFile c;
        try {
            c = yaml.treeToValue(tree(file, in), CalendarFile.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRuleFile(file, e.getMessage(), e);
        }
        if (c.id() == null || c.name() == null || c.holidays() == null) {
            throw new InvalidRuleFile(file, "$: id, name and holidays are required");
        }
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        for (String d : c.weekend() == null ? List.of("SATURDAY", "SUNDAY") : c.weekend()) {
            weekend.add(day(file, "$.weekend", d));
        }
        List<BusinessCalendar.Holiday> holidays = new ArrayList<>();
        for (int i = 0; i < c.holidays().size(); i++) {
            HolidayFile h = c.holidays().get(i);
            String at = "$.holidays[" + i + "]";
            int kinds = (h.monthDay() != null ? 1 : 0) + (h.month() != null ? 1 : 0) + (h.easterOffset() != null ? 1 : 0)
                    + (h.date() != null ? 1 : 0);
            if (h.name() == null || kinds != 1) {
                throw new InvalidRuleFile(file, at + ": needs a name and exactly one of monthDay, month (with weekday"
                        + " and nth), easterOffset, date");
            }
            if (h.month() != null && (h.weekday() == null || h.nth() == null || h.nth() == 0 || h.nth() > 5)) {
                throw new InvalidRuleFile(file, at + ": month needs weekday and nth (1..5, or -1 for the last)");
            }
            if (h.observed() != null && !List.of("nearest_weekday", "next_monday").contains(h.observed())) {
                throw new InvalidRuleFile(file, at + ".observed: nearest_weekday or next_monday");
            }
            try {
                holidays.add(new BusinessCalendar.Holiday(h.name(),
                        h.monthDay() == null ? null : MonthDay.parse("--" + h.monthDay()), h.observed(), h.month(),
                        h.weekday() == null ? null : day(file, at + ".weekday", h.weekday()), h.nth(), h.easterOffset(),
                        h.date() == null ? null : LocalDate.parse(h.date()), h.fromYear(), h.toYear()));
            } catch (DateTimeException e) {
                throw new InvalidRuleFile(file, at + ": " + e.getMessage());
            }
        }
        return new BusinessCalendar(c.id(), c.name(), weekend, holidays);
    }

    private static DayOfWeek day(String file, String at, String name) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRuleFile(file, at + ": " + name + " is not a day of the week");
        }
    }

    record CalendarFile(String id, String name, List<String> weekend, List<HolidayFile> holidays) {
    }

    record HolidayFile(String name, String monthDay, String observed, Integer month, String weekday, Integer nth,
            Integer easterOffset, String date, Integer fromYear, Integer toYear) {
    }
}
