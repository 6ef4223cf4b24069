package vn.bantin.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The store is a layer below delivery and run: it knows rows, not mail, reports or commands. */
class StoreArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("vn.bantin");

    @Test
    void theStoreKnowsNothingOfMailReportsRunsOrCommands() {
        noClasses().that().resideInAPackage("vn.bantin.store..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.bantin.delivery..", "vn.bantin.report..",
                        "vn.bantin.run..", "vn.bantin.schedule..", "vn.bantin.cli..", "jakarta.mail..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void onlyTheStoreTouchesH2AndFlyway() {
        noClasses().that().resideOutsideOfPackage("vn.bantin.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.flywaydb..")
                .check(CLASSES);
    }
}
