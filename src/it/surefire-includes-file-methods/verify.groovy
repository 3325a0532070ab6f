// Method filters in includesFile / excludesFile, run by Surefire 3.5.4 and by distest: the same methods run; with
// <includes> beside the file (builds 3 and 4) a class only <includes> names is scanned but not run, in both.

File buildLog = new File(basedir, 'build.log')
assert buildLog.isFile() : "no build.log in ${basedir}"
def fail = { String message -> throw new AssertionError(message + "\n(see ${buildLog})") }

def parity = evaluate(new File(itSources, 'parity.groovy'))
List<String> builds = parity.builds(basedir, 4)
parity.surefireThenDistest(builds[0..1], '2*popen', fail)
parity.surefireThenDistest(builds[2..3], '2*popen', fail)
def cases = { String dirName -> parity.cases(new File(basedir, "target/${dirName}")) }
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
def withIncludes = cases('reports-surefire-includes')
if (withIncludes != cases('reports-distest-includes')) fail("with <includes>, distest's test cases differ from Surefire's:\n  Surefire: ${withIncludes}\n  distest:  ${cases('reports-distest-includes')}")
if (withIncludes != surefire) fail("with <includes>, Surefire ran ${withIncludes} instead of ${surefire}: the scenario no longer shows what it should")
println "includesFile/excludesFile method filters: Surefire and distest ran ${distest}, with <includes> as well"
return true
