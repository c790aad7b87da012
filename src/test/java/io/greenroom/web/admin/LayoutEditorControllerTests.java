package io.greenroom.web.admin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.greenroom.admission.LivePublishers;
import io.greenroom.config.PasswordConfiguration;
import io.greenroom.config.SecurityConfiguration;
import io.greenroom.layout.Layout;
import io.greenroom.layout.Layouts;
import io.greenroom.ome.OmeConfiguration;
import io.greenroom.stream.App;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.Slot;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@WebMvcTest(LayoutEditorController.class)
@Import({ SecurityConfiguration.class, PasswordConfiguration.class })
@WithMockUser
@ExtendWith(OutputCaptureExtension.class)
class LayoutEditorControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private StreamCatalog catalog;

	@MockitoBean
	private Layouts layouts;

	@MockitoBean
	private OmeConfiguration omeConfiguration;

	@MockitoBean
	private LivePublishers live;

	@BeforeEach
	void showWithTwoSlotsAndALayout() {
		given(this.catalog.findApp(7L)).willReturn(Optional.of(show()));
		given(this.catalog.listSlots(7L)).willReturn(List.of(slot(3L, "slot-2"), slot(4L, "slot-10")));
		Layout main = mock(Layout.class);
		given(main.getId()).willReturn(5L);
		given(main.getName()).willReturn("main");
		given(this.layouts.find(7L, 5L)).willReturn(Optional.of(main));
	}

	@Test
	void refusesARowIndexFarPastTheTableWithA400PageAndOneLogLine(CapturedOutput output) throws Exception {
		this.mvc.perform(offeredForm().param("boxes[99999].placed", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"))
			.andExpect(content().string(containsString("That request was not understood")));
		verify(this.layouts, never()).save(any(), any(), any());
		assertThat(output.getAll().lines().filter((line) -> line.contains("Bad request: POST /apps/7/layouts/5")))
			.hasSize(1);
		assertThat(output.getAll()).doesNotContain("\tat org.springframework").doesNotContain("\tat io.greenroom");
	}

	@Test
	void refusesARowThePageNeverOfferedWithA400Page(CapturedOutput output) throws Exception {
		this.mvc.perform(offeredForm().param("boxes[9].placed", "true"))
			.andExpect(status().isBadRequest())
			.andExpect(view().name("error"));
		verify(this.layouts, never()).save(any(), any(), any());
		assertThat(output.getAll()).contains("TamperedFormException").doesNotContain("\tat io.greenroom");
	}

	@Test
	void refusesTheSameSlotTwice() throws Exception {
		this.mvc
			.perform(post("/apps/7/layouts/5").with(csrf())
				.param("name", "main")
				.param("width", "1920")
				.param("height", "1080")
				.param("boxes[0].slotId", "3")
				.param("boxes[1].slotId", "3"))
			.andExpect(status().isBadRequest());
		verify(this.layouts, never()).save(any(), any(), any());
	}

	@Test
	void keepsATypedLayoutNameAndSaysWhatIsWrongWithIt() throws Exception {
		given(this.layouts.create(7L, "Main Stage")).willCallRealMethod();
		this.mvc.perform(post("/apps/7/layouts").with(csrf()).param("name", "Main Stage"))
			.andExpect(redirectedUrl("/apps/7#layouts"))
			.andExpect(flash().attribute("layoutName", "Main Stage"))
			.andExpect(flash().attribute("layoutNameError", containsString("lowercase letters, digits and hyphens")));
	}

	private static MockHttpServletRequestBuilder offeredForm() {
		return post("/apps/7/layouts/5").with(csrf())
			.accept(MediaType.TEXT_HTML)
			.param("name", "main")
			.param("width", "1920")
			.param("height", "1080")
			.param("boxes[0].slotId", "3")
			.param("boxes[0].placed", "true")
			.param("boxes[1].slotId", "4");
	}

	private static App show() {
		App app = new App("show", Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(app, "id", 7L);
		return app;
	}

	private static Slot slot(Long id, String name) {
		Slot slot = new Slot(show(), name, name, 2500, new PublishSecret("Zx9_abcdefghijklmnopqrstuvwx-1a2b"),
				Instant.parse("2026-11-01T10:00:00Z"));
		ReflectionTestUtils.setField(slot, "id", id);
		return slot;
	}

}
