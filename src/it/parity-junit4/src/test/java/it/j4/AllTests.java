package it.j4;

import org.junit.runner.RunWith;
import org.junit.runners.Suite;

@RunWith(Suite.class)
@Suite.SuiteClasses({LegacyTest.class, MixedJ4Test.class})
public class AllTests {
}
