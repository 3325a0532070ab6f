// Projects on older Surefire versions, run by their own Surefire and then by distest: the same cases (class, name,
// verdict), the same report files and the same summaries, although the workers run Surefire 3.5.4's providers and
// 3.5.4 would name and file them otherwise. Surefire's reports are the expectation.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 2)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
builds.eachWithIndex { String log, int i -> if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed") }
def surefireRan = { String log, String version -> (log =~ /--- (maven-)?surefire(-plugin)?:${java.util.regex.Pattern.quote(version)}:test \(default-test\)/).find() }
['3.4.0', '2.22.2'].each { version ->
    if (!surefireRan(builds[0], version)) fail("build 1 did not run Surefire ${version}")
    if (surefireRan(builds[1], version)) fail("Surefire ${version} ran in build 2")
}
if (builds[0].contains('taken over by distest')) fail('build 1 was taken over')
if ((builds[1] =~ /taken over by distest:test on 2\*popen/).size() != 2) fail('build 2: not both modules were taken over')

// every module's summary line, in build order
def summaries = { String log -> (log =~ /(?m)^\[(?:INFO|WARNING|ERROR)\] Tests run: \d+, Failures: \d+, Errors: \d+, Skipped: \d+$/).collect { it.replaceFirst(/^\[\w+\] /, '') } }
def differences = [
        parity.compare(basedir, 'JUnit 5 on Surefire 3.4.0', 'jupiter/target/reports-surefire', 'jupiter/target/reports-distest', null, null),
        parity.compare(basedir, 'TestNG on Surefire 2.22.2', 'testng/target/reports-surefire', 'testng/target/reports-distest', null, null)]
if (summaries(builds[0]) != summaries(builds[1])) differences << "summary lines\n      Surefire: ${summaries(builds[0])}\n      distest:  ${summaries(builds[1])}"
if (differences.any()) fail(differences.findAll().join('\n'))

// the scenario must really hold what it is about: names and files 3.5.4 would write otherwise
def jupiter = parity.verdicts(new File(basedir, 'jupiter/target/reports-distest'))
def testng = parity.verdicts(new File(basedir, 'testng/target/reports-distest'))
['it.oldnames.NestedNamesTest # factory', 'it.oldnames.NestedNamesTest # plain', 'it.oldnames.PlainTest # repeated',
 'it.oldnames.NestedNamesTest$NamedInner # innerFails', 'it.oldnames.NestedNamesTest$NamedInner$Deeper # deeperParameterized(String)[2]',
 'it.oldnames.NestedNamesTest$DisabledInner # neverRuns'].each { if (!jupiter.containsKey(it)) fail("the JUnit 5 reports lack ${it}: ${jupiter.keySet()}") }
if (jupiter['it.oldnames.NestedNamesTest # factory'] != ['passed', 'passed']) fail("factory: ${jupiter['it.oldnames.NestedNamesTest # factory']}")
def files = parity.reportFiles(new File(basedir, 'jupiter/target/reports-distest'))
['TEST-it.oldnames.NestedNamesTest$NamedInner.xml', 'TEST-it.oldnames.NestedNamesTest$NamedInner$Deeper.xml',
 'TEST-it.oldnames.NestedNamesTest$OnlyNested.xml'].each {
    if (!files.contains(it)) fail("no ${it} among ${files}")
}
def notThree = testng['it.oldnames.DataProviderTest # notThree']
if (notThree?.size() != 3 || notThree.count { it.startsWith('failure') } != 1) fail("notThree: ${notThree}")
if (testng['it.oldnames.ClassAnnotatedTest # (it.oldnames.ClassAnnotatedTest)']?.size() != 2) fail("the class-annotated tests: ${testng.keySet()}")
println "old Surefire names: ${jupiter.size()} JUnit 5 and ${testng.size()} TestNG case names, files ${files}"
return true
