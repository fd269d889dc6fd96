package vn.haiphong.bdhvs.landing;

import java.io.Serializable;

/**
 * One delivered file in the landing: which table it feeds, the folder it came in (a date
 * {@code yyyy-MM-dd}, or a month {@code yyyy-MM} for telecom), its bytes' SHA-256, its size and its
 * modification time ({@code modified}, an instant; see {@link Landing.HeldFiles} for what they spare).
 * {@code path} is relative to the landing root, as rejects and the run manifest show it; {@code uri}
 * names the file exactly (an encoded URI). {@code notRegular} says what an entry that is not a
 * readable regular file is (a dangling link, a named pipe…): it is then not opened, and its
 * SHA-256 is that of this description.
 */
public record Delivery(String source, String table, String path, String uri, String folder,
    String sha256, long bytes, String modified, String notRegular) implements Serializable {}
