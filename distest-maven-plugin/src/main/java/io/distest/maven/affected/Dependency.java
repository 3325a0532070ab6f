package io.distest.maven.affected;

/**
 * One thing a test class used: a project class by binary name ({@code a/b/C$1}), a resource by class path name, or a
 * file it opened below the module directory, relative to it with {@code /}.
 */
record Dependency(Kind kind, String name) implements Comparable<Dependency> {
    enum Kind {
        CLASS('c'), RESOURCE('r'), FILE('f');

        final char letter;

        Kind(char letter) {
            this.letter = letter;
        }

        static Kind of(char letter) {
            for (Kind kind : values()) {
                if (kind.letter == letter) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no dependency kind '" + letter + "'");
        }
    }

    Dependency {
        if (name.isEmpty() && kind == Kind.CLASS) {
            throw new IllegalArgumentException("a class needs a name");
        }
        if (name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a dependency name cannot hold a tab or a line break: " + name);
        }
    }

    /** Unique across kinds. */
    String key() {
        return kind.letter + ":" + name;
    }

    /** How a log line names it: the class in Java's dotted form, the resource as it is. */
    String shown() {
        return switch (kind) {
            case CLASS -> name.replace('/', '.');
            case RESOURCE -> "resource " + (name.isEmpty() ? "(class path root)" : name);
            case FILE -> "file " + name;
        };
    }

    @Override
    public int compareTo(Dependency other) {
        return key().compareTo(other.key());
    }
}
