// Surefire 3.6.1 names a class-level failure initializationError (@BeforeAll) or executionError (@AfterAll), and 3.5.6
// and 3.6.1 count each case once over its re-runs and write flakes="N" on <testsuite>: distest writes the same.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 6)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
[1, 3, 5].each { if (!builds[it].contains('taken over by distest:test on 2*popen')) fail("build ${it + 1} was not taken over") }
def suiteCounts = { File dir ->
    new TreeMap((dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.collectEntries { file ->
        def tag = (file.text =~ /<testsuite [^>]*>/)[0]
        [(file.name): ['tests', 'errors', 'skipped', 'failures', 'flakes'].collect { a -> "${a}=" + ((tag =~ /\b${a}="(\d+)"/) ? (tag =~ /\b${a}="(\d+)"/)[0][1] : '-') }.join(' ')]
    })
}
['3.6.1', 'rerun-3.6.1', 'rerun-3.5.6'].eachWithIndex { String version, int i ->
    def difference = parity.compare(basedir, "Surefire ${version}", "target/reports-surefire-${version}",
            "target/reports-distest-${version}", builds[2 * i], builds[2 * i + 1])
    if (difference) fail(difference)
    def expected = suiteCounts(new File(basedir, "target/reports-surefire-${version}"))
    def actual = suiteCounts(new File(basedir, "target/reports-distest-${version}"))
    if (expected != actual) fail("Surefire ${version}: <testsuite> counts differ\n  Surefire: ${expected}\n  distest:  ${actual}")
    println "Surefire ${version}: <testsuite> counts as Surefire's: ${actual}"
}
if (!suiteCounts(new File(basedir, 'target/reports-distest-rerun-3.6.1')).values().any { it.contains('flakes=1') }) {
    fail('the flaky re-run wrote no flakes="1"')
}
def cases = parity.verdicts(new File(basedir, 'target/reports-distest-3.6.1')).keySet()
['it.s36.BeforeAllThrowsTest # initializationError', 'it.s36.AfterAllFailsTest # executionError'].each {
    if (!cases.contains(it)) fail("Surefire 3.6.1's class-failure name ${it} is not in distest's reports: ${cases}")
}
return true
