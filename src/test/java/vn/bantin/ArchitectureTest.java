package vn.bantin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the direction of imports honest: the computation core is pure, printing happens only in cli. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.bantin");

    @Test
    void indicatorCoreDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("vn.bantin.indicator..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("vn.bantin.indicator..", "java..")
                .check(CLASSES);
    }

    @Test
    void sourceKnowsNothingOfRenderingOrDelivery() {
        noClasses().that().resideInAPackage("vn.bantin.source..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.bantin.report..", "vn.bantin.delivery..",
                        "vn.bantin.run..", "vn.bantin.cli..", "net.sf.jasperreports..", "jakarta.mail..")
                .check(CLASSES);
    }

    @Test
    void nothingBelowGatherDependsOnIt() {
        noClasses().that().resideInAnyPackage("vn.bantin.source..", "vn.bantin.indicator..", "vn.bantin.report..",
                        "vn.bantin.delivery..", "vn.bantin.store..", "vn.bantin.config..", "vn.bantin.run..", "vn.bantin.schedule..")
                .should().dependOnClassesThat().resideInAPackage("vn.bantin.gather..").check(CLASSES);
    }

    @Test
    void signingComesAboveTheRunItServes() {
        // The run knows there is a signature step (SignatureStep), not how it is made: sign depends on run, not back.
        noClasses().that().resideInAnyPackage("vn.bantin.source..", "vn.bantin.indicator..", "vn.bantin.report..",
                        "vn.bantin.delivery..", "vn.bantin.store..", "vn.bantin.config..", "vn.bantin.run..")
                .should().dependOnClassesThat().resideInAPackage("vn.bantin.sign..").check(CLASSES);
        noClasses().that().resideInAPackage("vn.bantin.sign..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.bantin.cli..", "vn.bantin.console..",
                        "vn.bantin.schedule..", "vn.bantin.gather..").check(CLASSES);
    }

    @Test
    void onlyTheCliUsesPicocli() {
        noClasses().that().resideOutsideOfPackage("vn.bantin.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(CLASSES);
    }

    @Test
    void onlyTheCliPrints() {
        noClasses().that().resideOutsideOfPackages("vn.bantin.cli..", "vn.bantin.sample..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .check(CLASSES);
    }

    @Test
    void onlyTheCliDependsOnTheConsole() {
        noClasses().that().resideOutsideOfPackages("vn.bantin.cli..", "vn.bantin.console..")
                .should().dependOnClassesThat().resideInAPackage("vn.bantin.console..").check(CLASSES);
    }

    @Test
    void onlyTheConsoleSpeaksHttp() {
        noClasses().that().resideOutsideOfPackages("vn.bantin.console..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "gg.jte..").check(CLASSES);
    }

    @Test
    void noImplNames() {
        noClasses().should().haveSimpleNameEndingWith("Impl").check(CLASSES);
    }
}
