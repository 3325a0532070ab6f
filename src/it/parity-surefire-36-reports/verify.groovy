// Surefire 3.6.1 names a class-level failure initializationError (@BeforeAll) or executionError (@AfterAll) and reports
// a class aborted in @BeforeAll as its tests skipped, where 3.5.4 writes empty names and no case; 3.5.6 and 3.6.1 count
// each case once over its re-runs and write flakes="N" on <testsuite>: distest writes the same.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 8)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
[1, 3, 5, 7].each { if (!builds[it].contains('taken over by distest:test on 2*popen')) fail("build ${it + 1} was not taken over") }
['3.6.1', 'rerun-3.6.1', 'rerun-3.5.6', '3.5.4'].eachWithIndex { String version, int i ->
    def difference = parity.compare(basedir, "Surefire ${version}", "target/reports-surefire-${version}",
            "target/reports-distest-${version}", builds[2 * i], builds[2 * i + 1])
    if (difference) fail(difference)
    difference = parity.compareShapes(basedir, "Surefire ${version}", "target/reports-surefire-${version}",
            "target/reports-distest-${version}")
    if (difference) fail(difference)
}
if (!parity.suiteCounts(new File(basedir, 'target/reports-distest-rerun-3.6.1')).values().any { it.contains('flakes=1') }) {
    fail('the flaky re-run wrote no flakes="1"')
}
def cases = parity.verdicts(new File(basedir, 'target/reports-distest-3.6.1')).keySet()
['it.s36.BeforeAllThrowsTest # initializationError', 'it.s36.AfterAllFailsTest # executionError'].each {
    if (!cases.contains(it)) fail("Surefire 3.6.1's class-failure name ${it} is not in distest's reports: ${cases}")
}
['it.s36.AssumeInBeforeAllTest # one', 'it.s36.AssumeInBeforeAllTest # two'].each {
    if (!cases.contains(it)) fail("Surefire 3.6.1 reports ${it} skipped; distest's reports lack it: ${cases}")
}
def old = parity.verdicts(new File(basedir, 'target/reports-distest-3.5.4')).keySet()
if (old.any { it.startsWith('it.s36.AssumeInBeforeAllTest') }) fail("under 3.5.4 a class aborted in @BeforeAll has no case: ${old}")
if (!(builds[7] =~ /Tests run: 0, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: [\d.]+ s -- in it.s36.AssumeInBeforeAllTest/).find()) {
    fail('under 3.5.4 distest does not print Tests run: 0 for the class aborted in @BeforeAll')
}
return true
