// JUnit 4 with groups (categories), parallel=methods and rerunFailingTestsCount: Surefire switches to its JUnit 4.7
// provider, and distest runs that provider in its workers; with re-runs alone both stay on the JUnit 4 provider,
// which re-runs failing tests itself; surefire-junit47 as a plugin dependency forces that provider in both.
// Surefire's reports (flakes and re-run failures included) are the expectation.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 6)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
parity.surefireThenDistest(builds[0..1], '2*popen', fail)
parity.surefireThenDistest(builds[2..3], '2*popen', fail)
parity.surefireThenDistest(builds[4..5], '2*popen', fail)
if (!builds[1].contains("JUnit 4.7 tests run on Surefire's own provider")) fail('the inheritance line does not name the JUnit 4.7 provider')
if (!builds[1].contains('parallel=methods inside each worker')) fail('the inheritance line does not say where parallel runs')
if (!builds[3].contains("JUnit 4 tests run on Surefire's own provider")) fail('the inheritance line does not name the JUnit 4 provider')
if (!builds[5].contains("JUnit 4.7 tests run on Surefire's own provider 3.5.4 in the workers, as the plugin's dependencies ask")) fail('the forced JUnit 4.7 provider is not named')
if (builds[5].contains('plugin dependencies of maven-surefire-plugin')) fail('the forced provider is warned about as not used')
[[0, 1, '47'], [2, 3, '4'], [4, 5, 'forced']].each { s, d, kind ->
    def difference = parity.compare(basedir, "JUnit ${kind}", "target/reports-surefire-${kind}", "target/reports-distest-${kind}",
            builds[s], builds[d])
    if (difference) fail(difference)
}
def grouped = parity.verdicts(new File(basedir, 'target/reports-distest-47'))
if (grouped.keySet().any { it.startsWith('it.j47.SlowClassTest') || it.endsWith('# slowOne') }) fail("the Slow group ran: ${grouped.keySet()}")
if (grouped['it.j47.FlakyTest # passesTheSecondTime'] != ['passed flakyx1']) fail("FlakyTest is not one flake: ${grouped['it.j47.FlakyTest # passesTheSecondTime']}")
if (!parity.summary(builds[1])?.endsWith('Flakes: 1')) fail("distest's summary counts no flake: ${parity.summary(builds[1])}")
return true
