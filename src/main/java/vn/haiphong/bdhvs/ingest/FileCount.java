package vn.haiphong.bdhvs.ingest;

import java.util.List;

/** What one file gave: rows read = accepted + rejected; {@code fileReason} set when the whole file was rejected. */
public record FileCount(String path, long read, long accepted, long rejected, String fileReason,
    List<String> notes) {}
