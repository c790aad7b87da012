package io.greenroom.admission;

import io.greenroom.stream.CatalogChanged;

import java.util.Optional;

import java.util.Map;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.greenroom.stream.App;
import io.greenroom.stream.PublishSecret;
import io.greenroom.stream.SlotRow;
import io.greenroom.stream.StreamCatalog;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory copy of apps and slots that admission reads.
 */
class SlotDirectoryTests {

	private final AtomicInteger loads = new AtomicInteger();

	private final CountDownLatch loading = new CountDownLatch(1);

	private final CountDownLatch release = new CountDownLatch(1);

	private final StreamCatalog catalog = Mockito.mock(StreamCatalog.class);

	SlotDirectoryTests() {
		App app = new App("show", Instant.now());
		Mockito.when(this.catalog.allApps()).thenReturn(List.of(app));
		Mockito.when(this.catalog.allSlotRows()).thenAnswer((invocation) -> {
			this.loads.incrementAndGet();
			this.loading.countDown();
			// Held until every request of the test is waiting, like a slow cold load.
			assertThat(this.release.await(10, TimeUnit.SECONDS)).isTrue();
			return List.of(new SlotRow("show", 1L, "cam1", "Camera 1", PublishSecret.generate().value(), true));
		});
	}

	@Test
	void requestsThatArriveTogetherBeforeTheCopyExistsShareOneLoad() throws Exception {
		SlotDirectory directory = new SlotDirectory(this.catalog);
		List<Thread> threads = new CopyOnWriteArrayList<>();
		ExecutorService requests = Executors.newFixedThreadPool(20, (task) -> {
			Thread thread = new Thread(task);
			threads.add(thread);
			return thread;
		});
		try {
			List<Future<SlotDirectory.AppEntry>> answers = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				answers.add(requests.submit(() -> directory.app("show")));
			}
			assertThat(this.loading.await(10, TimeUnit.SECONDS)).isTrue();
			// The other 19 are waiting for the one load before it is allowed to finish.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (threads.stream().filter((thread) -> thread.getState() == Thread.State.BLOCKED).count() < 19
					&& System.nanoTime() < deadline) {
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
			this.release.countDown();
			for (Future<SlotDirectory.AppEntry> answer : answers) {
				assertThat(answer.get(10, TimeUnit.SECONDS).slots()).containsOnlyKeys("cam1");
			}
		}
		finally {
			requests.shutdownNow();
		}
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void theCopyIsBuiltWhenGreenroomIsReadyNotByTheFirstRequest() {
		this.release.countDown();
		SlotDirectory directory = new SlotDirectory(this.catalog);
		directory.load();
		assertThat(this.loads).hasValue(1);
		assertThat(directory.app("show")).isNotNull();
		assertThat(directory.app("other")).isNull();
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void notificationsReadDisplayNamesAndPrivacyFromTheCopyWithoutAnotherLoad() {
		StreamCatalog catalog = Mockito.mock(StreamCatalog.class);
		App show = new App("show", Instant.now());
		App room = new App("room", Instant.now());
		ReflectionTestUtils.setField(room, "privateViewing", true);
		Mockito.when(catalog.allApps()).thenReturn(List.of(show, room));
		Mockito.when(catalog.allSlotRows())
			.thenReturn(List.of(new SlotRow("show", 1L, "cam1", "Camera 1", PublishSecret.generate().value(), true),
					new SlotRow("room", 2L, "cam2", " ", PublishSecret.generate().value(), true)));
		SlotDirectory directory = new SlotDirectory(catalog);
		directory.load();

		assertThat(directory.displayName("show", "cam1")).isEqualTo("Camera 1");
		assertThat(directory.displayName("room", "cam2")).as("no display name: the slot's name").isEqualTo("cam2");
		assertThat(directory.displayName("show", "gone")).isNull();
		assertThat(directory.displayName("gone", "cam1")).isNull();
		assertThat(directory.privateViewing("room")).isTrue();
		assertThat(directory.privateViewing("show")).isFalse();
		assertThat(directory.privateViewing("gone")).isFalse();
		Mockito.verify(catalog, Mockito.times(1)).allSlotRows();
	}

	@Test
	void aChangeToOneAppReadsOnlyThatAppAgain() {
		StreamCatalog catalog = Mockito.mock(StreamCatalog.class);
		App show = new App("show", Instant.now());
		ReflectionTestUtils.setField(show, "id", 1L);
		App room = new App("room", Instant.now());
		ReflectionTestUtils.setField(room, "id", 2L);
		Mockito.when(catalog.allApps()).thenReturn(List.of(show, room));
		Mockito.when(catalog.allSlotRows())
			.thenReturn(List.of(new SlotRow("show", 1L, "cam1", "Camera 1", PublishSecret.generate().value(), true),
					new SlotRow("room", 2L, "cam2", null, PublishSecret.generate().value(), true)));
		SlotDirectory directory = new SlotDirectory(catalog);
		directory.load();
		Map<String, SlotDirectory.AppEntry> before = directory.current();

		// The app "show" is renamed "stage" and gets a second slot.
		ReflectionTestUtils.setField(show, "name", "stage");
		Mockito.when(catalog.findApp(1L)).thenReturn(Optional.of(show));
		Mockito.when(catalog.slotRowsOfApp(1L))
			.thenReturn(List.of(new SlotRow("stage", 1L, "cam1", "Camera 1", PublishSecret.generate().value(), true),
					new SlotRow("stage", 3L, "cam3", null, PublishSecret.generate().value(), false)));
		directory.onCatalogChanged(new CatalogChanged(Instant.now(), 1L));

		Mockito.verify(catalog, Mockito.times(1)).allSlotRows();
		assertThat(directory.current()).containsOnlyKeys("stage", "room");
		assertThat(directory.app("stage").slots()).containsOnlyKeys("cam1", "cam3");
		assertThat(directory.app("room")).as("untouched: the same entry").isSameAs(before.get("room"));

		// Then deleted.
		Mockito.when(catalog.findApp(1L)).thenReturn(Optional.empty());
		directory.onCatalogChanged(new CatalogChanged(Instant.now(), 1L));
		assertThat(directory.current()).containsOnlyKeys("room");

		// A change that names no app reads everything.
		directory.onCatalogChanged(new CatalogChanged(Instant.now()));
		Mockito.verify(catalog, Mockito.times(2)).allSlotRows();
	}

}
