package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.codes.RejectReason;

/**
 * The one shape every parser emits: bookkeeping columns (file, line, kind, reject reason) followed
 * by the typed columns of an accepted record. Keeping rejects and accepted rows in one dataset
 * lets a single pass over the files count rows read = accepted + rejected per file.
 */
public final class ParsedRows {
  public static final String FILE = "_file";
  public static final String LINE = "_line";
  public static final String KIND = "_kind";
  /** How many input records the row stands for: 1, or every data line of a rejected file. */
  public static final String ROWS = "_rows";
  public static final String REASON = "_reason";
  public static final String DETAIL = "_detail";

  public static final String ACCEPTED = "accepted";
  public static final String REJECTED = "rejected";
  public static final String FILE_REJECTED = "file_rejected";
  public static final String NOTE = "note";

  private static final StructType BOOKKEEPING = new StructType()
      .add(FILE, DataTypes.StringType, false)
      .add(LINE, DataTypes.LongType, true)
      .add(KIND, DataTypes.StringType, false)
      .add(ROWS, DataTypes.LongType, false)
      .add(REASON, DataTypes.StringType, true)
      .add(DETAIL, DataTypes.StringType, true);

  private ParsedRows() {}

  public static StructType schema(StructType typed) {
    StructType s = BOOKKEEPING;
    for (StructField f : typed.fields()) {
      s = s.add(f.name(), f.dataType(), true);
    }
    return s;
  }

  /** The accepted records: their typed columns and the line they came from as {@code source_line}. */
  public static Dataset<Row> accepted(Dataset<Row> parsed, StructType typed) {
    List<Column> columns = new ArrayList<>();
    for (String name : typed.fieldNames()) {
      columns.add(col(name));
    }
    columns.add(col(LINE).as("source_line"));
    return parsed.filter(col(KIND).equalTo(ACCEPTED)).select(columns.toArray(Column[]::new));
  }

  /** Collects the rows one file produces. */
  public static final class Sink {
    private final String file;
    private final int width;
    private final List<Row> rows = new ArrayList<>();

    public Sink(String file, StructType typed) {
      this.file = file;
      this.width = typed.size();
    }

    public void accept(long line, Object... values) {
      if (values.length != width) {
        throw new IllegalStateException("parser produced " + values.length + " values for " + width + " columns");
      }
      rows.add(row(line, ACCEPTED, 1, null, null, values));
    }

    public void reject(long line, RejectReason reason, String detail) {
      rows.add(row(line, REJECTED, 1, reason.code(), detail, new Object[width]));
    }

    public void rejectFile(RejectReason reason, String detail, long dataLines) {
      rows.add(row(null, FILE_REJECTED, dataLines, reason.code(), detail, new Object[width]));
    }

    public void note(String detail) {
      rows.add(row(null, NOTE, 0, null, detail, new Object[width]));
    }

    public List<Row> rows() {
      return rows;
    }

    private Row row(Long line, String kind, long count, String reason, String detail, Object[] values) {
      Object[] all = new Object[6 + width];
      all[0] = file;
      all[1] = line;
      all[2] = kind;
      all[3] = count;
      all[4] = reason;
      all[5] = detail;
      System.arraycopy(values, 0, all, 6, width);
      return RowFactory.create(all);
    }
  }
}
