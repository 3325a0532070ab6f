// JUnit 5 containers as Surefire 3.5 reports them: skipped parameterized tests and factories as one case each,
// a disabled class or @Nested class as its skipped tests, @Nested cases in the outer class's file, and a
// reportNameSuffix only in the suite name and file name. Surefire's reports are the expectation.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 4)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
builds.eachWithIndex { String log, int i ->
    boolean distest = i % 2 == 1
    if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed")
    if (distest != log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 1}: take-over line ${distest ? 'missing' : 'present'}")
}
def differences = [
        parity.compare(basedir, 'JUnit 5 containers', 'target/reports-surefire', 'target/reports-distest', builds[0], builds[1]),
        parity.compare(basedir, 'with reportNameSuffix', 'target/reports-surefire-suffix', 'target/reports-distest-suffix', builds[2], builds[3])]
if (differences.any()) fail(differences.findAll().join('\n'))

// the scenario must really hold what it is about
def cases = parity.verdicts(new File(basedir, 'target/reports-distest'))
['it.containers.ContainersTest # disabledParameterized(int)', 'it.containers.ContainersTest # conditionalFactory',
 'it.containers.ContainersTest$DisabledInner # neverRunsA', 'it.containers.WindowsOnlyTest # onlyOnWindows',
 'it.containers.ContainersTest$Inner$Deeper # deeperPasses'].each {
    if (!cases.containsKey(it)) fail("distest's reports lack ${it}")
}
return true
