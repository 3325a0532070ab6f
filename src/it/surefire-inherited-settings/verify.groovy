// Surefire's configuration reaches distest's test JVMs untouched: same test cases, same verdicts (all pass, which
// needs every setting in force), under the take-over and under the command-line goal; the log says what was inherited.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 3) fail("expected the logs of 3 builds in build.log, found ${builds.size()}")
builds.eachWithIndex { String log, int i -> if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed") }

String surefire = builds[0], takeOver = builds[1], cli = builds[2]
// mojo headers: "maven-surefire-plugin:3.5.4:test" under Maven 3.8, "surefire:3.5.4:test" under 3.9
def surefireRan = { String log -> log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/ }
if (!surefireRan(surefire) || surefire.contains('taken over by distest')) fail('build 1: Surefire should have run the tests')
if (!takeOver.contains('maven-surefire-plugin:test (default-test) taken over by distest:test on 2*popen')) fail('build 2: no take-over line')
if (surefireRan(takeOver)) fail('build 2: Surefire ran although distest took over')
if (!(cli =~ /--- distest(-maven-plugin)?:[^:]+:test \(default-cli\)/)) fail('build 3: the command-line goal did not run')

// one line per execution naming what it inherited; one warning listing what distest does not honour
[[takeOver, 'default-test'], [cli, 'default-cli']].each { String log, String id ->
    def lines = log.readLines().findAll { it.contains("distest: execution ${id} inherits Surefire's default-test configuration: ") }
    if (lines.size() != 1) fail("execution ${id}: expected one inheritance line, found ${lines.size()}")
    String line = lines[0]
    if (!(line =~ /argLine "-Dfrom\.argline=yes -Dlate\.jar=\S+opentest4j-1\.3\.0\.jar", 0 includes, 1 exclude, 1 system property \(and \d+ user properties from -D\)/)) fail("execution ${id}: inheritance line lacks the argLine (late-replaced) or the counts: ${line}")
    ['environmentVariables', 'excludedGroups', 'properties', 'reportsDirectory'].each { if (!line.contains(it)) fail("execution ${id}: inheritance line does not name ${it}: ${line}") }
    if (!line.contains('forkCount=2 is replaced by the tx specs (2*popen)')) fail("execution ${id}: forkCount not reported as replaced: ${line}")
    def warnings = log.readLines().findAll { it.contains("distest: execution ${id}: Surefire settings distest does not honour:") }
    if (warnings.size() != 1) fail("execution ${id}: expected one warning about settings not honoured, found ${warnings.size()}")
    if (!log.contains('  - parallel=classes, threadCount=4: Surefire\'s in-JVM parallel runs')) fail("execution ${id}: parallel/threadCount not in the warning")
}

def verdicts = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    def files = (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
    if (!files) fail("no TEST-*.xml in ${dir}")
    def result = new TreeMap<String, String>()
    files.each { file ->
        def suite = new XmlSlurper().parse(file)
        suite.testcase.each { tc ->
            String outcome = tc.failure.size() ? "failure: ${tc.failure.@message}" : tc.error.size() ? "error: ${tc.error.@message}"
                    : tc.skipped.size() ? 'skipped' : 'passed'
            result["${tc.@classname}#${tc.@name}".toString()] = outcome
        }
        if (dirName != 'reports-surefire') {
            def worker = suite.properties.property.find { it.@name.text() == 'distest.worker' }.@value.text()
            if (!(worker ==~ /gw[01]/)) fail("${dirName}/${file.name} has no distest.worker property")
        }
    }
    return result
}
def expected = verdicts('reports-surefire')
def wanted = ['argLineReachesTheJvm', 'lateReplacedPropertyIsResolved', 'systemPropertyVariablesAreSet', 'userPropertiesArePromoted',
              'environmentVariablesAreSet', 'configurationParametersReachTheJUnitPlatform(String)',
              'everyLineOfConfigurationParametersCounts(String)', 'assertionsAreEnabled']
        .collect { "it.inherit.SettingsTest#${it}".toString() } + ['it.inherit.TaggedTest#untaggedRuns']
if (expected.keySet() != (wanted as Set)) fail("Surefire's own run is not the baseline this scenario expects: ${expected}")
if (expected.values().any { it != 'passed' }) fail("Surefire's own run did not pass: ${expected}")
['reports-distest', 'reports-cli'].each { dir ->
    def actual = verdicts(dir)
    if (actual != expected) {
        def lines = (expected.keySet() + actual.keySet()).findAll { expected[it] != actual[it] }
                .collect { "  ${it}\n      Surefire: ${expected[it] ?: 'not reported'}\n      distest:  ${actual[it] ?: 'not reported'}" }
        fail("${dir}: distest's verdicts differ from Surefire's:\n${lines.join('\n')}")
    }
}
println "surefire-inherited-settings: ${expected.size()} test cases, same verdicts under Surefire, the take-over and the CLI goal"
return true
