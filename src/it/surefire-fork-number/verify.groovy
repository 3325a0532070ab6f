// ${surefire.forkNumber} run by Surefire (forkCount=2) and by distest (2*popen): the same test cases and verdicts,
// the same report files, and every report shows the fork number its JVM got (schema_1 or schema_2).
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 2)
parity.surefireThenDistest(builds, '2*popen', fail)
if (builds[1] =~ /(?m)^  - .*surefire\.(forkNumber|threadNumber)/) fail('distest warned about ${surefire.forkNumber}: it should honour it')

def reportFiles = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    def files = (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
    if (!files) fail("no TEST-*.xml in ${dir}")
    return files
}
def verdicts = { String dirName -> parity.verdicts(new File(basedir, "target/${dirName}")) }
def surefire = verdicts('reports-surefire')
def distest = verdicts('reports-distest')
if (surefire != distest) fail("distest's test cases differ from Surefire's:\n  Surefire: ${surefire}\n  distest:  ${distest}")
if (distest.size() != 4 || distest.values().flatten().any { it != 'passed' }) fail("expected 4 passing tests: ${distest}")
def names = { String dirName -> reportFiles(dirName)*.name.sort() }
if (names('reports-surefire') != names('reports-distest')) {
    fail("report files differ:\n  Surefire: ${names('reports-surefire')}\n  distest:  ${names('reports-distest')}")
}

// each report shows the number its JVM got, as a property: the placeholder replaced, never the literal text
['reports-surefire', 'reports-distest'].each { dirName ->
    reportFiles(dirName).each { file ->
        def properties = new XmlSlurper().parse(file).properties.property
        def schema = properties.find { it.@name.text() == 'fork.schema' }.@value.text()
        if (!(schema ==~ /schema_[12]/)) fail("${dirName}/${file.name}: fork.schema is \"${schema}\", not schema_1 or schema_2")
        def fromFile = properties.find { it.@name.text() == 'fork.fromFile' }.@value.text()
        if (fromFile != schema.replace('schema_', 'file_')) fail("${dirName}/${file.name}: fork.fromFile is \"${fromFile}\" beside ${schema}")
    }
}
def used = reportFiles('reports-distest').collect { file ->
    new XmlSlurper().parse(file).properties.property.find { it.@name.text() == 'fork.schema' }.@value.text()
} as Set
println "fork numbers: Surefire and distest, ${distest.size()} test cases, same verdicts; distest's workers used ${used.sort()}"
['fork_1', 'fork_2'].findAll { !new File(basedir, "target/${it}").isDirectory() }.each { fail("no working directory target/${it}") }
return true
