package org.opencxm;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * SQL lives in stores: only classes named {@code …Store} talk to the database, one store per
 * table or aggregate, so that a table's statements can be read in one place. The embedded
 * PostgreSQL, which starts the database itself, is the exception.
 */
class StoresOwnTheSqlTests {

    @Test
    void onlyStoresTalkToTheDatabase() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.opencxm");
        noClasses()
                .that()
                .haveSimpleNameNotEndingWith("Store")
                .and()
                .resideOutsideOfPackage("org.opencxm.platform.database..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("javax.sql.DataSource")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.sql.Connection")
                .because("each table's SQL belongs to its store")
                .check(classes);
    }
}
