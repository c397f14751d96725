package cn.credit.workflow.document;

import cn.credit.workflow.casefile.CaseKind;
import cn.credit.workflow.letter.Letter;
import cn.credit.workflow.letter.LetterSource;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The decision letter as a PDF, for exactly those who may see the printable letter: the letter comes
 * from the same {@link LetterSource#issuedFor}, which answers 404 for anyone else.
 */
@Controller
class LetterDocumentController {

  private final List<LetterSource> sources;
  private final LetterDocuments documents;

  LetterDocumentController(List<LetterSource> sources, LetterDocuments documents) {
    this.sources = sources;
    this.documents = documents;
  }

  @GetMapping("/repair-requests/{id}/letter.pdf")
  ResponseEntity<byte[]> repairDecision(@PathVariable Long id, Principal principal) {
    LetterSource source = sources.stream().filter(s -> s.kind() == CaseKind.REPAIR).findFirst().orElseThrow();
    Letter letter = source.issuedFor(id, principal.getName());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(documents.fileName(letter), StandardCharsets.UTF_8).build().toString())
        .body(documents.decisionLetter(letter));
  }
}
