package it.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import org.junit.jupiter.api.Test;

class ParentConfigurationTest {
    @Test
    void argLineFromThePluginManagementOfTheParent() {
        assertEquals("yes", System.getProperty("from.parent"), "<argLine> in the parent's pluginManagement");
    }

    @Test
    void systemPropertiesFromThePluginManagementOfTheParent() {
        assertEquals("from pluginManagement", System.getProperty("parent.property"));
    }

    @Test
    void expressionsAreTheChildsOwn() throws Exception {
        assertEquals("child", new File(System.getProperty("module.dir")).getCanonicalFile().getName(),
                "${project.basedir} in the parent's configuration is the child's base directory");
    }
}
