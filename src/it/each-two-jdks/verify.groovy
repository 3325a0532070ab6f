// dist=each on JDK 17 and Temurin 25: exactly one test fails, on exactly the Java 25 platform.
def reports = new File(basedir, 'target/surefire-reports')
def log = new File(basedir, 'build.log').text

def parse = { String name ->
    def file = new File(reports, name)
    assert file.isFile() : "missing report ${name}; present: ${reports.list()?.sort()}"
    new groovy.xml.XmlSlurper().parse(file)
}
def jdk17 = parse('TEST-each.PlatformTest-jdk17.xml')
def jdk25 = parse('TEST-each.PlatformTest-jdk25.xml')
assert jdk17.@failures.text() == '0' : "JDK 17 must pass: ${jdk17.@failures}"
assert jdk25.@failures.text() == '1' : "Temurin 25 must fail once: ${jdk25.@failures}"
def failed = jdk25.testcase.findAll { it.failure.size() > 0 }*.@name*.text()
assert failed == ['needsAJavaBefore21'] : "failed on jdk25: ${failed}"
assert jdk25.properties.property.find { it.@name == 'java.version' }.@value.text().startsWith('25')
assert jdk17.properties.property.find { it.@name == 'java.version' }.@value.text().startsWith('17')
assert parse('TEST-each.OtherTest-jdk17.xml').@tests.text() == '1'
assert parse('TEST-each.OtherTest-jdk25.xml').@tests.text() == '1'

assert log.contains('Per platform (dist=each):')
assert log =~ /jdk25\s+3\s+1\s+0\s+0/ : 'the per-platform table counts 3 runs and 1 failure on jdk25'
assert log.contains('each.PlatformTest.needsAJavaBefore21 fails on jdk25 (Java 25')
assert !log.contains('fails on jdk17')
return true
