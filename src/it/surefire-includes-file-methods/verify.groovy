// Method filters in includesFile / excludesFile, run by Surefire 3.5.4 and by distest: the same methods run.

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 2)
builds.eachWithIndex { String log, int i ->
    boolean distest = i == 1
    if (!log.contains('BUILD SUCCESS')) fail("build ${i + 1} did not succeed")
    if (distest != log.contains('taken over by distest:test on 2*popen')) fail("build ${i + 1}: take-over line ${distest ? 'missing' : 'present'}")
    if (distest == (log =~ /(maven-)?surefire(-plugin)?:3\.5\.4:test \(default-test\)/).find()) fail("build ${i + 1}: Surefire ${distest ? 'ran' : 'did not run'}")
}

/** "classname # name: outcome" of every case (outcome without the failure's type and message). */
def cases = { String dirName ->
    new TreeSet<String>(parity.verdicts(new File(basedir, "target/${dirName}")).collectMany { id, outcomes ->
        outcomes.collect { "${id}: ${it.tokenize(' ')[0]}".toString() }
    })
}
def surefire = cases('reports-surefire')
def distest = cases('reports-distest')
if (surefire != distest) fail("distest's test cases differ from Surefire's:\n  Surefire: ${surefire}\n  distest:  ${distest}")
if (distest.size() != 2 || !distest.any { it ==~ /it\.methods\.FooTest # one(\(\))?: passed/ }
        || !distest.any { it ==~ /it\.methods\.BarTest # quick(\(\))?: passed/ }) {
    fail("expected FooTest one and BarTest quick, distest ran ${distest}")
}
def names = { String dirName -> parity.reportFiles(new File(basedir, "target/${dirName}")) }
if (names('reports-surefire') != names('reports-distest')) {
    fail("report files differ:\n  Surefire: ${names('reports-surefire')}\n  distest:  ${names('reports-distest')}")
}
println "includesFile/excludesFile method filters: Surefire and distest ran ${distest}"
return true
