package org.herald.rules.engine;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.herald.rules.model.Regime;
import org.jboss.logging.Logger;

/**
 * The regimes and business calendars in force for this deployment: the files shipped in
 * {@code rules/} (listed in {@code rules/index.txt}) plus those of the configured directory, which
 * add regimes or replace shipped ones with the same id. Loaded at start-up; a file that does not
 * validate stops the start with the file, the path inside it and the reason.
 */
@Startup
@ApplicationScoped
public class RuleCatalog {

    private static final Logger LOG = Logger.getLogger(RuleCatalog.class);
    static final String INDEX = "rules/index.txt";

    private final List<Regime> regimes;
    private final Map<String, BusinessCalendar> calendars;
    private final Evaluator evaluator;

    @Inject
    RuleCatalog(RulesConfig config) {
        this(config.directory().map(Path::of));
    }

    /** Loads the shipped files and those of {@code directory}; throws {@link InvalidRuleFile} on the first bad file. */
    public RuleCatalog(Optional<Path> directory) {
        RuleFiles files = new RuleFiles();
        Map<String, Regime> byId = new LinkedHashMap<>();
        Map<String, BusinessCalendar> cals = new LinkedHashMap<>();
        for (String name : shippedFiles()) {
            try (InputStream in = resource("rules/" + name)) {
                if (name.startsWith("calendars/")) {
                    BusinessCalendar c = files.readCalendar(name, in);
                    cals.put(c.id(), c);
                } else {
                    Regime r = files.readRegime(name, in);
                    if (byId.put(r.regimeId(), r) != null) {
                        throw new InvalidRuleFile(name, "$.regimeId: " + r.regimeId() + " is defined twice");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (directory.isPresent()) {
            Path dir = directory.get();
            if (!Files.isDirectory(dir)) {
                throw new InvalidRuleFile(dir.toString(), "herald.rules.directory is not a directory");
            }
            for (Path p : yamlFiles(dir.resolve("calendars"))) {
                try (InputStream in = Files.newInputStream(p)) {
                    BusinessCalendar c = files.readCalendar(p.toString(), in);
                    cals.put(c.id(), c);
                } catch (IOException e) {
                    throw new InvalidRuleFile(p.toString(), "not readable: " + e.getMessage(), e);
                }
            }
            for (Path p : yamlFiles(dir)) {
                try (InputStream in = Files.newInputStream(p)) {
                    Regime r = files.readRegime(p.toString(), in);
                    if (byId.put(r.regimeId(), r) != null) {
                        LOG.infof("Rule file %s replaces the shipped regime %s", p, r.regimeId());
                    }
                } catch (IOException e) {
                    throw new InvalidRuleFile(p.toString(), "not readable: " + e.getMessage(), e);
                }
            }
        }
        for (Regime r : byId.values()) {
            if (r.businessCalendar() != null && !cals.containsKey(r.businessCalendar())) {
                throw new InvalidRuleFile(r.regimeId(), "$.businessCalendar: no calendar " + r.businessCalendar());
            }
        }
        this.regimes = List.copyOf(byId.values());
        this.calendars = Map.copyOf(cals);
        this.evaluator = new Evaluator(regimes, calendars);
        LOG.infof("Loaded %d notification regimes and %d business calendars", regimes.size(), calendars.size());
    }

    public List<Regime> regimes() {
        return regimes;
    }

    public Optional<Regime> regime(String id) {
        return regimes.stream().filter(r -> r.regimeId().equals(id)).findFirst();
    }

    public Map<String, BusinessCalendar> calendars() {
        return calendars;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    private static List<String> shippedFiles() {
        List<String> out = new ArrayList<>();
        try (InputStream in = resource(INDEX);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static InputStream resource(String name) {
        InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new InvalidRuleFile(name, "missing from the classpath");
        }
        return in;
    }

    private static List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            s.forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }
}
