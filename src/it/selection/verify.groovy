// Exactly the expected tests ran in each selection build.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 7) fail("expected the logs of 7 builds in build.log, found ${builds.size()}")
builds.eachWithIndex { String log, int i ->
    if (!log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 1}: no take-over line")
    if ((log =~ /--- (maven-)?surefire(-plugin)?:3\.5\.4:test/)) fail("build ${i + 1}: Surefire ran")
}

def ran = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    def result = [] as TreeSet
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
        new XmlSlurper().parse(file).testcase.each { tc ->
            String id = "${tc.@classname.text().replaceFirst(/^it\.sel\./, '')}#${tc.@name}"
            if (!result.add(id)) fail("${dirName}: ${id} reported twice")
            if (tc.failure.size() || tc.error.size() || tc.skipped.size()) fail("${dirName}: ${id} did not pass")
        }
    }
    return result
}
def problems = []
def expect = { int build, String what, String dirName, List<String> expected ->
    def actual = ran(dirName)
    def wanted = expected as TreeSet
    if (actual != wanted) {
        problems << "build ${build} (${what}):\n    expected ${wanted}\n    ran      ${actual}" +
                "\n    missing ${wanted - actual}, unexpected ${actual - wanted}"
    } else if (!builds[build - 1].contains("Tests run: ${expected.size()}, Failures: 0, Errors: 0, Skipped: 0")) {
        problems << "build ${build} (${what}): the summary does not say Tests run: ${expected.size()}"
    }
}

expect(1, 'configured includes/excludes', 'sel-1-configured',
        ['FooTest#one', 'FooTest#two', 'FooTest#three', 'BarTest#bar', 'BazTest#baz', 'ZedCheck#zed'])
expect(2, '-Dtest=FooTest#one+two,!BarTest', 'sel-2-methods', ['FooTest#one', 'FooTest#two'])
expect(3, '-Dtest=*Test,!Foo* (overrides the configured excludes)', 'sel-3-exclusion',
        ['BarTest#bar', 'BazTest#baz', 'LegacyOldTest#legacy'])
expect(4, '-Dgroups=fast -DexcludedGroups=slow', 'sel-4-tags', ['FooTest#one', 'BarTest#bar', 'ZedCheck#zed'])

// 5: -Dtest matching nothing fails the build, saying so.
if (!builds[4].contains('No tests matching pattern')) problems << 'build 5 (-Dtest=NoSuchTest): no "No tests matching pattern" message'
if (!builds[4].contains('NoSuchTest')) problems << 'build 5 (-Dtest=NoSuchTest): the message does not quote the pattern'
if (builds[4] =~ /\[gw\d+\]/) problems << 'build 5 (-Dtest=NoSuchTest): workers were started for nothing'
// 6: ... unless surefire.failIfNoSpecifiedTests=false
if (!builds[5].contains('BUILD SUCCESS')) problems << 'build 6 (-Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false): the build failed'
if (ran('sel-6-nomatch-ok')) problems << "build 6: tests ran: ${ran('sel-6-nomatch-ok')}"
// 7: failIfNoTests when the tag filter leaves nothing
if (!(builds[6] =~ /(?i)no tests/)) problems << 'build 7 (-Dgroups=nosuchtag -DfailIfNoTests=true): no "No tests" message'
if (ran('sel-7-notests')) problems << "build 7: tests ran: ${ran('sel-7-notests')}"

if (problems) fail("selection differs from what Surefire selects:\n" + problems.join('\n'))
return true
