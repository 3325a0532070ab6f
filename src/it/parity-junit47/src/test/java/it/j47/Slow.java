package it.j47;

/** A JUnit 4 category left out by groups=it.j47.Fast. */
public interface Slow {}
