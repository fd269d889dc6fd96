package vn.haiphong.bdhvs.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The data contract of one table, read from {@code schemas/<kind>/<table>.json}: the one place
 * where a table's columns, types, headers and descriptions are written down. Parsers, writers,
 * the generator and the docs read it instead of repeating column lists.
 */
public record TableContract(
    String table,
    String kind,
    String source,
    String path,
    String format,
    String description,
    List<String> keys,
    List<ColumnContract> columns) implements Serializable {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public TableContract {
    keys = keys == null ? List.of() : List.copyOf(keys);
    columns = List.copyOf(columns);
  }

  /** Loads {@code schemas/<kind>/<table>.json} from the classpath, e.g. {@code load("input", "contest_visits")}. */
  public static TableContract load(String kind, String table) {
    String resource = "schemas/" + kind + "/" + table + ".json";
    try (InputStream in = TableContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no data contract " + resource + " on the classpath");
      }
      TableContract contract = JSON.readValue(in, TableContract.class);
      if (!table.equals(contract.table())) {
        throw new IllegalStateException(resource + " declares table '" + contract.table() + "'");
      }
      return contract;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data contract " + resource, e);
    }
  }

  public Optional<ColumnContract> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnContract::name).toList();
  }

  /** The Spark schema of an output table, from each column's Spark SQL type ({@code string}, {@code bigint}, ...). */
  public StructType sparkSchema() {
    return schemaOf(columns);
  }

  /** The columns a row parser produces: the output schema without {@code derived} columns. */
  public StructType parsedSchema() {
    return schemaOf(columns.stream().filter(c -> !c.derived()).toList());
  }

  private static StructType schemaOf(List<ColumnContract> columns) {
    StructType schema = new StructType();
    for (ColumnContract c : columns) {
      schema = schema.add(new StructField(c.name(), DataType.fromDDL(c.type()), c.nullable(),
          org.apache.spark.sql.types.Metadata.empty()));
    }
    return schema;
  }
}
