// reuseForks=false inherited from Surefire: every class in a fresh worker JVM, so classes that leak static state get
// Surefire's verdicts (all pass); distest's own reuseForks=true wins over Surefire's and the leak shows.
import groovy.xml.XmlSlurper

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }
List<String> builds = buildLog.text.split(/(?=\[INFO\] Scanning for projects\.\.\.)/).findAll { it.contains('Scanning for projects') }
if (builds.size() != 3) fail("expected the logs of 3 builds in build.log, found ${builds.size()}")
builds.eachWithIndex { String log, int i -> if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed") }

if (!builds[1].contains('taken over by distest:test on 2*popen')) fail('build 2: no take-over')
if (!builds[1].contains('reuseForks=false: every test class in a fresh worker JVM')) fail('build 2: the log does not say that reuseForks=false is in force')
if (!(builds[1] =~ /forkCount=1 is replaced by the tx specs \(2\*popen\)/)) fail('build 2: forkCount not reported as replaced')
if (builds[2].contains('reuseForks=false')) fail('build 3: distest\'s own reuseForks=true should have won')
if (!builds[2].contains('distest\'s own: reuseForks')) fail('build 3: the log does not say distest\'s own reuseForks won')

def verdicts = { String dirName ->
    File dir = new File(basedir, "target/${dirName}")
    def result = new TreeMap<String, String>()
    (dir.listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }.each { file ->
        new XmlSlurper().parse(file).testcase.each { tc ->
            result["${tc.@classname}#${tc.@name}".toString()] = tc.failure.size() ? 'failure' : tc.error.size() ? 'error' : tc.skipped.size() ? 'skipped' : 'passed'
        }
    }
    if (result.size() != 3) fail("${dirName}: expected 3 test cases, found ${result}")
    return result
}
def surefire = verdicts('reports-surefire')
if (surefire.values().any { it != 'passed' }) fail("Surefire with reuseForks=false should pass every class: ${surefire}")
def distest = verdicts('reports-distest')
if (distest != surefire) fail("distest's verdicts differ from Surefire's: ${distest} vs ${surefire}")
def shared = verdicts('reports-shared')
if (!shared.values().any { it == 'failure' }) fail("with reused workers the leak should fail a class (3 classes, 2 JVMs): ${shared}")
println "surefire-reuse-forks-false: Surefire ${surefire}, distest ${distest}; reused workers ${shared}"
return true
