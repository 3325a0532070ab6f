package it.tng7;

import java.util.List;
import org.testng.IReporter;
import org.testng.ISuite;
import org.testng.xml.XmlSuite;

/** Named only in Surefire's provider properties (reporter): marks the suites it reports on. */
public class MarkingReporter implements IReporter {
    @Override
    public void generateReport(List<XmlSuite> xmlSuites, List<ISuite> suites, String outputDirectory) {
        suites.forEach(suite -> Marks.add("reporter saw suite " + suite.getName()));
    }
}
