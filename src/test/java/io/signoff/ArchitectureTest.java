package io.signoff;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layer rules of architecture.md, checked on the production classes. Rules about packages that do not exist yet
 * (controller, …) pass while empty and bite as soon as the package appears.
 *
 * <p>The rules run from {@code @ArchTest} methods, not fields: Surefire 3.5.3 silently skips {@code @ArchTest} fields
 * (TNG/ArchUnit#1442, apache/maven-surefire#839).
 */
@AnalyzeClasses(packages = "io.signoff", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ROOT = "io.signoff";

    private static boolean isOurs(String packageName) { return isIn(packageName, ROOT); }

    private static boolean isIn(String packageName, String root) {
        return packageName.equals(root) || packageName.startsWith(root + ".");
    }

    private static final ArchRule JAVAFX_ONLY_IN_THE_UI = noClasses()
            .that().resideOutsideOfPackage("io.signoff.ui..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the UI is the only layer that knows JavaFX; the root package only wires controllers for it");

    private static final ArchRule HTTP_LIBRARIES_ONLY_IN_PROVIDERS = noClasses()
            .that().resideOutsideOfPackage("io.signoff.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("okhttp3..", "okio..")
            .because("only the provider layer talks HTTP to the outside world");

    private static final ArchRule MODEL_DEPENDS_ON_NOTHING_OF_OURS_NOR_ON_INFRASTRUCTURE = noClasses()
            .that().resideInAPackage("io.signoff.model..")
            .should().dependOnClassesThat(DescribedPredicate.describe("are in another io.signoff package",
                    (JavaClass c) -> isOurs(c.getPackageName()) && !isIn(c.getPackageName(), "io.signoff.model")))
            .orShould().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "okhttp3..", "okio..", "com.google.gson..", "java.sql..", "javax.sql..")
            .because("the model is plain records shared by every layer");

    private static final ArchRule NOTHING_BUT_THE_ROOT_PACKAGE_USES_THE_UI = noClasses()
            .that().resideOutsideOfPackages(ROOT, "io.signoff.ui..")
            .should().dependOnClassesThat().resideInAPackage("io.signoff.ui..")
            .because("views sit on top; only the launcher wires them");

    private static final ArchRule SIMULATOR_ONLY_FOR_THE_DEMO_WIRING = noClasses()
            .that().resideOutsideOfPackages(ROOT, "io.signoff.simulator..")
            .should().dependOnClassesThat().resideInAPackage("io.signoff.simulator..")
            .because("production code paths never reach the simulator except through the demo launcher");

    private static final ArchRule CLI_HAS_NO_UI = noClasses()
            .that().resideInAPackage("io.signoff.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.signoff.ui..")
            .allowEmptyShould(true)
            .because("the command line must run without a display");

    private static final ArchRule CONTROLLERS_HAVE_NO_JAVAFX = noClasses()
            .that().resideInAPackage("io.signoff.controller..")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .allowEmptyShould(true)
            .because("controllers are plain Java, unit-testable without a toolkit");

    @ArchTest
    void javafxOnlyInTheUi(JavaClasses classes) {
        JAVAFX_ONLY_IN_THE_UI.check(classes);
    }

    @ArchTest
    void httpLibrariesOnlyInProviders(JavaClasses classes) {
        HTTP_LIBRARIES_ONLY_IN_PROVIDERS.check(classes);
    }

    @ArchTest
    void modelDependsOnNothingOfOursNorOnInfrastructure(JavaClasses classes) {
        MODEL_DEPENDS_ON_NOTHING_OF_OURS_NOR_ON_INFRASTRUCTURE.check(classes);
    }

    @ArchTest
    void nothingButTheRootPackageUsesTheUi(JavaClasses classes) {
        NOTHING_BUT_THE_ROOT_PACKAGE_USES_THE_UI.check(classes);
    }

    @ArchTest
    void simulatorOnlyForTheDemoWiring(JavaClasses classes) {
        SIMULATOR_ONLY_FOR_THE_DEMO_WIRING.check(classes);
    }

    @ArchTest
    void cliHasNoUi(JavaClasses classes) {
        CLI_HAS_NO_UI.check(classes);
    }

    @ArchTest
    void controllersHaveNoJavafx(JavaClasses classes) {
        CONTROLLERS_HAVE_NO_JAVAFX.check(classes);
    }
}
