package it.oldnames;

import org.testng.annotations.Test;

/** Its methods' TestNG names are empty: Surefire before 3.0.0-M4 names them (it.oldnames.ClassAnnotatedTest). */
@Test
public class ClassAnnotatedTest {
    public void first() {
    }

    public void second() {
    }
}
