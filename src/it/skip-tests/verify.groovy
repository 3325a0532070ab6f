// -Dmaven.test.skip, -Dmaven.test.skip.exec, <skipTests> in Surefire's configuration and -DskipTests all skip distest:test.
File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
def ways = ['-Dmaven.test.skip=true', '-Dmaven.test.skip.exec=true', '<skipTests> in the Surefire configuration (-Pskip-in-pom)', '-DskipTests']
if (builds.size() != ways.size()) fail("expected the logs of ${ways.size()} builds in build.log, found ${builds.size()}")
builds.eachWithIndex { String log, int i ->
    String way = "build ${i + 1} (${ways[i]})"
    if (!log.contains('BUILD SUCCESS')) fail("${way} failed")
    if (!log.contains('distest: skip-tests: maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen')) {
        fail("${way}: no take-over line")
    }
    if (!(log =~ /--- distest(-maven-plugin)?:[^:]+:test \(default-test\) @ skip-tests ---\s+\[INFO\] Tests are skipped\./)) {
        fail("${way}: distest:test did not say \"Tests are skipped.\"")
    }
    if ((log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/)) fail("${way}: Surefire ran")
    if (log.contains('T E S T S') || log =~ /\[gw\d+\]/ || log.contains('MustNotRunTest ran')) fail("${way}: tests ran or workers started")
}
if (!builds[0].contains('Not compiling test sources')) fail('build 1 (-Dmaven.test.skip=true) compiled the tests')

if (!new File(basedir, 'target/test-classes/it/skip/MustNotRunTest.class').isFile()) fail('build 4 (-DskipTests) did not compile the tests')
if (new File(basedir, 'target/surefire-reports').exists()) fail('reports were written although tests were skipped')
if (new File(basedir, 'target/distest').exists()) fail('distest prepared workers although tests were skipped')
return true
