package org.herald.subject.affected;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.herald.incident.Incident;
import org.herald.incident.IncidentSection;
import org.herald.security.ConsoleSession;
import org.herald.security.Role;

/** The affected-subject summary on the incident's console page: counts only, never a person. */
@ApplicationScoped
public class AffectedSection implements IncidentSection {

    private final AffectedSubjects affected;
    private final Template template;

    AffectedSection(AffectedSubjects affected, @Location("subject/affected-section.html") Template template) {
        this.affected = affected;
        this.template = template;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<String> render(Incident incident, ConsoleSession session) {
        boolean mayRead = session.has(Role.ANALYST.name()) || session.has(Role.PRIVACY_OFFICER.name())
                || session.has(Role.AUDITOR.name());
        if (!mayRead) {
            return Optional.empty();
        }
        return Optional.of(template.data("s", affected.summary(incident.id()))
                .data("canDefine", session.has(Role.ANALYST.name()))
                .render());
    }
}
