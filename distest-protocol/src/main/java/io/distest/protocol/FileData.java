package io.distest.protocol;

/** A chunk of a requested file's content; the far side checks the hash when {@code last} arrives. */
public record FileData(int index, byte[] bytes, boolean last) implements Message {
    @Override
    public boolean equals(Object other) {
        return other instanceof FileData that && index == that.index && last == that.last
                && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * index + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "FileData[index=" + index + ", bytes=" + bytes.length + ", last=" + last + "]";
    }
}
