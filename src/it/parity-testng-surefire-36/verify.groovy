// Surefire 3.6.1 runs TestNG on the JUnit Platform's TestNG engine 1.1.0, which it adds itself; distest does the same
// and writes the same cases, counts and elements. TestNG 6.9.10 is refused by both before any test, in the same words.
def parity = evaluate(new File(itSources, 'parity.groovy'))
def builds = parity.builds(basedir, 4)
def fail = { String message -> throw new AssertionError(message + "\n(see ${new File(basedir, 'build.log')})") }
if (!builds[1].contains('taken over by distest:test on 2*popen')) fail('build 2 was not taken over')
def difference = parity.compare(basedir, 'TestNG 7 under Surefire 3.6.1', 'target/reports-surefire', 'target/reports-distest', builds[0], builds[1])
if (difference) fail(difference)
difference = parity.compareShapes(basedir, 'TestNG 7 under Surefire 3.6.1', 'target/reports-surefire', 'target/reports-distest')
if (difference) fail(difference)
if (!builds[1].contains('TestNG is present. Adding per default org.junit.support:testng-engine:1.1.0')) fail('build 2 does not say it adds the TestNG engine, as Surefire 3.6.1 says')
String refusal = 'TestNG support requires version 6.14.3 or above. You have declared version 6.9.10'
[2, 3].each { if (!builds[it].contains(refusal)) fail("build ${it + 1} does not refuse TestNG 6.9.10 as Surefire 3.6.1 does") }
if (builds[3].contains('Running it.tng36')) fail('build 4 ran tests with a TestNG Surefire 3.6.1 refuses')
return true
