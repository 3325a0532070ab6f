// JUnit 3 and 4 without the JUnit Platform, as Surefire's JUnit 4 provider reports them: a JUnit 3 TestCase,
// parameterized names, an @Ignore'd class as one case, a failing @BeforeClass, a Suite class running other classes
// again (its cases in its own report, counted once in the summary), a Test* helper without tests (no report).
// Surefire's reports are the expectation, under 3.5.4 (its JUnit 4 provider) and under 3.6.1 (the Vintage engine).
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 4)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
if (!builds[1].contains('taken over by distest:test on 2*popen')) fail('no take-over line')
if (!builds[1].contains("JUnit 4 tests run on Surefire's own provider")) fail('the inheritance line does not name the JUnit 4 provider')
def difference = parity.compare(basedir, 'JUnit 3/4', 'target/reports-surefire', 'target/reports-distest', builds[0], builds[1])
if (difference) fail(difference)
difference = parity.compareShapes(basedir, 'JUnit 3/4', 'target/reports-surefire', 'target/reports-distest')
if (difference) fail(difference)
// Surefire 3.6.1: no JUnit 4 provider any more; the same classes on the JUnit Platform's Vintage engine
if (!builds[3].contains('taken over by distest:test on 2*popen')) fail('build 4: no take-over line')
if (builds[3].contains("JUnit 4 tests run on Surefire's own provider")) fail('build 4: Surefire 3.6.1 has no JUnit 4 provider')
difference = parity.compare(basedir, 'JUnit 3/4 under Surefire 3.6.1', 'target/reports-surefire-3.6.1', 'target/reports-distest-3.6.1', builds[2], builds[3])
if (difference) fail(difference)
difference = parity.compareShapes(basedir, 'JUnit 3/4 under Surefire 3.6.1', 'target/reports-surefire-3.6.1', 'target/reports-distest-3.6.1')
if (difference) fail(difference)
def cases = parity.verdicts(new File(basedir, 'target/reports-distest'))
['it.j4.LegacyTest # testFails', 'it.j4.IgnoredClassTest # ', 'it.j4.ParamsTest # squares[2: square(3)]'].each {
    if (!cases.containsKey(it)) fail("distest's reports lack ${it}")
}
return true
