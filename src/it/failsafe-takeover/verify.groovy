// distest took over Failsafe as Failsafe would have run: same (class, test, outcome) set, the server stopped in
// post-integration-test before failsafe:verify failed the build, testFailureIgnore, -DskipITs, -Dit.test.
File buildLog = new File(basedir, 'build.log')
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 6)
def (oracle, failing, skipped, selected, ignored, remote) = builds

def ranFailsafe = { String log -> (log =~ /--- (maven-)?failsafe(-plugin)?:3\.5\.4:integration-test/).find() }
def ranDistestIT = { String log -> (log =~ /--- (io\.distest:)?distest(-maven-plugin)?:[^:]+:integration-test \(default\)/).find() }
def position = { String log, String regex -> def m = log =~ regex; m.find() ? m.start() : -1 }

// 1. the oracle
if (!ranFailsafe(oracle) || ranDistestIT(oracle)) fail('build 1: Failsafe should have run the ITs, not distest')
if (!oracle.contains('BUILD FAILURE')) fail('build 1: Failsafe did not fail the build')

// 2..5: distest, not Failsafe, ran the ITs; both take-over lines
builds[1..4].eachWithIndex { String log, int i ->
    int n = i + 2
    if (!log.contains('maven-failsafe-plugin:integration-test (default) taken over by distest:integration-test on 2*popen')) fail("build ${n}: no Failsafe take-over line")
    if (!log.contains('maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen')) fail("build ${n}: no Surefire take-over line")
    if (ranFailsafe(log)) fail("build ${n}: Failsafe's integration-test ran although distest took it over")
    if (!ranDistestIT(log)) fail("build ${n}: distest:integration-test did not run")
    if (!(log =~ /--- (maven-)?failsafe(-plugin)?:3\.5\.4:verify/).find()) fail("build ${n}: failsafe:verify did not run")
}

// 2. a failing IT: integration-test goes on, post-integration-test stops the server, then verify fails naming it
int itGoal = position(failing, /distest(-maven-plugin)?:[^:]+:integration-test \(default\)/)
int stop = position(failing, /exec(-maven-plugin)?:3\.5\.0:java \(stop-server\)/)
int verify = position(failing, /failsafe(-plugin)?:3\.5\.4:verify/)
if (!(itGoal >= 0 && itGoal < stop && stop < verify)) fail("build 2: expected integration-test, then stop-server, then failsafe:verify (positions ${itGoal}, ${stop}, ${verify})")
if (!failing.contains('BUILD FAILURE')) fail('build 2: the failing IT did not fail the build')
if (!(failing =~ /There are test failures/).find()) fail('build 2: failsafe:verify did not report test failures')
if (!failing.contains('BrokenCheckoutIT')) fail('build 2: the log does not name the failing IT')
if (!(failing =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-failsafe-plugin:3\.5\.4:verify/).find()) fail('build 2: the build did not fail in failsafe:verify')

// 3. -DskipITs: unit tests ran (distributed), ITs did not
if (!skipped.contains('BUILD SUCCESS')) fail('build 3: -DskipITs build did not pass')
if (!skipped.contains('Tests are skipped.')) fail('build 3: distest:integration-test did not say the tests are skipped')
if (!(skipped =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/).find()) fail('build 3: the unit tests did not run')

// 4. -Dit.test=EchoIT and -Dtest=GreeterTest: each narrows its own goal
if (!selected.contains('BUILD SUCCESS')) fail('build 4: the -Dit.test build did not pass')
def runs = (selected =~ /(?m)^\[INFO\] Tests run: (\d+), Failures: 0, Errors: 0, Skipped: 0$/).collect { it[1] }
if (runs != ['2', '2']) fail("build 4: expected GreeterTest's 2 unit tests and EchoIT's 2 ITs, got summaries ${runs}")
['EchoIT', 'GreeterTest'].each { if (!selected.contains("it.distest.shop.${it}")) fail("build 4: ${it} did not run") }
['BrokenCheckoutIT', 'GreetingITCase', 'ITPackagedJar'].each { if (selected.contains("it.distest.shop.${it}")) fail("build 4: ${it} ran despite -Dit.test=EchoIT") }

// 5. testFailureIgnore: passes; failsafe:verify read distest's summary; the reports are Failsafe's (class, test, outcome) set
if (!ignored.contains('BUILD SUCCESS')) fail('build 5: with maven.test.failure.ignore the build should pass')
String summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
if (!summary.contains('<completed>6</completed>') || !summary.contains('<failures>1</failures>')) fail("build 5: summary file ${summary}")
def differences = [parity.compare(basedir, 'integration tests', 'reports-failsafe', 'target/failsafe-reports', oracle, ignored)]
if (parity.summary(failing) != parity.summary(oracle)) differences << "build 2's summary line ${parity.summary(failing)} is not Failsafe's ${parity.summary(oracle)}"
if (differences.any()) fail(differences.findAll().join('\n'))

// 6. a remote tx spec: the ITs run on a local worker and reach the server on localhost; only the failing IT fails
if (!remote.contains("integration tests run on this machine (1*popen) instead of socket=127.0.0.1:9: services started in pre-integration-test listen on this machine's localhost")) fail('build 6: no line saying the ITs stay local')
if (!(remote =~ /(?m)^\[(ERROR|INFO)\] Tests run: 6, Failures: 1, Errors: 0, Skipped: 0$/).find()) fail('build 6: the ITs did not run locally with the one failure')
if (!(remote =~ /Failed to execute goal org\.apache\.maven\.plugins:maven-failsafe-plugin:3\.5\.4:verify/).find()) fail('build 6: the build did not fail in failsafe:verify')

// every build started and stopped the server, once each
List<String> events = new File(basedir, 'server-events.txt').readLines().takeRight(12)
if (events != ['started', 'stopped'] * 6) fail("server events of the six builds: ${events}")
return true
