package io.junction.web.site;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Stores a list of comma-free tokens (permissions) as one comma-separated column. */
@Converter
public class StringListConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    return values == null ? "" : String.join(",", values);
  }

  @Override
  public List<String> convertToEntityAttribute(String column) {
    if (column == null || column.isEmpty()) {
      return new ArrayList<>();
    }
    return new ArrayList<>(Arrays.asList(column.split(",")));
  }
}
