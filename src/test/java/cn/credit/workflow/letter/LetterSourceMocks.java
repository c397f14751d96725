package cn.credit.workflow.letter;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import cn.credit.workflow.casefile.CaseKind;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** For the letter slices: one mock {@link LetterSource} per kind of case, knowing no code until told. */
abstract class LetterSourceMocks {

  @Autowired
  MockMvc mvc;

  @MockitoBean(name = "repairLetters")
  LetterSource repairs;

  @MockitoBean(name = "disputeLetters")
  LetterSource disputes;

  @BeforeEach
  void kinds() {
    when(repairs.kind()).thenReturn(CaseKind.REPAIR);
    when(disputes.kind()).thenReturn(CaseKind.DISPUTE);
    when(repairs.byCode(anyString())).thenReturn(Optional.empty());
    when(disputes.byCode(anyString())).thenReturn(Optional.empty());
  }
}
