package io.distest.protocol;

/** What a worker runs on: shown in start-up lines and reports. */
public record WorkerFacts(
        String javaVersion, String javaVendor, String osName, String osArch, String hostName, int processors, long pid) {

    /** The facts of the JVM that calls this. */
    public static WorkerFacts ofThisJvm() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "unknown";
        }
        return new WorkerFacts(
                System.getProperty("java.version"),
                System.getProperty("java.vendor"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"),
                host,
                Runtime.getRuntime().availableProcessors(),
                ProcessHandle.current().pid());
    }

    /** A short platform label such as {@code Java 17.0.15 (Debian), Linux amd64, host1}. */
    public String platform() {
        return "Java " + javaVersion + " (" + javaVendor + "), " + osName + " " + osArch + ", " + hostName;
    }
}
