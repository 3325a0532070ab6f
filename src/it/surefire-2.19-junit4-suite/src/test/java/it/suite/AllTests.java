package it.suite;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

/** The suite a JUnit 4 project keeps for its IDE: Surefire 2.19.1 never selects it (no **&#47;*Tests.java default). */
@RunWith(Suite.class)
@Suite.SuiteClasses({FooTest.class, BarTest.class})
public class AllTests {}
