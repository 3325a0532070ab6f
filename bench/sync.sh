#!/usr/bin/env bash
# Sync benchmark: a project whose test class path holds more than 50 MB runs on a local socket worker server
# three times: first run (everything travels), unchanged second run (nothing should), one changed class (one
# file should). Prints files and bytes sent and the sync time of each, as distest's build log reports them.
# Needs the plugin in ~/.m2 (mvn install -DskipTests at the repository root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/work/sync"
version=0.1.0-SNAPSHOT
jar="$HOME/.m2/repository/io/distest/distest-maven-plugin/$version/distest-maven-plugin-$version.jar"
[ -f "$jar" ] || { echo "install distest first: (cd $here/.. && mvn -q install -DskipTests)"; exit 1; }

rm -rf "$work" && mkdir -p "$work/project/src/test/java/bench" "$work/project/src/test/resources" "$work/server"
cd "$work/project"
cat > pom.xml <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>sync-bench</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version><scope>test</scope></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
    <plugin><groupId>io.distest</groupId><artifactId>distest-maven-plugin</artifactId><version>$version</version><extensions>true</extensions></plugin>
  </plugins></build>
</project>
POM
# 52 MB of test resources (incompressible), copied into target/test-classes: on the test class path
for i in $(seq 1 13); do head -c 4000000 /dev/urandom > "src/test/resources/blob-$i.bin"; done
for i in $(seq 1 20); do
  cat > "src/test/java/bench/Sync${i}Test.java" <<JAVA
package bench;
class Sync${i}Test {
    @org.junit.jupiter.api.Test
    void reads() throws Exception {
        org.junit.jupiter.api.Assertions.assertNotNull(getClass().getResource("/blob-1.bin"));
    }
}
JAVA
done
mvn -q -B test-compile

token=bench-token
java_bin="${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
[ -x "$java_bin" ] || java_bin=java
unzip -p "$jar" META-INF/distest/distest-worker.jar > "$work/distest-worker.jar"
DISTEST_TOKEN=$token "$java_bin" -jar "$work/distest-worker.jar" serve --port 0 --root "$work/server" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do grep -q "listening on" "$work/server.log" && break; sleep 0.2; done
port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/server.log" | head -1)

classpath_mb=$(du -sm target/test-classes | cut -f1)
run() {
  local label=$1
  local start end
  start=$(date +%s.%N)
  mvn -o -B -Dstyle.color=never test -Ddistest.tx="2*socket=127.0.0.1:$port" -Ddistest.token=$token > "$work/$label.log" 2>&1 \
    || { tail -40 "$work/$label.log"; exit 1; }
  end=$(date +%s.%N)
  local line
  line=$(grep -o "synced .*" "$work/$label.log" | head -1)
  printf "%-22s %-80s build %5.1f s\n" "$label" "$line" "$(awk "BEGIN{print $end - $start}")"
}
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); test class path of the project: ${classpath_mb} MB plus jars"
run "first run"
run "unchanged second run"
sed -i 's/assertNotNull/assertTrue(true); org.junit.jupiter.api.Assertions.assertNotNull/' src/test/java/bench/Sync7Test.java
mvn -q -o -B test-compile >/dev/null
run "one class changed"
