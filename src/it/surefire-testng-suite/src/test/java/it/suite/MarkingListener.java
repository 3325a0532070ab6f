package it.suite;

import org.testng.ITestListener;
import org.testng.ITestResult;

/** Named by the suite's <listeners>: marks that it saw a test start. */
public class MarkingListener implements ITestListener {
    @Override
    public void onTestStart(ITestResult result) {
        System.setProperty("it.suite.listener", "saw " + result.getMethod().getMethodName());
    }
}
