// -Ddistest.n=2, -Ddistest.n=auto, POM <tx> + -Ddistest.tx (added up), and per-spec //id= //jvmArgs= //env:.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 4) fail("expected the logs of 4 builds in build.log, found ${builds.size()}")

int cores = Runtime.runtime.availableProcessors()
def cases = [
    [what: '-Ddistest.n=2', specs: '2*popen', ids: ['gw0', 'gw1']],
    [what: '-Ddistest.n=auto', specs: "${cores}*popen", ids: (0..<cores).collect { "gw${it}".toString() }],
    [what: '<tx>popen//id=cfg</tx> plus -Ddistest.tx=popen//id=cli', specs: 'popen//id=cfg, popen//id=cli', ids: ['cfg', 'cli']],
    [what: '-Ddistest.tx=popen//id=a//jvmArgs=...,popen//id=b//env:...',
     specs: 'popen//id=a//jvmArgs=-Dspec.arg=from-a, popen//id=b//env:SPEC_ENV=from-b', ids: ['a', 'b']],
]
def problems = []
cases.eachWithIndex { c, int i ->
    String log = builds[i]
    String where = "build ${i + 1} (${c.what})"
    if (!log.contains('BUILD SUCCESS')) { problems << "${where}: the build failed (a test saw the wrong per-spec settings?)"; return }
    if (!log.contains("taken over by distest:test on ${c.specs}")) problems << "${where}: the take-over line does not name \"${c.specs}\""
    c.ids.each { id ->
        if (!(log =~ /(?m)\[${java.util.regex.Pattern.quote(id)}\] \S+: Java \S+.* pid \d+, ready in/)) problems << "${where}: no start-up line for worker ${id}"
    }
    int startups = (log =~ /(?m)^\[INFO\] \[[\w.-]+\] \S+: Java \S+.* pid \d+, ready in/).size()
    if (startups != c.ids.size()) problems << "${where}: ${startups} workers started, expected ${c.ids.size()}"

    File dir = new File(basedir, "target/txs-${i + 1}")
    def workers = [] as Set
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
        def suite = new XmlSlurper().parse(file)
        String worker = suite.properties.property.find { it.@name.text() == 'distest.worker' }.@value.text()
        workers << worker
        suite.testcase.each { tc ->
            if (tc.failure.size() || tc.error.size()) problems << "${where}: ${tc.@classname}.${tc.@name}: ${tc.failure.@message}${tc.error.@message}"
            String out = tc.'system-out'.text()
            int number = c.ids.indexOf(worker)
            if (!out.contains("worker=${worker} number=${number} ")) problems << "${where}: ${file.name} ran on ${worker} but the test printed \"${out.trim()}\""
        }
    }
    if (i != 1 && workers != (c.ids as Set)) problems << "${where}: classes ran on ${workers}, expected every one of ${c.ids}"
    if (i == 1 && !(c.ids as Set).containsAll(workers)) problems << "${where}: classes ran on ${workers}, expected only ${c.ids}"
}
if (problems) fail(problems.join('\n'))
return true
