package it.tng7;

import org.testng.ITestListener;
import org.testng.ITestResult;

/** Named only in Surefire's provider properties (listener): marks every test it sees finish. */
public class MarkingListener implements ITestListener {
    @Override
    public void onTestSuccess(ITestResult result) {
        Marks.add("listener saw " + result.getMethod().getMethodName() + " pass");
    }

    @Override
    public void onTestFailure(ITestResult result) {
        Marks.add("listener saw " + result.getMethod().getMethodName() + " fail");
    }
}
