// Method filters in includesFile / excludesFile, run by Surefire 3.5.4 and by distest: the same methods run.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 2) fail("expected the logs of 2 builds in build.log, found ${builds.size()}")
builds.eachWithIndex { String log, int i ->
    boolean distest = i == 1
    if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed")
    if (distest != log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 1}: take-over line ${distest ? 'missing' : 'present'}")
    if (distest == (log =~ /(maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\)/).find()) fail("build ${i + 1}: Surefire ${distest ? 'ran' : 'did not run'}")
}

def reportFiles = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    def files = (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
    if (!files) fail("no TEST-*.xml in ${dir}")
    return files
}
def cases = { String dirName ->
    def result = new TreeSet<String>()
    reportFiles(dirName).each { file ->
        new XmlSlurper().parse(file).testcase.each { tc ->
            String outcome = tc.failure.size() ? 'failure' : tc.error.size() ? 'error' : tc.skipped.size() ? 'skipped' : 'passed'
            result << "${tc.@classname} # ${tc.@name}: ${outcome}".toString()
        }
    }
    return result
}
def surefire = cases('reports-surefire')
def distest = cases('reports-distest')
if (surefire != distest) fail("distest's test cases differ from Surefire's:\n  Surefire: ${surefire}\n  distest:  ${distest}")
if (distest.size() != 2 || !distest.any { it ==~ /it\.methods\.FooTest # one(\(\))?: passed/ }
        || !distest.any { it ==~ /it\.methods\.BarTest # quick(\(\))?: passed/ }) {
    fail("expected FooTest one and BarTest quick, distest ran ${distest}")
}
def names = { String dirName -> reportFiles(dirName)*.name.sort() }
if (names('reports-surefire') != names('reports-distest')) {
    fail("report files differ:\n  Surefire: ${names('reports-surefire')}\n  distest:  ${names('reports-distest')}")
}
println "includesFile/excludesFile method filters: Surefire and distest ran ${distest}"
return true
