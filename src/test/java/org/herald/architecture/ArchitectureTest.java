package org.herald.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.stream.Stream;
import org.herald.channel.ChannelSenders;
import org.herald.channel.DeliveryOutcome;
import org.herald.channel.IdempotencyKey;
import org.herald.channel.OutgoingMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the feature dependency direction of the architecture map:
 * incident ← subject ← rules ← notice → channel; announcement → incident; regulator reads
 * everything and nothing depends on it; channel adapters know nothing of incidents. The one
 * exception for announcement: "was I affected?" sends its one-time link through the channel door
 * (docs/adr/0050-announcement-sends-one-time-links.md).
 *
 * <p>Runs the rules with plain JUnit Jupiter (ArchUnit's own engine does not run on the JUnit
 * platform Quarkus brings).
 */
class ArchitectureTest {

    private static final JavaClasses HERALD = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.herald");

    private static final String BASE = "org.herald.";

    static final ArchRule incidentDependsOnNoLaterFeature = noClasses().that().resideInAPackage(BASE + "incident..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "subject..", BASE + "rules..", BASE + "notice..",
                    BASE + "channel..", BASE + "announcement..", BASE + "regulator..");

    static final ArchRule subjectDependsOnlyBackwards = noClasses().that().resideInAPackage(BASE + "subject..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "rules..", BASE + "notice..",
                    BASE + "channel..", BASE + "announcement..", BASE + "regulator..");

    static final ArchRule rulesDependOnlyBackwards = noClasses().that().resideInAPackage(BASE + "rules..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "notice..", BASE + "channel..",
                    BASE + "announcement..", BASE + "regulator..");

    static final ArchRule channelsKnowNothingOfTheDomain = noClasses().that().resideInAPackage(BASE + "channel..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "incident..", BASE + "subject..",
                    BASE + "rules..", BASE + "notice..", BASE + "announcement..", BASE + "regulator..");

    static final ArchRule nothingDependsOnRegulator = noClasses().that().resideOutsideOfPackage(BASE + "regulator..")
            .should().dependOnClassesThat().resideInAPackage(BASE + "regulator..");

    /** The channel door and what passes through it; adapters and provider details stay out of reach. */
    private static final DescribedPredicate<JavaClass> CHANNEL_DOOR = belongToAnyOf(ChannelSenders.class,
            OutgoingMessage.class, IdempotencyKey.class, DeliveryOutcome.class);

    static final ArchRule announcementDoesNotDriveNotices = noClasses().that().resideInAPackage(BASE + "announcement..")
            .should().dependOnClassesThat(resideInAPackage(BASE + "channel..").and(not(CHANNEL_DOOR)))
            .orShould().dependOnClassesThat().resideInAPackage(BASE + "regulator..");

    static final ArchRule onlyTheLookupSendsOneTimeLinks = noClasses().that().resideInAPackage(BASE + "announcement..")
            .and().doNotHaveFullyQualifiedName(BASE + "announcement.WasIAffected")
            .should().dependOnClassesThat().resideInAPackage(BASE + "channel..");

    static final ArchRule foundationKnowsNoFeature = noClasses().that()
            .resideInAnyPackage(BASE + "shared..", BASE + "audit..", BASE + "security..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + "incident..", BASE + "subject..",
                    BASE + "rules..", BASE + "notice..", BASE + "channel..", BASE + "announcement..",
                    BASE + "regulator..", BASE + "console..");

    static final ArchRule featuresAreFreeOfCycles = SlicesRuleDefinition.slices()
            .matching(BASE + "(*)..").should().beFreeOfCycles();

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of("incident depends on no later feature", incidentDependsOnNoLaterFeature),
                Arguments.of("subject depends only on incident", subjectDependsOnlyBackwards),
                Arguments.of("rules depend only on incident and subject", rulesDependOnlyBackwards),
                Arguments.of("channels know nothing of the domain", channelsKnowNothingOfTheDomain),
                Arguments.of("nothing depends on regulator", nothingDependsOnRegulator),
                Arguments.of("announcement uses only the channel door, never regulator", announcementDoesNotDriveNotices),
                Arguments.of("only \"was I affected?\" sends through a channel", onlyTheLookupSendsOneTimeLinks),
                Arguments.of("foundation knows no feature", foundationKnowsNoFeature),
                Arguments.of("features are free of cycles", featuresAreFreeOfCycles));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void holds(String name, ArchRule rule) {
        // A feature that does not exist yet has nothing to break.
        rule.allowEmptyShould(true).check(HERALD);
    }
}
