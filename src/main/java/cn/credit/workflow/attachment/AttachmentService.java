package cn.credit.workflow.attachment;

import cn.credit.workflow.system.ApiProblem;
import cn.credit.workflow.system.FieldProblem;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores a case's proof files. A file is refused, with its name and the reason, when it is too
 * large, of a kind not accepted, or not what its name says (a ".pdf" must start like a PDF).
 */
@Service
@EnableConfigurationProperties(AttachmentRules.class)
public class AttachmentService {

  /** The first bytes each accepted kind starts with; a file named .pdf that is not a PDF is refused. */
  private static final Map<String, List<byte[]>> SIGNATURES = Map.of(
      "pdf", List.of("%PDF".getBytes()),
      "png", List.of(new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
      "jpg", List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
      "jpeg", List.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
      "ofd", List.of(new byte[] {'P', 'K', 3, 4}),
      "docx", List.of(new byte[] {'P', 'K', 3, 4}),
      "xlsx", List.of(new byte[] {'P', 'K', 3, 4}));

  private static final Map<String, String> CONTENT_TYPES = Map.of("pdf", "application/pdf", "png", "image/png",
      "jpg", "image/jpeg", "jpeg", "image/jpeg", "ofd", "application/ofd",
      "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final AttachmentRepository attachments;
  private final AttachmentRules rules;
  private final Clock clock;

  AttachmentService(AttachmentRepository attachments, AttachmentRules rules, Clock clock) {
    this.attachments = attachments;
    this.rules = rules;
    this.clock = clock;
  }

  /** Every problem with the files, each about the field {@code files}; empty when all may be stored. */
  public List<FieldProblem> problemsWith(List<MultipartFile> files) {
    return problemsWith(files, "files");
  }

  /** The same, about the form's field {@code field}. */
  public List<FieldProblem> problemsWith(List<MultipartFile> files, String field) {
    List<FieldProblem> problems = new ArrayList<>();
    List<MultipartFile> given = present(files);
    if (given.size() > rules.maxFiles()) {
      problems.add(FieldProblem.of(field, "attachment.tooMany", rules.maxFiles()));
    }
    for (MultipartFile file : given) {
      String name = nameOf(file);
      String extension = extensionOf(name);
      if (!rules.allowedTypes().contains(extension)) {
        problems.add(FieldProblem.of(field, "attachment.type", name, rules.allowedTypes()));
      } else if (file.getSize() > rules.maxFileSize().toBytes()) {
        problems.add(FieldProblem.of(field, "attachment.tooLarge", name, rules.maxFileSize().toMegabytes()));
      } else if (!startsAsNamed(file, extension)) {
        problems.add(FieldProblem.of(field, "attachment.content", name, extension));
      }
    }
    return problems;
  }

  @Transactional
  public List<Attachment> store(String caseRef, List<MultipartFile> files, String username) {
    return store(caseRef, files, username, null);
  }

  /** Stores the files as the material {@code material} asks for (null: proof in general). */
  @Transactional
  public List<Attachment> store(String caseRef, List<MultipartFile> files, String username, String material) {
    List<FieldProblem> problems = problemsWith(files, material == null ? "files" : materialField(material));
    if (!problems.isEmpty()) {
      throw ApiProblem.unprocessable(problems, "attachment.notStored");
    }
    List<Attachment> stored = new ArrayList<>();
    for (MultipartFile file : present(files)) {
      try {
        byte[] content = file.getBytes();
        String name = nameOf(file);
        stored.add(attachments.save(new Attachment(caseRef, name, CONTENT_TYPES.get(extensionOf(name)), content,
            sha256(content), username, clock.instant(), material)));
      } catch (IOException e) {
        throw new IllegalStateException("upload of " + file.getOriginalFilename() + " could not be read", e);
      }
    }
    return stored;
  }

  /** What the form field of a material's files starts with, before the material's code. */
  public static final String MATERIAL_FIELD = "material-";

  /** The form field of a material's files: {@code material-<code>}. */
  public static String materialField(String material) {
    return MATERIAL_FIELD + material;
  }

  /** Whether any of the files has content: an empty file input still sends a part. */
  public static boolean anyGiven(List<MultipartFile> files) {
    return !present(files).isEmpty();
  }

  @Transactional(readOnly = true)
  public List<Attachment> ofCase(String caseRef) {
    return attachments.findByCaseRefOrderById(caseRef);
  }

  @Transactional(readOnly = true)
  public Attachment get(Long id) {
    Attachment attachment = attachments.findById(id).orElseThrow(() -> ApiProblem.notFound("attachment.none", id));
    attachment.getContent();
    return attachment;
  }

  private static List<MultipartFile> present(List<MultipartFile> files) {
    return files == null ? List.of() : files.stream().filter(f -> f != null && !f.isEmpty()).toList();
  }

  /** The file's own name without any folder a browser may send, kept to 200 characters. */
  private static String nameOf(MultipartFile file) {
    String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  private static String extensionOf(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean startsAsNamed(MultipartFile file, String extension) {
    try {
      byte[] head = file.getInputStream().readNBytes(8);
      return SIGNATURES.getOrDefault(extension, List.of()).stream().anyMatch(sig -> startsWith(head, sig));
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean startsWith(byte[] head, byte[] signature) {
    if (head.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if (head[i] != signature[i]) {
        return false;
      }
    }
    return true;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
