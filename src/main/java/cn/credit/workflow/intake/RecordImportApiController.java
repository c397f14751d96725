package cn.credit.workflow.intake;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import cn.credit.workflow.text.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A department's batch of records over the API: a dry run first, then the same file with {@code commit=true}. */
@RestController
@Tag(name = "records")
class RecordImportApiController {

  private final RecordImport imports;

  RecordImportApiController(RecordImport imports) {
    this.imports = imports;
  }

  @PostMapping(path = "/api/records/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import the department's records from an .xlsx or .csv file (header row, one record a row). "
      + "commit=false (default) is a dry run; commit=true stores the good new rows, or with mode=ALL_OR_NOTHING "
      + "(default) nothing when a row is bad (422 with the report). A document number the department registered "
      + "already is left as it is: a file sent again changes nothing.")
  RecordImport.Report importRecords(@RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "ALL_OR_NOTHING") RecordImport.Mode mode,
      @RequestParam(defaultValue = "false") boolean commit, Principal principal) throws IOException {
    if (file == null || file.isEmpty()) {
      throw ApiProblem.unprocessable(List.of(FieldProblem.of("file", "record.import.empty")), "record.import.empty");
    }
    RecordImport.Report report;
    try (InputStream content = file.getInputStream()) {
      report = imports.run(file.getOriginalFilename(), content, mode, commit, principal.getName());
    }
    if (commit && !report.committed()) {
      throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, Text.of("record.import.nothingStored",
          report.problems().size()), List.of(), Map.of("report", report));
    }
    return report;
  }
}
