package it.j47;

/** A JUnit 4 category: selected with groups=it.j47.Fast. */
public interface Fast {}
