// A JUnit 5 project with junit:junit on its test class path: Surefire 3.5.4 adds no Vintage engine when the project
// brings its own Jupiter engine, so its failing JUnit 3 and 4 classes do not run and the build passes; Surefire 3.6.1
// runs everything on one JUnit Platform provider with Vintage, so they run and fail the build. distest does as each.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 4)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
[0, 1].each { if (!builds[it].contains('BUILD SUCCESS')) fail("build ${it + 1} (Surefire 3.5.4) did not pass") }
[2, 3].each { if (!builds[it].contains('BUILD FAILURE')) fail("build ${it + 1} (Surefire 3.6.1) did not fail") }
[1, 3].each { if (!builds[it].contains('taken over by distest:test on 2*popen')) fail("build ${it + 1} was not taken over") }
def difference = parity.compare(basedir, 'Surefire 3.5.4', 'target/reports-surefire-3.5', 'target/reports-distest-3.5', builds[0], builds[1])
if (difference) fail(difference)
difference = parity.compare(basedir, 'Surefire 3.6.1', 'target/reports-surefire-3.6', 'target/reports-distest-3.6', builds[2], builds[3])
if (difference) fail(difference)
def before = parity.verdicts(new File(basedir, 'target/reports-distest-3.5'))
if (before.keySet().any { it.contains('Legacy') }) fail("under 3.5.4 distest ran a JUnit 3/4 class: ${before.keySet()}")
def after = parity.verdicts(new File(basedir, 'target/reports-distest-3.6'))
['it.mixed.LegacyJUnit4Test # fails', 'it.mixed.LegacyJUnit3Test # testFails'].each {
    if (!after[it]?.any { o -> o.startsWith('failure') }) fail("under 3.6.1 distest did not report ${it} failing: ${after}")
}
return true
