package it.spring;

/** Stands for what an application context does when it starts (pools, caches, migrations): one second. */
public class SlowStart {
    public SlowStart() throws InterruptedException {
        Thread.sleep(1000);
    }
}
