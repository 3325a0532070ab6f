#!/usr/bin/env bash
# Integration tests: `mvn verify` with Failsafe vs with distest on 2*popen, on a generated project whose ITs take
# most of the time (a server started in pre-integration-test; ITs that wait on it, as ITs do). Wall times of the
# whole `mvn verify` side by side; writes bench/results/failsafe.txt.
#
#   bench/failsafe.sh                                  # REPEAT=3, 8 IT classes of 2 s, 10 unit test classes
#   REPEAT=1 IT_CLASSES=4 IT_SECONDS=1 bench/failsafe.sh
#
# The plugin comes from ~/.m2, or from BENCH_PLUGIN_REPO (e.g. distest-maven-plugin/target/local-repo, which the
# invoker ITs fill) with ~/.m2 as its remote repository. Settings: REPEAT, IT_CLASSES, IT_SECONDS, UNIT_CLASSES,
# BENCH_TX (2*popen), MVN (mvn).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
REPEAT="${REPEAT:-3}"; IT_CLASSES="${IT_CLASSES:-8}"; IT_SECONDS="${IT_SECONDS:-2}"; UNIT_CLASSES="${UNIT_CLASSES:-10}"
BENCH_TX="${BENCH_TX:-2*popen}"; MVN="${MVN:-mvn}"
version="$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' "$root/pom.xml" | head -1)"
work="$here/work/failsafe"
rm -rf "$work"; mkdir -p "$work/src/main/java/bench" "$work/src/test/java/bench" "$here/results"

mvn_args=(-B)
if [[ -z "${BENCH_PLUGIN_REPO:-}" ]]; then
  mvn_args+=(-o)
else # not offline: the file:// repository (~/.m2) counts as remote
  repo="$(cd "$root" && realpath "$BENCH_PLUGIN_REPO")"
  sed "s#@localRepositoryUrl@#file://$HOME/.m2/repository#" "$root/src/it/settings.xml" > "$work/settings.xml"
  mvn_args+=(-Dmaven.repo.local="$repo" -s "$work/settings.xml")
fi

cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>failsafe-bench</artifactId><version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencies>
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter-api</artifactId><version>5.14.4</version><scope>test</scope></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin><artifactId>maven-clean-plugin</artifactId><version>3.4.0</version></plugin>
      <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.13.0</version></plugin>
      <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
      <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
      <plugin>
        <artifactId>maven-failsafe-plugin</artifactId><version>3.5.4</version>
        <executions><execution><goals><goal>integration-test</goal><goal>verify</goal></goals></execution></executions>
      </plugin>
      <plugin>
        <groupId>org.codehaus.mojo</groupId><artifactId>exec-maven-plugin</artifactId><version>3.5.0</version>
        <executions>
          <execution><id>start-server</id><phase>pre-integration-test</phase><goals><goal>exec</goal></goals>
            <configuration><executable>\${java.home}/bin/java</executable><async>true</async><classpathScope>test</classpathScope>
              <arguments><argument>-classpath</argument><classpath/><argument>bench.Server</argument><argument>\${project.basedir}</argument></arguments>
            </configuration></execution>
          <execution><id>stop-server</id><phase>post-integration-test</phase><goals><goal>java</goal></goals>
            <configuration><classpathScope>test</classpathScope><mainClass>bench.Server</mainClass>
              <arguments><argument>\${project.basedir}</argument><argument>stop</argument></arguments></configuration></execution>
        </executions>
      </plugin>
      <plugin><groupId>io.distest</groupId><artifactId>distest-maven-plugin</artifactId><version>$version</version><extensions>true</extensions></plugin>
    </plugins>
  </build>
</project>
POM

cat > "$work/src/main/java/bench/Prices.java" <<'JAVA'
package bench;
public final class Prices { private Prices() { } public static int twice(int p) { return 2 * p; } }
JAVA

# The server answers "wait MILLIS" after that long (a slow service), "stop" by exiting.
cat > "$work/src/test/java/bench/Server.java" <<'JAVA'
package bench;
import java.io.*; import java.net.*; import java.nio.file.*;
public final class Server {
    public static void main(String[] args) throws Exception {
        Path port = Path.of(args[0], "target", "server.port");
        if (args.length > 1) { System.out.println(ask(port, "stop")); return; }
        try (ServerSocket server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress())) {
            Files.writeString(Path.of(port + ".tmp"), String.valueOf(server.getLocalPort()));
            Files.move(Path.of(port + ".tmp"), port);
            while (true) {
                Socket socket = server.accept();
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream()));
                String line = in.readLine();
                if ("stop".equals(line)) { new PrintWriter(socket.getOutputStream(), true).println("bye"); return; }
                new Thread(() -> { try (socket) {
                    Thread.sleep(Long.parseLong(line.substring(5)));
                    new PrintWriter(socket.getOutputStream(), true).println("done");
                } catch (Exception e) { } }).start();
            }
        }
    }
    static String ask(Path port, String line) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.isRegularFile(port)) { if (System.nanoTime() > deadline) throw new IllegalStateException("no " + port); Thread.sleep(20); }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(Files.readString(port).trim()))) {
            new PrintWriter(s.getOutputStream(), true).println(line);
            return new BufferedReader(new InputStreamReader(s.getInputStream())).readLine();
        }
    }
}
JAVA

for ((i = 1; i <= UNIT_CLASSES; i++)); do
  cat > "$work/src/test/java/bench/Unit${i}Test.java" <<JAVA
package bench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Test;
class Unit${i}Test {
    @Test void doubles() { assertEquals(2 * $i, Prices.twice($i)); }
    @Test void doublesZero() { assertEquals(0, Prices.twice(0)); }
}
JAVA
done
half=$((IT_SECONDS * 500))
for ((i = 1; i <= IT_CLASSES; i++)); do
  cat > "$work/src/test/java/bench/Checkout${i}IT.java" <<JAVA
package bench;
import static org.junit.jupiter.api.Assertions.assertEquals;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
class Checkout${i}IT {
    private static String call() throws Exception { return Server.ask(Path.of("target", "server.port"), "wait $half"); }
    @Test void pays() throws Exception { assertEquals("done", call()); }
    @Test void refunds() throws Exception { assertEquals("done", call()); }
}
JAVA
done

run() { # $1 label, rest: extra arguments; prints the wall seconds of one `mvn clean verify`
  local label="$1"; shift
  local log="$work/$label.log" start end
  start=$(date +%s.%N)
  if ! (cd "$work" && "$MVN" "${mvn_args[@]}" clean verify "$@" > "$log" 2>&1); then
    echo "bench/failsafe.sh: $label build failed, see $log" >&2; exit 1
  fi
  end=$(date +%s.%N)
  grep -q "Tests run: $((IT_CLASSES * 2)), Failures: 0" "$log" || { echo "bench/failsafe.sh: $label: ITs did not all run, see $log" >&2; exit 1; }
  if [[ "$label" == distest* ]] && ! grep -q 'taken over by distest:integration-test' "$log"; then
    echo "bench/failsafe.sh: $label: no Failsafe take-over, see $log" >&2; exit 1
  fi
  python3 -c "print(f'{$end - $start:.1f}')"
}

{
  echo "# bench/failsafe.sh $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
  echo "# ${UNIT_CLASSES} unit test classes (trivial), ${IT_CLASSES} IT classes x 2 tests x ${half} ms waiting on a server"
  echo "# started in pre-integration-test: $((IT_CLASSES * IT_SECONDS)) s of ITs one after another. mvn clean verify, wall seconds:"
  printf '%-6s %22s %22s\n' run "Failsafe (1 fork)" "distest $BENCH_TX"
  f_all=(); d_all=()
  for ((r = 1; r <= REPEAT; r++)); do
    f=$(run failsafe); d=$(run distest "-Ddistest.tx=$BENCH_TX")
    f_all+=("$f"); d_all+=("$d")
    printf '%-6s %22s %22s\n' "$r" "$f" "$d"
  done
  python3 - "${f_all[*]}" "${d_all[*]}" <<'PY'
import statistics, sys
f = [float(x) for x in sys.argv[1].split()]; d = [float(x) for x in sys.argv[2].split()]
print(f"{'median':<6} {statistics.median(f):>22.1f} {statistics.median(d):>22.1f}   distest/Failsafe = {statistics.median(d) / statistics.median(f):.2f}")
PY
  grep -h 'distest: .* s wall' "$work/distest.log" | sed 's/^/# last distest run: /' | cut -c1-200
} | tee "$here/results/failsafe.txt"
