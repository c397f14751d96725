package cn.credit.workflow.publicsite;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.credit.workflow.record.PublicationState;
import cn.credit.workflow.security.SiteSecurity;
import cn.credit.workflow.system.ApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The public pages as anyone sees them, without signing in (the real filter chains,
 * {@link SiteSecurity}): what the page lists comes only from {@link PublicPages}, which masks;
 * its masking and its queries are PublicMaskingTest's and PublicMaskingHttpTest's.
 */
@WebMvcTest(PublicController.class)
@SiteSecurity
class PublicControllerSliceTest {

  private static final String USCC = "91310000MA1FL8XQ3X";

  @Autowired
  MockMvc mvc;

  @MockitoBean
  PublicPages pages;

  @Test
  void aSearchFindingOneEntityGoesStraightToItsPage() throws Exception {
    when(pages.search(USCC)).thenReturn(new PublicPages.Found(USCC, List.of()));

    mvc.perform(get("/public").param("q", "  " + USCC + " "))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/public/entities/" + USCC));
  }

  @Test
  void aSearchFindingSeveralListsThemAndAnEmptyOneSearchesNothing() throws Exception {
    when(pages.search("便利店")).thenReturn(new PublicPages.Found(null, List.of(
        new PublicPages.PublicEntity("张**便利店", USCC), new PublicPages.PublicEntity("李*便利店", "92310000MA1FL8XQ3X"))));

    mvc.perform(get("/public").param("q", "便利店"))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("张**便利店"), containsString("李*便利店"),
            containsString("/public/entities/" + USCC))));

    mvc.perform(get("/public").param("q", "   ")).andExpect(status().isOk());
    verify(pages, never()).search("");
  }

  @Test
  void anEntityPageShowsPublishedStoppedAndCommitmentsAsGiven() throws Exception {
    PublicPages.PublicRecord published = new PublicPages.PublicRecord(1L, "沪市监罚〔2026〕7号", "未按期年报", "经营者张*未按期年报",
        // decided 2026-03-02, a year to the end of 2027-03-02: the automatic end is the day after, and the
        // page shows the last day of publication
        PublicationState.PUBLISHED, "市市场监管局", "Market Regulation Bureau", LocalDate.of(2026, 3, 2),
        LocalDate.of(2027, 3, 3), Instant.parse("2026-03-02T02:00:00Z"), List.of());
    PublicPages.PublicRecord stopped = new PublicPages.PublicRecord(2L, "沪税罚〔2025〕3号", "逾期申报", "逾期申报",
        PublicationState.STOPPED, "市税务局", "Tax Bureau", LocalDate.of(2025, 5, 6), LocalDate.of(2026, 5, 6),
        Instant.parse("2026-10-31T02:00:00Z"), List.of());
    when(pages.entity(USCC)).thenReturn(new PublicPages.EntityPage(new PublicPages.PublicEntity("张**便利店", USCC),
        "张*", List.of(published), List.of(stopped), List.of(new PublicPages.PublicCommitment("R-2026-000042",
            "本主体承诺……", "张*", Instant.parse("2026-10-20T02:00:00Z"), 1, "ab12"))));

    mvc.perform(get("/public/entities/" + USCC))
        .andExpect(status().isOk())
        .andExpect(content().string(allOf(containsString("张**便利店"), containsString(USCC),
            containsString("沪市监罚〔2026〕7号"), containsString("经营者张*未按期年报"), containsString("2027-03-02"),
            containsString("沪税罚〔2025〕3号"), containsString("2026-10-31"), containsString("R-2026-000042"),
            containsString("本主体承诺……"), not(containsString("张建国")))));
  }

  @Test
  void anUnknownEntityIsNotFound() throws Exception {
    when(pages.entity("91310000000000000X")).thenThrow(ApiProblem.notFound("no market entity 91310000000000000X"));

    mvc.perform(get("/public/entities/91310000000000000X")).andExpect(status().isNotFound());
  }
}
