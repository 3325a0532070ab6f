// mvn package io.distest:distest-maven-plugin:VERSION:integration-test -Ddistest.tx=2*popen on a project that
// declares Failsafe but not distest: Failsafe's settings, includes, reports and summary file; failures fail the goal.
File buildLog = new File(basedir, 'build.log')
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
def parity = evaluate(new File(itSources, 'parity.groovy'))
def (broken, passing, noTx, noMatch) = parity.builds(basedir, 4)

if (!passing.contains('BUILD SUCCESS')) fail('build 2: the command-line goal failed')
if (!(passing =~ /--- distest(-maven-plugin)?:[^:]+:integration-test \(default-cli\) @ failsafe-cli-goal ---/)) fail('build 2: distest:integration-test (default-cli) did not run')
if (passing.contains('taken over by distest')) fail('build 2: a take-over happened in a project that does not declare distest')
if (!passing.contains("distest: execution default-cli inherits Failsafe's its configuration")) fail("build 2: the goal did not inherit Failsafe's execution its")
if (!passing.contains('distest: 2 test classes on 2 workers (2*popen)')) fail('build 2: not the two ITs on two workers')
if (!passing.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')) fail('build 2: wrong final summary')
def verdicts = parity.verdicts(new File(basedir, 'target/failsafe-reports'))
def expected = ['it.cli.BreakableIT # holdsUnlessBroken', 'it.cli.ShopIT # addsUp', 'it.cli.ShopIT # runsWithFailsafesSettingsAndThePackagedJar'] as Set
if (verdicts.keySet() != expected || verdicts.values().flatten().any { it != 'passed' }) fail("build 2: failsafe-reports hold ${verdicts}")
if (new File(basedir, 'target/surefire-reports').exists()) fail('build 2: something wrote target/surefire-reports')

if (!broken.contains('There are test failures.')) fail('build 1: a failing IT did not fail the command-line goal')
if (!(broken =~ /Failed to execute goal io\.distest:distest-maven-plugin:[^:]+:integration-test \(default-cli\)/).find()) fail('build 1: the build did not fail in distest:integration-test')
if (!broken.contains('BreakableIT')) fail('build 1: the log does not name the failing IT')
String summary = new File(basedir, 'target/failsafe-reports/failsafe-summary.xml').text
if (!summary.contains('<completed>3</completed>') || !summary.contains('<failures>0</failures>')) fail("build 2 (a new build) did not replace build 1's summary file: ${summary}")

if (!noTx.contains('distest:integration-test needs gateways')) fail('build 3: no message saying that the goal needs -Ddistest.tx or -Ddistest.n')
if (!noMatch.contains('No tests matching pattern "NoSuchIT" were executed! (Set -Dfailsafe.failIfNoSpecifiedTests=false to ignore this error.)')) fail('build 4: -Dit.test=NoSuchIT did not fail with Failsafe\'s message')
return true
